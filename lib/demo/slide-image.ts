import { crc32, deflate } from "node:zlib";
import { promisify } from "node:util";

const deflateAsync = promisify(deflate);
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export type Rgb = readonly [number, number, number];

const CARD = Buffer.from([246, 244, 240]);
const INK = Buffer.from([40, 40, 48]);
const DOT = Buffer.from([170, 170, 178]);
const DOT_ACTIVE = Buffer.from([255, 255, 255]);

export interface SlideDesign {
  width: number;
  height: number;
  top: Rgb;
  bottom: Rgb;
  /** Where the caption card sits, as a fraction of the height. */
  cardAt: number;
  lines: number;
  index: number;
  count: number;
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, "ascii");
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(data, crc32(type)), 0);
  return Buffer.concat([head, data, crc]);
}

/**
 * A slideshow card: a vertical gradient, a caption card with text-like bars and the carousel dots,
 * painted a row span at a time. Encoded here rather than with pngjs, whose per-pixel packer made
 * the 2,000 demo slides about three times slower.
 */
export async function renderSlide(design: SlideDesign): Promise<Buffer> {
  const { width, height } = design;
  const stride = width * 3 + 1;
  const raw = Buffer.alloc(stride * height);
  const cardTop = Math.round(height * design.cardAt);
  const cardBottom = cardTop + 24 + design.lines * 14;
  const dotY = height - 18;
  const dotsLeft = Math.round(width / 2 - (design.count * 10) / 2);
  const paint = (y: number, from: number, to: number, colour: Buffer) => {
    const row = y * stride + 1;
    raw.fill(colour, row + from * 3, row + to * 3);
  };
  for (let y = 0; y < height; y++) {
    const f = y / (height - 1);
    const mix = (c: 0 | 1 | 2) => Math.round(design.top[c] + (design.bottom[c] - design.top[c]) * f);
    paint(y, 0, width, Buffer.from([mix(0), mix(1), mix(2)]));
    if (y >= cardTop && y < cardBottom) {
      paint(y, 14, width - 14, CARD);
      const inText = y - cardTop >= 12 && y < cardBottom - 12 && (y - cardTop - 12) % 14 < 6;
      const line = Math.floor((y - cardTop - 12) / 14);
      if (inText) paint(y, 24, width - 28 - ((line * 37 + design.index * 11) % 50), INK);
    }
    if (Math.abs(y - dotY) <= 2) {
      for (let dot = 0; dot < design.count; dot++) {
        paint(y, dotsLeft + dot * 10, dotsLeft + dot * 10 + 5, dot === design.index ? DOT_ACTIVE : DOT);
      }
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit truecolour, no interlace
  return Buffer.concat([
    PNG_SIGNATURE,
    chunk("IHDR", header),
    chunk("IDAT", await deflateAsync(raw, { level: 1 })), // speed over size: a few KB either way
    chunk("IEND", Buffer.alloc(0)),
  ]);
}
