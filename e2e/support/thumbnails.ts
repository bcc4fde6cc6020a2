import { expect } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';

/** Waits until every grid tile in the DOM shows its thumbnail. */
export async function thumbnailsSettled(app: Page): Promise<void> {
  await expect
    .poll(async () => {
      const tiles = await app.getByTestId('file-tile').count();
      const shown = await app.getByTestId('file-thumbnail').count();
      return tiles > 0 && shown === tiles;
    })
    .toBe(true);
}

/** Width and centre colour (r, g, b) of each image, decoded and drawn as the page draws it. */
export function centreColours(images: Locator): Promise<{ width: number; rgb: number[] }[]> {
  return images.evaluateAll((elements) =>
    Promise.all(
      (elements as HTMLImageElement[]).map(async (img) => {
        await img.decode();
        const canvas = document.createElement('canvas');
        canvas.width = img.naturalWidth;
        canvas.height = img.naturalHeight;
        const context = canvas.getContext('2d')!;
        context.drawImage(img, 0, 0);
        const pixel = context.getImageData(img.naturalWidth >> 1, img.naturalHeight >> 1, 1, 1).data;
        return { width: img.naturalWidth, rgb: [...pixel].slice(0, 3) };
      }),
    ),
  );
}
