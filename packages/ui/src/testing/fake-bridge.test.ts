import { describe, expect, it } from 'vitest';
import { createFakeBridge } from './fake-bridge';

describe('the fake bridge validates like the back end', () => {
  it('refuses a rename with an unknown key, changes nothing and records no call', async () => {
    const bridge = createFakeBridge();
    const readme = [...bridge.drive.items.values()].find((i) => i.entry.name === 'readme.md')!;
    const answer = await bridge.files.rename({ id: readme.entry.id, name: 'x.md', parentId: 0 } as never);
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid_input', retryable: false } });
    if (!answer.ok) expect(answer.error.message).toMatch(/files:rename.*parentId/s);
    expect(readme.entry.name).toBe('readme.md');
    expect(bridge.calls).not.toContain('files.rename');
  });

  it('refuses inputs of the wrong shape on every domain', async () => {
    const bridge = createFakeBridge();
    expect(await bridge.files.list({ folderId: -1 })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(await bridge.settings.update({ theme: 'neon' } as never)).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(await bridge.transfers.pause({ ids: 'all' } as never)).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(bridge.calls).toEqual([]);
  });

  it('answers valid calls and pushes events across the same link', async () => {
    const bridge = createFakeBridge();
    const seen: number[][] = [];
    bridge.on('folder:changed', (change) => seen.push([...change.folderIds]));
    const made = await bridge.files.mkdir({ parentId: 0, name: 'New' });
    expect(made.ok).toBe(true);
    expect(bridge.calls).toEqual(['files.mkdir']);
    await expect.poll(() => seen).toEqual([[0]]);
  });
});
