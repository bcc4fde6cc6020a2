import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from '../support/fixtures';

const FILES = [
  { name: 'alpha.txt', text: 'first file\n' },
  { name: 'beta.md', text: '# second file\n'.repeat(50) },
  { name: '报告 2025.csv', text: 'a,b,c\n1,2,3\n' },
];

test('drops three files onto a folder; they upload, complete and appear in that folder', async ({
  app,
  fakePan,
  workDir,
}) => {
  const target = app.getByTestId('file-row').filter({ hasText: 'Photos' });
  // Finished items leave the Active view at once (small files finish fast): watch Completed.
  await app.getByRole('tab', { name: /Completed/ }).click();
  // A synthetic OS drop: a DataTransfer with File objects, dispatched like a real drag.
  const dataTransfer = await app.evaluateHandle((files) => {
    const dt = new DataTransfer();
    for (const f of files) dt.items.add(new File([f.text], f.name, { type: 'text/plain' }));
    return dt;
  }, FILES);
  for (const type of ['dragenter', 'dragover', 'drop']) await target.dispatchEvent(type, { dataTransfer });

  const transfers = app.getByTestId('transfer-row');
  for (const f of FILES)
    await expect(transfers.filter({ hasText: f.name })).toHaveAttribute('data-state', 'completed', {
      timeout: 60_000,
    });

  await target.dblclick();
  const rows = app.getByTestId('file-row');
  for (const f of FILES) await expect(rows.filter({ hasText: f.name })).toBeVisible();

  const stored = fakePan.state.list('/Photos').filter((n) => !n.trashed);
  expect(stored.map((n) => n.name).sort()).toEqual(FILES.map((f) => f.name).sort());
  for (const f of FILES) expect(stored.find((n) => n.name === f.name)?.size).toBe(Buffer.byteLength(f.text));

  // The host's staged copies of the dropped files are removed once their uploads completed.
  const staging = join(workDir, 'user-data', 'staging');
  await expect.poll(async () => (await readdir(staging).catch(() => [])).length, { timeout: 30_000 }).toBe(0);
});
