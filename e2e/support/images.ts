/**
 * Small images written in the test, in the simplest format Chromium decodes: 24-bit BMP
 * (no compression, no checksum), so a spec knows every pixel it seeds.
 */
export type Rgb = readonly [number, number, number];

/** A BMP of `width`×`height` whose pixel at (x, y) (top-left origin) is `pixel(x, y)`. */
export function bmp(width: number, height: number, pixel: (x: number, y: number) => Rgb): Buffer {
  const row = Math.ceil((width * 3) / 4) * 4;
  const size = 54 + row * height;
  const out = Buffer.alloc(size);
  out.write('BM', 0, 'latin1');
  out.writeUInt32LE(size, 2);
  out.writeUInt32LE(54, 10);
  out.writeUInt32LE(40, 14);
  out.writeInt32LE(width, 18);
  out.writeInt32LE(height, 22);
  out.writeUInt16LE(1, 26);
  out.writeUInt16LE(24, 28);
  out.writeUInt32LE(row * height, 34);
  // Rows are stored bottom-up, pixels as blue, green, red.
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const [r, g, b] = pixel(x, height - 1 - y);
      out.set([b, g, r], 54 + y * row + x * 3);
    }
  return out;
}

/** A BMP of one colour. */
export const solidBmp = (side: number, colour: Rgb): Buffer => bmp(side, side, () => colour);
