import type { HostAdapter } from '@pandesk/ui';
import { createClipboardWriter } from './clipboard';
import { captureEntries, entriesFromFiles, readDropEntries } from './drop-entries';
import type { DropEntry } from './drop-entries';

/**
 * The UI's HostAdapter in the browser: dropped or picked files are streamed to the host's
 * `POST /api/stage` (one request per file, a few at a time) and come back as local paths on
 * the host, one per top-level dropped item, ready for `transfers.upload`. Browser downloads
 * go through single-use links the UI asks for with `app.downloadLink` (`/api/dl/<ticket>`); the
 * clipboard is the browser's (`clipboard.ts`).
 */

export interface WebHostAdapterOptions {
  readonly secret: string;
  /** Base for the API routes (default: this page's origin). */
  readonly baseUrl?: string;
  readonly fetch?: typeof fetch;
  /** Files sent at once (default 3). */
  readonly concurrency?: number;
  /** The host can serve browser downloads (`/api/config`); without it the UI uses the queue. */
  readonly browserDownloads?: boolean;
  /** Where the hidden file input goes (default `document`). */
  readonly document?: Document;
}

interface StageAnswer {
  readonly path: string;
  readonly topLevel: string;
}

function newBatchId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** First path segment of each entry, in drop order, without repeats. */
function topLevelOrder(entries: readonly DropEntry[]): string[] {
  return [...new Set(entries.map((e) => e.path.split('/')[0] ?? e.path))];
}

export function createWebHostAdapter(options: WebHostAdapterOptions): HostAdapter {
  const fetchImpl = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  const base = options.baseUrl ?? '';
  const concurrency = Math.max(1, options.concurrency ?? 3);

  async function stageOne(batchId: string, entry: DropEntry): Promise<StageAnswer> {
    const headers: Record<string, string> = {
      'X-PanDesk-Key': options.secret,
      'X-PanDesk-Batch': batchId,
      'X-PanDesk-Path': encodeURIComponent(entry.path),
      'Content-Type': 'application/octet-stream',
    };
    if (entry.file === undefined) headers['X-PanDesk-Kind'] = 'folder';
    const res = await fetchImpl(`${base}/api/stage`, { method: 'POST', headers, body: entry.file ?? '' });
    if (!res.ok) throw new Error(`${entry.path}: ${(await res.text()) || `HTTP ${res.status}`}`);
    return (await res.json()) as StageAnswer;
  }

  /** Stages every entry; answers the host paths of the top-level items, in drop order. */
  async function stageAll(entries: readonly DropEntry[]): Promise<string[]> {
    if (entries.length === 0) return [];
    const batchId = newBatchId();
    const byTop = new Map<string, string>();
    let next = 0;
    async function worker(): Promise<void> {
      while (next < entries.length) {
        const entry = entries[next++];
        if (entry === undefined) return;
        const answer = await stageOne(batchId, entry);
        byTop.set(entry.path.split('/')[0] ?? entry.path, answer.topLevel);
      }
    }
    await Promise.all(Array.from({ length: Math.min(concurrency, entries.length) }, worker));
    return topLevelOrder(entries).flatMap((top) => byTop.get(top) ?? []);
  }

  function stageFiles(input: { files: File[]; items?: DataTransferItemList | null }): Promise<string[]> {
    // Synchronously, while the drop event is still being dispatched.
    const captured = captureEntries(input.items);
    const files = [...input.files];
    return (async () => stageAll(captured ? await readDropEntries(captured) : entriesFromFiles(files)))();
  }

  function pickFiles(mode: 'files' | 'folder'): Promise<File[]> {
    const doc = options.document ?? document;
    const input = doc.createElement('input');
    input.type = 'file';
    input.multiple = true;
    if (mode === 'folder') input.webkitdirectory = true;
    input.hidden = true;
    doc.body.append(input);
    return new Promise<File[]>((resolve) => {
      const done = (files: File[]): void => {
        input.remove();
        resolve(files);
      };
      input.addEventListener('change', () => done([...(input.files ?? [])]), { once: true });
      input.addEventListener('cancel', () => done([]), { once: true });
      input.click();
    });
  }

  return {
    kind: 'web',
    stageFiles,
    pickForUpload: async (mode) => stageAll(entriesFromFiles(await pickFiles(mode))),
    writeClipboard(text) {
      const doc = options.document ?? document;
      const clipboard = doc.defaultView?.navigator.clipboard;
      return createClipboardWriter({ document: doc, ...(clipboard ? { clipboard } : {}) })(text);
    },
    browserDownloads: options.browserDownloads !== false,
  };
}
