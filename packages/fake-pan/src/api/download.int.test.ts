import { afterEach, describe, expect, it } from 'vitest';
import { api } from '../testing/api-call';
import { bytesOf, downloadInfo, md5, startKit, uploadBytes, type Kit } from './upload-test-kit';
import { createManualClock } from '@pandesk/contract/testing';

let kit: Kit | undefined;
afterEach(async () => {
  await kit?.pan.close();
  kit = undefined;
});

describe('download_info', () => {
  it('answers a signed CDN URL that serves the file, with t = now + downloadUrlLifetimeSec', async () => {
    const clock = createManualClock({ start: Date.now() });
    kit = await startKit({ clock, faults: { downloadUrlLifetimeSec: 300 } });
    const bytes = bytesOf(70_000, 31);
    const id = await uploadBytes(kit, '报告.pdf', bytes);
    const env = await downloadInfo(kit, id);
    expect(env.code).toBe(0);
    const url = new URL(env.data.downloadUrl);
    expect(url.origin).toBe(kit.pan.cdnUrl);
    expect(url.pathname).toMatch(
      new RegExp(`^/123-61/${md5(bytes).slice(0, 8)}/\\d+-0/${md5(bytes)}/c-m74$`),
    );
    expect(Number(url.searchParams.get('t'))).toBe(Math.floor(clock.now() / 1000) + 300);
    expect(url.searchParams.get('s')?.startsWith(url.searchParams.get('t')!)).toBe(true);
    expect(url.searchParams.get('filename')).toBe('报告.pdf');

    const whole = await fetch(url);
    expect(whole.status).toBe(200);
    expect(md5(Buffer.from(await whole.arrayBuffer()))).toBe(md5(bytes));
    const part = await fetch(url, { headers: { Range: 'bytes=1000-1999' } });
    expect(part.status).toBe(206);
    expect(Buffer.from(await part.arrayBuffer()).equals(bytes.subarray(1000, 2000))).toBe(true);

    await clock.advance(301_000);
    const expired = await fetch(url);
    expect(expired.status).toBe(403);
    await expired.arrayBuffer();
  });

  it('answers 5066 for unknown ids, folders and files in the trash', async () => {
    kit = await startKit();
    const k = kit;
    expect((await downloadInfo(k, 987654321)).code).toBe(5066);
    const folder = k.pan.state.addFolder('/dir');
    expect((await downloadInfo(k, folder.id)).code).toBe(5066);
    const file = await k.pan.state.addFile('/dir/inner.txt', 'hello');
    expect((await downloadInfo(k, file.id)).code).toBe(0);
    const trashed = await api(k.pan, 'POST', '/api/v1/file/trash', {
      token: k.token,
      body: { fileIDs: [folder.id] },
    });
    expect(trashed.code).toBe(0);
    expect((await downloadInfo(k, file.id)).code).toBe(5066);
    const missing = await api(k.pan, 'GET', '/api/v1/file/download_info', { token: k.token });
    expect(missing.code).not.toBe(0);
  });

  it('answers 5113 while trafficExhausted is set', async () => {
    kit = await startKit();
    const file = await kit.pan.state.addFile('/a.txt', 'abc');
    kit.pan.faults.set({ trafficExhausted: true });
    const env = await downloadInfo(kit, file.id);
    expect(env.code).toBe(5113);
    expect(env.data).toBeNull();
    kit.pan.faults.set({ trafficExhausted: false });
    expect((await downloadInfo(kit, file.id)).code).toBe(0);
  });

  it('answers 20103 for the first downloadInfo20103Polls calls after an upload', async () => {
    kit = await startKit({ faults: { downloadInfo20103Polls: 2 } });
    const id = await uploadBytes(kit, 'fresh.bin', bytesOf(1000, 32));
    expect((await downloadInfo(kit, id)).code).toBe(20103);
    expect((await downloadInfo(kit, id)).code).toBe(20103);
    expect((await downloadInfo(kit, id)).code).toBe(0);
    // A rapid upload of the same bytes is a new file that is verified again.
    const rapid = await uploadBytes(kit, 'rapid.bin', bytesOf(1000, 32));
    expect((await downloadInfo(kit, rapid)).code).toBe(20103);
    // Files that were not just uploaded are not affected.
    const seeded = await kit.pan.state.addFile('/seeded.txt', 'x');
    expect((await downloadInfo(kit, seeded.id)).code).toBe(0);
  });
});
