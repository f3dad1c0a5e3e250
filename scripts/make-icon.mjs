// Draws the extension icon (images/icon.png, 128×128) with node alone: shapes tested per pixel with
// 4×4 supersampling, written as an RGBA PNG (zlib for IDAT, CRC-32 per chunk).
// `node scripts/make-icon.mjs` rewrites the file; the drawing is deterministic.
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZE = 128;
const SAMPLES = 4;

/** Inside a rounded rectangle [x0,x1]×[y0,y1] with corner radius r. */
function roundedRect(x, y, x0, y0, x1, y1, r) {
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return x >= x0 && x <= x1 && y >= y0 && y <= y1 && (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

/** Within distance w/2 of the segment (ax,ay)–(bx,by). */
function stroke(x, y, ax, ay, bx, by, w) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return (x - ax - t * dx) ** 2 + (y - ay - t * dy) ** 2 <= (w / 2) ** 2;
}

/** The colour at a sample point, or undefined for transparent. */
function paint(x, y) {
  // Check mark badge, bottom right.
  const badge = (x - 98) ** 2 + (y - 98) ** 2;
  if (badge <= 24 ** 2) {
    if (stroke(x, y, 86, 98, 95, 107, 7) || stroke(x, y, 95, 107, 111, 89, 7)) return [255, 255, 255];
    return badge <= 21 ** 2 ? [34, 197, 94] : [255, 255, 255];
  }
  if (!roundedRect(x, y, 4, 4, 124, 124, 26)) return undefined;
  // The letter L.
  if (roundedRect(x, y, 30, 22, 50, 96, 4) || roundedRect(x, y, 30, 78, 80, 96, 4)) return [255, 255, 255];
  // A wavy underline under the L: the lint squiggle.
  const wave = 108 + 3.5 * Math.sin((x - 26) / 4.2);
  if (x >= 26 && x <= 70 && Math.abs(y - wave) <= 2.2) return [251, 191, 36];
  // Violet background, lighter at the top.
  const t = (y - 4) / 120;
  return [Math.round(124 - 58 * t), Math.round(58 - 30 * t), Math.round(237 - 97 * t)];
}

const rows = [];
for (let py = 0; py < SIZE; py++) {
  const row = Buffer.alloc(1 + SIZE * 4);
  for (let px = 0; px < SIZE; px++) {
    let r = 0;
    let g = 0;
    let b = 0;
    let a = 0;
    for (let sy = 0; sy < SAMPLES; sy++) {
      for (let sx = 0; sx < SAMPLES; sx++) {
        const c = paint(px + (sx + 0.5) / SAMPLES, py + (sy + 0.5) / SAMPLES);
        if (!c) continue;
        r += c[0];
        g += c[1];
        b += c[2];
        a += 1;
      }
    }
    const o = 1 + px * 4;
    if (a > 0) {
      row[o] = Math.round(r / a);
      row[o + 1] = Math.round(g / a);
      row[o + 2] = Math.round(b / a);
      row[o + 3] = Math.round((255 * a) / (SAMPLES * SAMPLES));
    }
  }
  rows.push(row);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buffer) {
  let c = 0xffffffff;
  for (const byte of buffer) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header[8] = 8; // bit depth
header[9] = 6; // RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(Buffer.concat(rows), { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
mkdirSync('images', { recursive: true });
writeFileSync('images/icon.png', png);
console.log(`images/icon.png: ${png.length} bytes`);
