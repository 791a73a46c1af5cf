/**
 * The WOFF unwrapper behind the bundled Burmese font (src/charts/woff.ts): the font it gives back is a
 * valid sfnt whose tables are the WOFF's, unpacked, and anything else is refused with a message.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { FALLBACK_FONTS } from '../../src/charts/export.ts';
import { woffToSfnt } from '../../src/charts/woff.ts';

const require = createRequire(import.meta.url);
const [font] = FALLBACK_FONTS;
const woff = readFileSync(require.resolve(`${font.package}/${font.files[0].woff}`));

/** The sfnt's table directory: tag -> its bytes. */
function tables(sfnt: Buffer): Map<string, Buffer> {
  const count = sfnt.readUInt16BE(4);
  return new Map(
    Array.from({ length: count }, (_, index) => {
      const at = 12 + index * 16;
      const offset = sfnt.readUInt32BE(at + 8);
      return [sfnt.toString('latin1', at, at + 4), sfnt.subarray(offset, offset + sfnt.readUInt32BE(at + 12))];
    }),
  );
}

describe('woffToSfnt', () => {
  const sfnt = woffToSfnt(woff);

  it('gives a TrueType font with every table of the WOFF, each on a 4-byte boundary', () => {
    expect(sfnt.readUInt32BE(0)).toBe(woff.readUInt32BE(4)); // the flavour: 0x00010000 for TrueType
    expect(sfnt.readUInt16BE(4)).toBe(woff.readUInt16BE(12));
    const byTag = tables(sfnt);
    for (const tag of ['head', 'cmap', 'glyf', 'loca', 'hmtx', 'name']) expect(byTag.has(tag), tag).toBe(true);
    // The head table's magic number survives the unpacking.
    expect(byTag.get('head')!.readUInt32BE(12)).toBe(0x5f0f3cf5);
    for (let index = 0; index < sfnt.readUInt16BE(4); index++)
      expect(sfnt.readUInt32BE(12 + index * 16 + 8) % 4).toBe(0);
  });

  it('unpacks a compressed table and copies a stored one as is', () => {
    const data = Buffer.from('a table of text that compresses well, well, well, well, well');
    const stored = Buffer.from('abcd');
    const packed = deflateSync(data);
    const header = Buffer.alloc(44);
    header.write('wOFF', 0, 'latin1');
    header.writeUInt32BE(0x00010000, 4);
    header.writeUInt16BE(2, 12);
    const directory = Buffer.alloc(40);
    const firstAt = 44 + 40;
    [
      ['AAAA', firstAt, packed.length, data.length],
      ['BBBB', firstAt + packed.length, stored.length, stored.length],
    ].forEach(([tag, offset, compressed, original], index) => {
      directory.write(tag as string, index * 20, 'latin1');
      directory.writeUInt32BE(offset as number, index * 20 + 4);
      directory.writeUInt32BE(compressed as number, index * 20 + 8);
      directory.writeUInt32BE(original as number, index * 20 + 12);
    });
    const byTag = tables(woffToSfnt(Buffer.concat([header, directory, packed, stored])));
    expect(byTag.get('AAAA')?.toString()).toBe(data.toString());
    expect(byTag.get('BBBB')?.toString()).toBe('abcd');
  });

  it('refuses a file that is not WOFF 1.0', () => {
    expect(() => woffToSfnt(sfnt)).toThrow(/not a WOFF 1\.0 font/);
    expect(() => woffToSfnt(Buffer.from('wOF2'))).toThrow(/not a WOFF 1\.0 font/);
  });
});
