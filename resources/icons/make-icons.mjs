// Draws the app icon (a neutral slate rounded square with a white sheet of minutes) and writes it as PNGs.
// Deliberately plain: not the EU emblem or any official logo. Run: node resources/icons/make-icons.mjs
// Writes icon.png (1024 px, used for macOS and Windows, which electron-builder converts) and png/NxN.png (Linux).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

const here = path.dirname(fileURLToPath(import.meta.url));

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}
function png(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

// Shapes in unit coordinates (0..1); each returns true when the point is inside.
const roundRect = (x0, y0, x1, y1, r) => (x, y) => {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
};
const BACKGROUND = [47, 72, 88]; // slate
const SHEET = [255, 255, 255];
const LINE = [120, 144, 156];
const ACCENT = [230, 160, 60]; // a highlighted (flagged) line
const tile = roundRect(0.04, 0.04, 0.96, 0.96, 0.2);
const sheet = roundRect(0.27, 0.17, 0.73, 0.83, 0.04);
const lines = [0.3, 0.4, 0.5, 0.6, 0.7].map((y, i) => ({ shape: roundRect(0.34, y, i === 4 ? 0.56 : 0.66, y + 0.035, 0.0175), color: i === 2 ? ACCENT : LINE }));

function colourAt(x, y) {
  if (!tile(x, y)) return null;
  if (!sheet(x, y)) return BACKGROUND;
  for (const l of lines) if (l.shape(x, y)) return l.color;
  return SHEET;
}

/** 4×4 supersampling for smooth edges. */
function draw(size) {
  const out = Buffer.alloc(size * size * 4);
  const S = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < S; sy++) {
        for (let sx = 0; sx < S; sx++) {
          const c = colourAt((px + (sx + 0.5) / S) / size, (py + (sy + 0.5) / S) / size);
          if (!c) continue;
          r += c[0]; g += c[1]; b += c[2]; a++;
        }
      }
      const i = (py * size + px) * 4;
      if (a > 0) {
        out[i] = Math.round(r / a);
        out[i + 1] = Math.round(g / a);
        out[i + 2] = Math.round(b / a);
      }
      out[i + 3] = Math.round((a / (S * S)) * 255);
    }
  }
  return out;
}

fs.mkdirSync(path.join(here, 'png'), { recursive: true });
fs.writeFileSync(path.join(here, 'icon.png'), png(1024, draw(1024)));
for (const size of [16, 32, 48, 64, 128, 256, 512]) fs.writeFileSync(path.join(here, 'png', `${size}x${size}.png`), png(size, draw(size)));
console.log('icons written to', here);
