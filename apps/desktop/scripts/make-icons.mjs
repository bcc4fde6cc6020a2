// Draws PanDesk's icon (a white cloud over a downward arrow on a blue rounded square) at every
// size the platforms ask for and writes build/icons/NxN.png (Linux, 16-1024), build/icon.ico
// (16-256), build/icon.icns (16-1024 with the @2x types) and build/drag.png (+ @2x). Each size
// is drawn from the shapes, not scaled down. Plain Node (zlib); the outputs are committed.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

const out = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'build', 'icons');

function crc32(buf) {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

/** Coverage of pixel (x, y) in a 1-unit grid by the shape, with 4x4 supersampling. */
function draw(size) {
  const rgba = Buffer.alloc(size * size * 4);
  const s = size / 1024;
  const inRounded = (x, y) => {
    const r = 200 * s,
      m = 40 * s,
      lo = m,
      hi = size - m;
    if (x < lo || y < lo || x > hi || y > hi) return false;
    const cx = Math.min(Math.max(x, lo + r), hi - r),
      cy = Math.min(Math.max(y, lo + r), hi - r);
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
  };
  const circle = (x, y, cx, cy, r) => (x - cx * s) ** 2 + (y - cy * s) ** 2 <= (r * s) ** 2;
  const inCloud = (x, y) =>
    circle(x, y, 400, 470, 150) ||
    circle(x, y, 600, 420, 190) ||
    circle(x, y, 730, 540, 120) ||
    (x >= 300 * s &&
      x <= 760 * s &&
      y >= 470 * s &&
      y <= 660 * s &&
      (circle(x, y, 300, 560, 100) || x >= 300 * s));
  const inArrow = (x, y) => {
    const u = x / s,
      v = y / s;
    return (
      (u >= 470 && u <= 554 && v >= 420 && v <= 640) ||
      (v >= 600 && v <= 760 && Math.abs(u - 512) <= (760 - v) * 0.9)
    );
  };
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let bg = 0,
        white = 0,
        arrow = 0;
      for (let sy = 0; sy < 4; sy++)
        for (let sx = 0; sx < 4; sx++) {
          const px = x + (sx + 0.5) / 4,
            py = y + (sy + 0.5) / 4;
          if (!inRounded(px, py)) continue;
          bg++;
          if (inArrow(px, py)) arrow++;
          else if (inCloud(px, py)) white++;
        }
      const i = (y * size + x) * 4;
      const a = bg / 16;
      const blue = [37, 99, 235],
        whiteC = [255, 255, 255],
        arrowC = [30, 64, 175];
      const mix = (k) =>
        Math.round(
          ((bg - white - arrow) * blue[k] + white * whiteC[k] + arrow * arrowC[k]) / Math.max(bg, 1),
        );
      rgba[i] = mix(0);
      rgba[i + 1] = mix(1);
      rgba[i + 2] = mix(2);
      rgba[i + 3] = Math.round(a * 255);
    }
  }
  return rgba;
}

function png(size) {
  const rgba = draw(size);
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  ihdr[10] = 0;
  ihdr[11] = 0;
  ihdr[12] = 0;
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** An ICO holding one PNG per size (Windows picks the closest for each place it draws). */
function ico(images) {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  let offset = 6 + 16 * images.length;
  const entries = images.map(([size, data]) => {
    const entry = Buffer.alloc(16);
    entry[0] = size >= 256 ? 0 : size;
    entry[1] = size >= 256 ? 0 : size;
    entry.writeUInt16LE(1, 4);
    entry.writeUInt16LE(32, 6);
    entry.writeUInt32LE(data.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += data.length;
    return entry;
  });
  return Buffer.concat([header, ...entries, ...images.map(([, data]) => data)]);
}

function icns(entries) {
  const parts = entries.map(([type, data]) => {
    const h = Buffer.alloc(8);
    h.write(type, 0, 'ascii');
    h.writeUInt32BE(data.length + 8, 4);
    return Buffer.concat([h, data]);
  });
  const body = Buffer.concat(parts);
  const h = Buffer.alloc(8);
  h.write('icns', 0, 'ascii');
  h.writeUInt32BE(body.length + 8, 4);
  return Buffer.concat([h, body]);
}

const build = path.join(out, '..');
mkdirSync(out, { recursive: true });
const sizes = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
const pngs = new Map(sizes.map((size) => [size, png(size)]));
const at = (size) => pngs.get(size);
// Linux: one PNG per size in build/icons (installed into the hicolor theme).
for (const size of [16, 32, 48, 64, 128, 256, 512, 1024])
  writeFileSync(path.join(out, `${size}x${size}.png`), at(size));
writeFileSync(path.join(build, 'icon.ico'), ico([16, 24, 32, 48, 64, 128, 256].map((s) => [s, at(s)])));
// ICNS PNG types: icp4/icp5/icp6 16/32/64, ic07-ic10 128-1024, ic11-ic14 the @2x of 16-256.
writeFileSync(
  path.join(build, 'icon.icns'),
  icns([
    ['icp4', at(16)],
    ['icp5', at(32)],
    ['icp6', at(64)],
    ['ic07', at(128)],
    ['ic08', at(256)],
    ['ic09', at(512)],
    ['ic10', at(1024)],
    ['ic11', at(32)],
    ['ic12', at(64)],
    ['ic13', at(256)],
    ['ic14', at(512)],
  ]),
);
// The drag image shown under the pointer when the OS has no icon for a file: small, with a
// @2x twin that Electron's nativeImage picks on high-density screens.
writeFileSync(path.join(build, 'drag.png'), at(32));
writeFileSync(path.join(build, 'drag@2x.png'), at(64));
console.log('icons written to', out);
