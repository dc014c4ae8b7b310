#!/usr/bin/env node
/*
 * Draws the ALCN icons (assets/icon-16|32|64|80.png) with plain Node: shapes rasterised with 8×8
 * supersampling, encoded as RGBA PNG with zlib. No ImageMagick, no canvas. The PNGs are committed;
 * run `node scripts/make-icons.cjs` again only when the design changes.
 *
 * Design: an aluminium-blue rounded square, three white bars stepping down (intensity falling towards
 * the benchmark) and a green benchmark line across them.
 */
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const SIZES = [16, 32, 64, 80];
const OUT = path.join(__dirname, "..", "assets");
const SS = 8; // supersampling per axis

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
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** Encode RGBA pixels (Uint8Array, width*height*4) as a PNG file. */
function encodePng(width, height, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  ihdr[10] = 0; // deflate
  ihdr[11] = 0; // adaptive filtering
  ihdr[12] = 0; // no interlace
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0; // filter: none
    Buffer.from(rgba.buffer, rgba.byteOffset + y * width * 4, width * 4).copy(raw, y * (width * 4 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", zlib.deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** The design in unit coordinates (0..1): returns [r, g, b, a] (0..255) at a point, or null if empty. */
function shade(x, y) {
  // Rounded square with a small margin.
  const m = 0.04;
  const r = 0.18;
  const cx = Math.min(Math.max(x, m + r), 1 - m - r);
  const cy = Math.min(Math.max(y, m + r), 1 - m - r);
  if ((x - cx) ** 2 + (y - cy) ** 2 > r * r) return null;
  // Benchmark line (green) over the bars.
  if (y > 0.47 && y < 0.55 && x > 0.14 && x < 0.86) return [92, 214, 120, 255];
  // Three bars stepping down, sitting on a common baseline.
  const base = 0.8;
  const bars = [
    [0.2, 0.36, 0.22],
    [0.42, 0.58, 0.38],
    [0.64, 0.8, 0.56],
  ];
  for (const [x0, x1, top] of bars) if (x >= x0 && x < x1 && y >= top && y < base) return [255, 255, 255, 255];
  // Background: aluminium blue, lighter at the top.
  const t = y;
  return [Math.round(58 - 24 * t), Math.round(110 - 40 * t), Math.round(160 - 50 * t), 255];
}

function render(size) {
  const px = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let pxl = 0; pxl < size; pxl++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < SS; sy++) {
        for (let sx = 0; sx < SS; sx++) {
          const c = shade((pxl + (sx + 0.5) / SS) / size, (py + (sy + 0.5) / SS) / size);
          if (!c) continue;
          r += c[0] * c[3];
          g += c[1] * c[3];
          b += c[2] * c[3];
          a += c[3];
        }
      }
      const i = (py * size + pxl) * 4;
      if (a > 0) {
        px[i] = Math.round(r / a);
        px[i + 1] = Math.round(g / a);
        px[i + 2] = Math.round(b / a);
      }
      px[i + 3] = Math.round(a / (SS * SS));
    }
  }
  return encodePng(size, size, px);
}

if (require.main === module) {
  fs.mkdirSync(OUT, { recursive: true });
  for (const size of SIZES) {
    const file = path.join(OUT, `icon-${size}.png`);
    fs.writeFileSync(file, render(size));
    process.stdout.write(`${path.relative(process.cwd(), file)}\n`);
  }
}

module.exports = { encodePng, render, SIZES };
