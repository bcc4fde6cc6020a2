/** The benchmark's output: one line per case or comparison, `name key=value …`. */
import { availableParallelism } from 'node:os';
import type { ChildAnswer } from './engine-child';

const GiB = 1024 * 1024 * 1024;

export const seconds = (ms: number): string => (Number.isFinite(ms) ? (ms / 1000).toFixed(2) : '-');
const mbps = (bytes: number, ms: number): string => (bytes / (1024 * 1024) / (ms / 1000)).toFixed(0);

export function line(name: string, fields: Record<string, string>): void {
  const text = Object.entries({ ...fields, cores: String(availableParallelism()) })
    .map(([k, v]) => `${k}=${v}`)
    .join(' ');
  process.stdout.write(`${name} ${text}\n`);
}

export function skipped(name: string, why: string): void {
  process.stdout.write(`${name} skipped (${why})\n`);
}

/** Ratio of the engine's time to a baseline's, with both wall and CPU times. */
export function compare(
  engine: { ms: number; cpuMs: number },
  baseline: { ms: number; cpuMs: number },
  bytes: number,
): Record<string, string> {
  return {
    ratio: (engine.ms / baseline.ms).toFixed(2),
    engine_s: seconds(engine.ms),
    engine_cpu_s: seconds(engine.cpuMs),
    engine_mbps: mbps(bytes, engine.ms),
    baseline_s: seconds(baseline.ms),
    baseline_cpu_s: seconds(baseline.cpuMs),
    baseline_mbps: mbps(bytes, baseline.ms),
  };
}

/** The engine's own figures of a run: peak memory, CPU per GiB moved, time per phase. */
export function engineFields(answer: ChildAnswer, bytes: number): Record<string, string> {
  return {
    peak_rss_mb: String(Math.round(answer.peakRssMb)),
    cpu_s_per_gib: seconds((answer.cpuMs * GiB) / bytes),
    phases:
      Object.entries(answer.phases)
        .map(([phase, ms]) => `${phase}:${seconds(ms)}`)
        .join(',') || '-',
  };
}
