/**
 * Makes a thumbnail from an image's bytes, in the renderer where images are decoded safely
 * (Chromium's decoders, no native add-on): decoded through an `<img>` from a `data:` URL
 * (allowed by both hosts' CSP, `img-src data:`; an SVG shown as an image runs no script and
 * loads nothing), drawn on a canvas scaled to fit `px` (never enlarged), encoded as WebP
 * (JPEG where the browser cannot encode WebP).
 */
import type { ThumbnailType } from '@pandesk/contract';

export interface MadeThumbnail {
  readonly type: ThumbnailType;
  /** base64 of the encoded thumbnail. */
  readonly data: string;
}

/** The MIME type an `<img>` needs for a `data:` URL of these bytes, from the name's extension. */
export function imageTypeOf(name: string): string {
  const ext = name.slice(name.lastIndexOf('.') + 1).toLowerCase();
  if (ext === 'svg') return 'image/svg+xml';
  if (ext === 'jpg') return 'image/jpeg';
  return `image/${ext}`;
}

function decode(src: string): Promise<HTMLImageElement> {
  const img = new Image();
  img.decoding = 'async';
  img.src = src;
  return img.decode().then(() => img);
}

function encode(canvas: HTMLCanvasElement, type: ThumbnailType): Promise<Blob | null> {
  return new Promise((resolve) => canvas.toBlob(resolve, type, 0.82));
}

async function base64Of(blob: Blob): Promise<string> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Rejects when the bytes are not an image the browser can decode. */
export async function makeThumbnail(base64: string, name: string, px: number): Promise<MadeThumbnail> {
  const img = await decode(`data:${imageTypeOf(name)};base64,${base64}`);
  const width = img.naturalWidth || px;
  const height = img.naturalHeight || px;
  const scale = Math.min(1, px / Math.max(width, height));
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(width * scale));
  canvas.height = Math.max(1, Math.round(height * scale));
  const context = canvas.getContext('2d');
  if (context === null) throw new Error('no 2D canvas');
  context.imageSmoothingQuality = 'high';
  context.drawImage(img, 0, 0, canvas.width, canvas.height);
  for (const type of ['image/webp', 'image/jpeg'] as const) {
    const blob = await encode(canvas, type);
    if (blob !== null && blob.type === type) return { type, data: await base64Of(blob) };
  }
  throw new Error('the canvas could not be encoded');
}
