/**
 * A strict PNG reader for tests: checks the signature, every chunk's CRC, the header, and inflates
 * the image data to prove it holds exactly height rows of width pixels. No image library needed.
 */
import { crc32, inflateSync } from 'node:zlib';

const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

export interface DecodedPng {
  width: number;
  height: number;
  /** iTXt and tEXt chunks, by keyword. */
  text: Record<string, string>;
}

export function decodePng(file: Buffer): DecodedPng {
  if (file.subarray(0, 8).toString('hex') !== '89504e470d0a1a0a') throw new Error('not a PNG signature');
  let offset = 8;
  let header: { width: number; height: number; depth: number; colour: number; interlace: number } | null = null;
  const data: Buffer[] = [];
  const text: Record<string, string> = {};
  let ended = false;
  while (offset < file.length) {
    const length = file.readUInt32BE(offset);
    const type = file.toString('latin1', offset + 4, offset + 8);
    const body = file.subarray(offset + 8, offset + 8 + length);
    const crc = file.readUInt32BE(offset + 8 + length);
    if (crc32(file.subarray(offset + 4, offset + 8 + length)) !== crc) throw new Error(`bad CRC in ${type} chunk`);
    if (offset === 8 && type !== 'IHDR') throw new Error('IHDR is not the first chunk');
    if (type === 'IHDR') {
      header = {
        width: body.readUInt32BE(0),
        height: body.readUInt32BE(4),
        depth: body[8] ?? 0,
        colour: body[9] ?? 0,
        interlace: body[12] ?? 0,
      };
    } else if (type === 'IDAT') {
      data.push(body);
    } else if (type === 'iTXt') {
      const keywordEnd = body.indexOf(0);
      const keyword = body.toString('latin1', 0, keywordEnd);
      let cursor = keywordEnd + 3; // null, compression flag, compression method
      cursor = body.indexOf(0, cursor) + 1; // language tag
      cursor = body.indexOf(0, cursor) + 1; // translated keyword
      text[keyword] = body.toString('utf8', cursor);
    } else if (type === 'tEXt') {
      const keywordEnd = body.indexOf(0);
      text[body.toString('latin1', 0, keywordEnd)] = body.toString('latin1', keywordEnd + 1);
    } else if (type === 'IEND') {
      ended = true;
    }
    offset += 12 + length;
  }
  if (!header) throw new Error('no IHDR');
  if (!ended) throw new Error('no IEND');
  if (header.interlace !== 0) throw new Error('interlaced PNGs are not expected');
  const channels = CHANNELS[header.colour];
  if (!channels) throw new Error(`unknown colour type ${header.colour}`);
  const rowBytes = Math.ceil((header.width * channels * header.depth) / 8);
  const pixels = inflateSync(Buffer.concat(data));
  if (pixels.length !== header.height * (1 + rowBytes)) {
    throw new Error(`image data holds ${pixels.length} bytes, not ${header.height} rows of ${header.width} pixels`);
  }
  return { width: header.width, height: header.height, text };
}
