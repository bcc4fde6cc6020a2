import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { updateSettings } from '../support/bridge-call';
import { expect, test } from '../support/fixtures';
import { bmp } from '../support/images';
import type { Rgb } from '../support/images';

/**
 * The grid view with thumbnails and the preview pane in both themes (light English, dark Chinese), saved under
 * e2e/artifacts/screenshots/ (git-ignored); docs/screenshots/ keeps copies for the README.
 * Also what only a browser can show: an SVG becomes a thumbnail through <img> (no script), and
 * an image over the size bound keeps its type icon.
 */
const OUT_DIR = fileURLToPath(new URL('../artifacts/screenshots/', import.meta.url));
const MiB = 1024 * 1024;

/** A diagonal blend of two colours, like a sky or a sunset. */
const blend =
  (from: Rgb, to: Rgb, w: number, h: number) =>
  (x: number, y: number): Rgb => {
    const t = (x / w + y / h) / 2;
    return [0, 1, 2].map((i) => Math.round(from[i]! + (to[i]! - from[i]!) * t)) as unknown as Rgb;
  };

const PHOTOS: readonly { name: string; from: Rgb; to: Rgb }[] = [
  { name: 'Sunset over the lake.bmp', from: [250, 140, 60], to: [90, 40, 120] },
  { name: 'Morning fog.bmp', from: [220, 230, 240], to: [120, 150, 180] },
  { name: 'Forest path.bmp', from: [40, 110, 60], to: [190, 220, 120] },
  { name: 'Sea at noon.bmp', from: [20, 90, 180], to: [140, 220, 240] },
  { name: 'Desert dunes.bmp', from: [240, 200, 120], to: [180, 90, 40] },
  { name: 'Night city.bmp', from: [20, 20, 60], to: [200, 80, 160] },
  { name: 'Lavender field.bmp', from: [150, 120, 220], to: [240, 220, 250] },
  { name: 'Autumn leaves.bmp', from: [200, 60, 30], to: [250, 200, 60] },
];
const SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64" onload="alert(1)">' +
  '<circle cx="32" cy="32" r="28" fill="rgb(0,128,255)"/><script>alert(2)</script></svg>';

test.use({
  viewport: { width: 1280, height: 800 },
  driveSeed: {
    arrange: async (fake) => {
      fake.state.addFolder('/Photos');
      fake.state.addFolder('/Photos/2025');
      for (const p of PHOTOS)
        await fake.state.addFile(`/Photos/${p.name}`, bmp(160, 120, blend(p.from, p.to, 160, 120)));
      await fake.state.addFile('/Photos/Logo.svg', SVG);
      // Over the 4 MiB default bound: never fetched, its type icon stays.
      await fake.state.addFile(
        '/Photos/Panorama (huge).bmp',
        bmp(1400, 1000, blend([10, 10, 10], [255, 255, 255], 1400, 1000)),
      );
      await fake.state.addFile('/Photos/Trip notes.txt', 'day one: the lake\n');
      await fake.state.addFile('/Photos/Holiday clip.mp4', Buffer.alloc(64 * 1024, 1));
    },
  },
});

test('grid screenshots: thumbnails (SVG included, no script), the big image keeps its icon', async ({
  app,
  fakePan,
}) => {
  test.setTimeout(120_000);
  await mkdir(OUT_DIR, { recursive: true });
  let dialogs = 0;
  app.on('dialog', (dialog) => {
    dialogs++;
    void dialog.dismiss();
  });
  await app.getByTestId('file-row').filter({ hasText: 'Photos' }).dblclick();
  await expect(app.getByTestId('list-status')).toContainText('13 items');
  await app.getByTestId('view-toggle').click();
  const tile = (name: string) => app.getByTestId('file-tile').filter({ hasText: name });
  for (const p of PHOTOS) await expect(tile(p.name).getByTestId('file-thumbnail')).toBeVisible();
  await expect(tile('Logo.svg').getByTestId('file-thumbnail')).toBeVisible();
  await expect(tile('Panorama (huge).bmp').getByTestId('file-thumbnail')).toHaveCount(0);
  await expect(tile('Holiday clip.mp4').getByTestId('file-thumbnail')).toHaveCount(0);
  const huge = fakePan.state.find('/Photos/Panorama (huge).bmp');
  expect(huge && huge.size > 4 * MiB).toBe(true);
  expect(fakePan.traffic.cdnRequests(huge!.md5)).toBe(0);
  expect(dialogs).toBe(0);

  // The preview pane beside the grid shows the selected photo, decoded.
  await tile(PHOTOS[0]!.name).click();
  await app.keyboard.press('Alt+P');
  const previewed = app.getByTestId('preview-pane').getByTestId('preview-image');
  await expect
    .poll(() => previewed.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth === 160))
    .toBe(true);
  await app.screenshot({ path: join(OUT_DIR, 'grid-light-en.png') });
  await updateSettings(app, { theme: 'dark', language: 'zh-CN' });
  await expect(app.getByTestId('app')).toHaveAttribute('data-theme', 'dark');
  await expect(app.getByTestId('view-toggle')).toHaveText('网格视图');
  await app.screenshot({ path: join(OUT_DIR, 'grid-dark-zh-CN.png') });
});
