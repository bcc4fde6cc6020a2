/**
 * Real content for the demo drive's small files, so the app's quick preview and grid thumbnails
 * show something meaningful: prose for .txt/.log, documents for .md, invoices for .json, tables
 * for .csv, small TypeScript modules for .ts, pictures for .jpg (jpeg-js) and .png (pngjs).
 *
 * Everything is a pure function of a seed (mulberry32, integer arithmetic only), so every machine
 * and every run builds the same bytes, MD5s and sizes. PNGs are written with stored (level 0)
 * deflate because compressed deflate output depends on the zlib build Node bundles; stored
 * blocks do not, which is also why the PNGs are smaller pictures than the JPEGs (under 16 KiB
 * uncompressed). Audio and video (.mp3/.mp4) stay pseudo-random bytes: no encoder is available
 * here, and the app only lists, downloads and opens those, it does not decode them.
 */
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { mulberry32, prngBytes } from './prng';

/** Dimensions of every demo JPEG: big enough for a grid thumbnail, a few KB at quality 80. */
export const DEMO_JPEG_SIZE = { width: 160, height: 120 } as const;
/** Dimensions of every demo PNG: stored (uncompressed) RGB rows stay under 16 KiB at this size. */
export const DEMO_PNG_SIZE = { width: 80, height: 60 } as const;
const JPEG_QUALITY = 80;

/** Phrase lists that seeded sentences are built from: subject, verb, object, place, time. */
const SUBJECTS = ['The team', 'Our neighbours', 'Lin', 'Everyone', 'The editor', 'My sister', 'We'] as const;
const VERBS = ['shared', 'checked', 'uploaded', 'rewrote', 'printed', 'sorted', 'archived', 'read'] as const;
const OBJECTS = [
  'the travel photos',
  'the quarterly report',
  'the old notes',
  'a short summary',
  'the project plan',
  'the family videos',
  'the meeting minutes',
] as const;
const PLACES = [
  'at the library',
  'by the river',
  'in the office',
  'on the train',
  'at home',
  'in the garden',
] as const;
const TIMES = [
  'before lunch',
  'on Monday',
  'after the rain',
  'late in the evening',
  'last week',
  'this morning',
] as const;
const AFTERTHOUGHTS = [
  'so nothing was lost',
  'and nobody minded',
  'because the deadline was close',
  'while the tea went cold',
  'and then went for a walk',
] as const;
const NAMES = ['Lin Wei', 'Chen Jing', 'Zhou Min', 'Ada Park', 'Omar Haddad', 'Sofia Rossi'] as const;
const ITEMS = [
  'Cloud storage plan',
  'Design review',
  'Photo retouching',
  'Translation (zh-CN)',
  'Server hosting',
  'Support hours',
  'Printed brochures',
] as const;

/** Seeded choices: integers in [0, n) and items of a list. */
function chooser(seed: number): { int: (n: number) => number; pick: <T>(list: readonly T[]) => T } {
  const next = mulberry32(seed);
  const int = (n: number): number => next() % n;
  return { int, pick: (list) => list[int(list.length)] as (typeof list)[number] };
}

/** One sentence: subject, verb, object, place and time, sometimes with an afterthought. */
function sentence(pick: <T>(list: readonly T[]) => T, int: (n: number) => number): string {
  const parts = [pick(SUBJECTS), pick(VERBS), pick(OBJECTS), pick(PLACES), pick(TIMES)];
  const tail = int(3) === 0 ? `, ${pick(AFTERTHOUGHTS)}` : '';
  return `${parts.join(' ')}${tail}.`;
}

/** A paragraph of 2 to 4 sentences on one line. */
function paragraph(pick: <T>(list: readonly T[]) => T, int: (n: number) => number): string {
  return Array.from({ length: 2 + int(3) }, () => sentence(pick, int)).join(' ');
}

const utf8 = (text: string): Buffer => Buffer.from(text, 'utf8');

/** Plain prose, one paragraph a line, at least `minBytes` long. */
export function demoText(seed: number, minBytes: number): Buffer {
  const { int, pick } = chooser(seed);
  const lines: string[] = [];
  let length = 0;
  while (length < minBytes) {
    const line = paragraph(pick, int);
    lines.push(line);
    length += Buffer.byteLength(line) + 1;
  }
  return utf8(`${lines.join('\n')}\n`);
}

/** A Markdown document: heading, paragraphs, a list and a fenced code block, at least `minBytes`. */
export function demoMarkdown(seed: number, title: string, minBytes: number): Buffer {
  const { int, pick } = chooser(seed);
  const parts = [`# ${title}`, paragraph(pick, int), '## Highlights'];
  parts.push(Array.from({ length: 3 + int(3) }, () => `- ${sentence(pick, int)}`).join('\n'));
  const limit = 10 + int(90);
  parts.push(
    '## Example',
    [
      '```ts',
      `const limit = ${limit};`,
      'export const withinLimit = (n: number): boolean => n <= limit;',
      '```',
    ].join('\n'),
  );
  let text = parts.join('\n\n');
  while (Buffer.byteLength(text) < minBytes) text += `\n\n${paragraph(pick, int)}`;
  return utf8(`${text}\n`);
}

/** An invoice-like JSON object (number, date, customer, lines, total), pretty-printed. */
export function demoInvoiceJson(seed: number, number: string, lineCount: number): Buffer {
  const { int, pick } = chooser(seed);
  const lines = Array.from({ length: lineCount }, () => {
    const quantity = 1 + int(9);
    const unitCents = 500 + int(50_000);
    return { description: pick(ITEMS), quantity, unitCents, amountCents: quantity * unitCents };
  });
  const totalCents = lines.reduce((sum, line) => sum + line.amountCents, 0);
  const month = 1 + int(12);
  const day = 1 + int(28);
  const invoice = {
    number,
    date: `2024-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
    currency: 'CNY',
    customer: pick(NAMES),
    lines: lines.map((line) => ({
      description: line.description,
      quantity: line.quantity,
      unitPrice: line.unitCents / 100,
      amount: line.amountCents / 100,
    })),
    total: totalCents / 100,
  };
  return utf8(`${JSON.stringify(invoice, null, 2)}\n`);
}

/** A small TypeScript module: a doc comment, an exported constant and an exported function. */
export function demoTypeScript(seed: number, moduleName: string): Buffer {
  const { int, pick } = chooser(seed);
  // module-004 -> Module004 (function names) and MODULE_004 (the constant).
  const id = moduleName
    .split(/[^A-Za-z0-9]+/)
    .map((part) => `${part.charAt(0).toUpperCase()}${part.slice(1)}`)
    .join('');
  const constant = `${moduleName.replace(/[^A-Za-z0-9]+/g, '_').toUpperCase()}_LIMIT`;
  const limit = 8 + int(120);
  const bodies = [
    [
      `/** Sums the values, stopping at ${constant}. */`,
      `export function total${id}(values: readonly number[]): number {`,
      '  const sum = values.reduce((acc, value) => acc + value, 0);',
      `  return Math.min(sum, ${constant});`,
      '}',
    ],
    [
      `/** Keeps a value between 0 and ${constant}. */`,
      `export function clamp${id}(value: number): number {`,
      `  return Math.max(0, Math.min(${constant}, value));`,
      '}',
    ],
    [
      `/** Labels each item with its position, at most ${constant} of them. */`,
      `export function label${id}(items: readonly string[]): string[] {`,
      `  return items.slice(0, ${constant}).map((item, index) => \`\${index + 1}. \${item}\`);`,
      '}',
    ],
  ];
  const text = [
    `/**\n * ${moduleName}: ${sentence(pick, int)}\n */`,
    `export const ${constant} = ${limit};`,
    (bodies[int(bodies.length)] ?? []).join('\n'),
  ].join('\n\n');
  return utf8(`${text}\n`);
}

/** A CSV table with a header row and `rows` seeded rows. */
export function demoCsv(seed: number, rows: number): Buffer {
  const { int, pick } = chooser(seed);
  const lines = ['date,item,quantity,amount'];
  for (let row = 0; row < rows; row++) {
    const day = String(1 + int(28)).padStart(2, '0');
    const cents = 100 + int(100_000);
    lines.push(`2024-03-${day},"${pick(ITEMS)}",${1 + int(20)},${(cents / 100).toFixed(2)}`);
  }
  return utf8(`${lines.join('\n')}\n`);
}

/** Log lines (time, level, message), one every few seconds from a fixed start. */
export function demoLog(seed: number, lines: number): Buffer {
  const { int, pick } = chooser(seed);
  const levels = ['INFO', 'INFO', 'INFO', 'WARN', 'DEBUG'] as const;
  let seconds = 0;
  const out: string[] = [];
  for (let line = 0; line < lines; line++) {
    seconds += 1 + int(30);
    const time = new Date(Date.UTC(2025, 2, 1, 2, 0, seconds)).toISOString();
    out.push(`${time} ${pick(levels)} ${sentence(pick, int)}`);
  }
  return utf8(`${out.join('\n')}\n`);
}

/** Pseudo-random bytes standing in for audio or video (no encoder here, see the file header). */
export function demoMediaBytes(seed: number, size: number): Buffer {
  return prngBytes(seed, size);
}

type Rgb = readonly [number, number, number];

/** Linear mix of two colours, `t` in [0, scale]. Integer arithmetic keeps it exact everywhere. */
const mix = (a: Rgb, b: Rgb, t: number, scale: number): Rgb => [
  Math.trunc((a[0] * (scale - t) + b[0] * t) / scale),
  Math.trunc((a[1] * (scale - t) + b[1] * t) / scale),
  Math.trunc((a[2] * (scale - t) + b[2] * t) / scale),
];

/**
 * RGBA pixels of a small landscape-like picture: a sky gradient between two seeded colours, a
 * sun (a disc) and hills (a triangle-wave horizon) in a darker mix of them.
 */
export function paintScene(seed: number, width: number, height: number): Buffer {
  const { int } = chooser(seed);
  const colour = (): Rgb => [int(256), int(256), int(256)];
  const top = colour();
  const bottom = colour();
  const sun: Rgb = [255 - (top[0] >> 2), 200 + int(56), int(160)];
  const ground = mix(mix(top, bottom, 1, 2), [0, 0, 0], 3, 5);
  const sunX = int(width);
  const sunY = Math.trunc(height / 8) + int(Math.trunc(height / 3));
  const sunR = Math.trunc(height / 10) + int(Math.trunc(height / 8));
  const horizon = Math.trunc(height / 2) + int(Math.trunc(height / 4));
  const hillPeriod = 20 + int(40);
  const hillHeight = 4 + int(Math.trunc(height / 6));
  const pixels = Buffer.alloc(width * height * 4);
  for (let y = 0; y < height; y++) {
    const sky = mix(top, bottom, y, height - 1);
    for (let x = 0; x < width; x++) {
      const phase = x % hillPeriod;
      const wave = Math.abs(phase * 2 - hillPeriod);
      const hillTop = horizon - Math.trunc((hillHeight * (hillPeriod - wave)) / hillPeriod);
      const dx = x - sunX;
      const dy = y - sunY;
      let rgb: Rgb = sky;
      if (y >= hillTop) rgb = mix(ground, [0, 0, 0], y - hillTop, height * 2);
      else if (dx * dx + dy * dy <= sunR * sunR) rgb = sun;
      const at = (y * width + x) * 4;
      pixels[at] = rgb[0];
      pixels[at + 1] = rgb[1];
      pixels[at + 2] = rgb[2];
      pixels[at + 3] = 255;
    }
  }
  return pixels;
}

/** A baseline JPEG of a seeded scene, DEMO_JPEG_SIZE. */
export function demoJpeg(seed: number): Buffer {
  const { width, height } = DEMO_JPEG_SIZE;
  return jpeg.encode({ data: paintScene(seed, width, height), width, height }, JPEG_QUALITY).data;
}

/** An RGB PNG of a seeded scene, DEMO_PNG_SIZE, stored deflate and no row filters (see the header). */
export function demoPng(seed: number): Buffer {
  const { width, height } = DEMO_PNG_SIZE;
  const png = new PNG({ width, height });
  paintScene(seed, width, height).copy(png.data);
  return PNG.sync.write(png, { colorType: 2, deflateLevel: 0, filterType: 0 });
}

/**
 * Content of its type for a file ending in `ext` (with the dot), sized by `seed` for the text
 * kinds; unknown extensions get prose. Used where one blob stands for many files of one type.
 */
export function demoContentFor(ext: string, seed: number): Buffer {
  const { int } = chooser(seed);
  switch (ext) {
    case '.jpg':
      return demoJpeg(seed);
    case '.png':
      return demoPng(seed);
    case '.json':
      return demoInvoiceJson(seed, `INV-${seed}`, 2 + int(4));
    case '.md':
      return demoMarkdown(seed, `Summary ${seed}`, 300 + int(600));
    case '.csv':
      return demoCsv(seed, 5 + int(15));
    case '.log':
      return demoLog(seed, 5 + int(15));
    case '.mp3':
    case '.mp4':
      return demoMediaBytes(seed, 1024 + int(3072));
    default:
      return demoText(seed, 200 + int(800));
  }
}
