/**
 * What the engine is measured against, each run by standard tools in processes of their own,
 * with wall time and their CPU time (measure): uploads into the same fake-pan (so the emulator
 * does the same work on both sides), downloads of the same signed URL.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Measured, Pan } from './processes';
import { PLATFORM, accessToken, installed, measure, run } from './processes';

/** `md5sum`, then curl's one-request upload (`single/create`) of the same bytes. */
export async function oneRequestUpload(pan: Pan, file: string, size: number): Promise<Measured<void>> {
  const token = await accessToken(pan);
  const domains = await fetch(`${pan.baseUrl}/upload/v2/file/domain`, {
    headers: { ...PLATFORM, Authorization: `Bearer ${token}` },
  });
  const host = ((await domains.json()) as { data: string[] }).data[0];
  return measure(async () => {
    const md5 = (await run('md5sum', [file])).split(' ')[0] ?? '';
    const answer = await run('curl', [
      '-s',
      ...['-H', `Authorization: Bearer ${token}`, '-H', 'Platform: open_platform'],
      ...['-F', 'parentFileID=0', '-F', 'filename=baseline.bin', '-F', `etag=${md5}`],
      ...['-F', `size=${size}`, '-F', 'duplicate=2', '-F', `file=@${file}`],
      `${host}/upload/v2/file/single/create`,
    ]);
    const body = JSON.parse(answer) as { code: number; data?: { completed?: boolean } };
    if (body.code !== 0 || body.data?.completed !== true) throw new Error(`baseline upload: ${answer}`);
  });
}

/**
 * The sliced protocol with standard tools, as a client that wastes nothing would run it: one
 * read of the file giving the whole MD5 and every slice's (tee into md5sum and into split, whose
 * filter hashes each slice), create, the slices `parallel` at a time (`dd | curl`, the slice
 * size create answered), then upload_complete polled once a second as the engine does.
 */
const FLOOR_SCRIPT = String.raw`
set -euo pipefail
file=$1 api=$2 name=$3 size=$4 parallel=$5 slice=$6 work=$7
auth="Authorization: Bearer $BENCH_TOKEN"
mkfifo "$work/whole"
md5sum < "$work/whole" | cut -c1-32 > "$work/whole.md5" & hashing=$!
tee "$work/whole" < "$file" | split -b "$slice" -d -a 6 --filter='md5sum | cut -c1-32 > "$FILE"' - "$work/slice."
wait $hashing
md5=$(cat "$work/whole.md5")
created=$(curl -sS -H "$auth" -H 'Platform: open_platform' -H 'Content-Type: application/json' \
  -d "{\"parentFileID\":0,\"filename\":\"$name\",\"etag\":\"$md5\",\"size\":$size,\"duplicate\":2}" \
  "$api/upload/v2/file/create")
field() { sed -E "s/.*\"$1\":\"?([^\",]*).*/\1/" <<<"$created"; }
[ "$(field sliceSize)" = "$slice" ] || { echo "create answered another slice size: $created" >&2; exit 1; }
server=$(sed -E 's/.*"servers":\["([^"]*)".*/\1/' <<<"$created")
export pre=$(field preuploadID) server file slice auth work
send() {
  local no=$(( $1 + 1 ))
  dd if="$file" bs="$slice" skip="$1" count=1 status=none \
    | curl -sS -H "$auth" -H 'Platform: open_platform' -F "preuploadID=$pre" -F "sliceNo=$no" \
        -F "sliceMD5=$(cat "$work/slice.$(printf %06d "$1")")" -F "slice=@-;filename=part$no" \
        "$server/upload/v2/file/slice" | grep -q '"code":0'
}
export -f send
count=$(( (size + slice - 1) / slice ))
seq 0 $(( count - 1 )) | xargs -P "$parallel" -I{} bash -c 'send {}'
for poll in $(seq 1 300); do
  done=$(curl -sS -H "$auth" -H 'Platform: open_platform' -H 'Content-Type: application/json' \
    -d "{\"preuploadID\":\"$pre\"}" "$api/upload/v2/file/upload_complete")
  case "$done" in *'"completed":true'*) exit 0 ;; esac
  sleep 1
done
exit 1
`;

export async function protocolFloorUpload(
  pan: Pan,
  file: string,
  opts: { size: number; parallel: number; sliceSize: number; work: string },
): Promise<Measured<void>> {
  const token = await accessToken(pan);
  const work = join(opts.work, 'floor-client');
  rmSync(work, { recursive: true, force: true });
  await run('mkdir', ['-p', work]);
  try {
    const args = [
      pan.baseUrl,
      'floor.bin',
      String(opts.size),
      String(opts.parallel),
      String(opts.sliceSize),
      work,
    ];
    return await measure(() =>
      run('bash', ['-c', FLOOR_SCRIPT, 'floor-client', file, ...args], {
        ...process.env,
        BENCH_TOKEN: token,
      }).then(() => undefined),
    );
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** curl posting the file into a process that discards it: no server work at all. */
export async function sinkUpload(file: string, sinkUrl: string): Promise<Measured<void>> {
  return measure(async () => {
    await run('md5sum', [file]);
    await run('curl', ['-s', '-o', '/dev/null', '-X', 'POST', '-T', file, sinkUrl]);
  });
}

export interface DownloadBaselines {
  curl: Measured<void>;
  /** md5sum of what curl saved: with curl, the download-then-verify client. */
  md5sum: Measured<void>;
  /** aria2c with N connections, verifying the MD5 after downloading; null where not installed. */
  aria2cChecked: Measured<void> | null;
  aria2c: Measured<void> | null;
}

/** Writes every dirty page back, so no run starts with the previous one's writes pending. */
export async function settleDisk(): Promise<void> {
  await run('sync', []);
}

export async function downloadBaselines(
  url: string,
  opts: { dir: string; connections: number; md5: string },
): Promise<DownloadBaselines> {
  const target = join(opts.dir, 'baseline.bin');
  await settleDisk();
  const curl = await measure(() => run('curl', ['-s', '-L', '-o', target, url]).then(() => undefined));
  const md5sum = await measure(async () => {
    const sum = (await run('md5sum', [target])).split(' ')[0];
    if (sum !== opts.md5) throw new Error('curl saved other bytes than the file has');
  });
  rmSync(target, { force: true });
  if (!(await installed('aria2c'))) return { curl, md5sum, aria2cChecked: null, aria2c: null };
  const aria2c = async (checksum: boolean): Promise<Measured<void>> => {
    await settleDisk();
    const n = String(opts.connections);
    const args = ['-q', '-x', n, '-s', n, '--allow-overwrite=true', '--auto-file-renaming=false'];
    if (checksum) args.push(`--checksum=md5=${opts.md5}`);
    const measured = await measure(() =>
      run('aria2c', [...args, '-d', opts.dir, '-o', 'baseline.bin', url]).then(() => undefined),
    );
    rmSync(target, { force: true });
    return measured;
  };
  return { curl, md5sum, aria2cChecked: await aria2c(true), aria2c: await aria2c(false) };
}
