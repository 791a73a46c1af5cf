/**
 * The text of a CSV file before it is parsed: how its bytes become text, and which characters a
 * cell may not contain. One rule for every column of every file, applied by dataset.ts.
 *
 * Encoding. Files are decoded strictly as UTF-8. A spreadsheet's "CSV" save can write Windows-1252
 * or Latin-1, and UTF-16 when asked for "Unicode text"; decoding those loosely would put U+FFFD on
 * pages while the data package still says utf-8, so they fail with a message saying how to re-save.
 *
 * Invisible and direction characters. Bidi controls (U+202A-202E, U+2066-2069, U+200E, U+200F,
 * U+061C) can reverse the text around them in a chart or a table; zero-width characters (U+200B,
 * U+2060, U+FEFF inside a cell) and every C0/C1 control character (tabs and line breaks within a
 * cell included) are invisible in the editor and change what readers, search and the tests see.
 * They are rejected, never stripped, so what is published is what the file says. The rule is by
 * Unicode general category, so it covers the characters nobody listed: every control (Cc), format
 * (Cf: soft hyphen, U+2062 INVISIBLE TIMES, U+FFF9 annotation anchors, the TAG characters
 * U+E0001-E007F, ...), unassigned code point and noncharacter (Cn: U+FDD0-FDEF, U+xFFFE/xFFFF),
 * private-use (Co: it shows as a box or as whatever a font put there) and lone surrogate (Cs), the
 * line and paragraph separators (Zl, Zp), plus the characters that are letters by category but blank
 * on screen: U+034F COMBINING GRAPHEME JOINER and the Hangul fillers U+115F, U+1160, U+3164, U+FFA0.
 * U+FFFD is rejected too: it is what text decoded with the wrong encoding carries.
 *
 * Spaces. The no-break space (U+00A0) and the other typographic spaces (U+2000-200A, U+202F, U+3000)
 * are accepted: they are visible as space, and typography uses them ("15 000", "p. 3"). A required
 * cell made only of spaces is still empty (schema.ts trims before checking), so no such cell passes.
 *
 * Burmese. The zero-width non-joiner and joiner (U+200C, U+200D) are part of how some Myanmar-script
 * text is written, so they are accepted between two Myanmar-script characters and rejected elsewhere.
 * The zero-width space (U+200B), which some Burmese text carries as a line-break hint, is rejected:
 * browsers and our SVG text wrap Burmese without it, and it is invisible to an editor checking a quote.
 */

export type DecodeResult = { ok: true; text: string } | { ok: false; problem: string };

const RESAVE = 'Re-save it as "CSV UTF-8" (in LibreOffice: Character set "Unicode (UTF-8)")';

/**
 * The well-formed UTF-8 byte sequences (Unicode Table 3-7), by lead byte: the allowed range of the
 * second byte, and how many bytes the sequence has. The narrow second-byte ranges after E0, ED, F0
 * and F4 are what exclude overlong forms, surrogates (CESU-8) and code points above U+10FFFF.
 */
function utf8Sequence(lead: number): { length: number; second: [number, number] } | null {
  if (lead <= 0x7f) return { length: 1, second: [0, 0] };
  if (lead >= 0xc2 && lead <= 0xdf) return { length: 2, second: [0x80, 0xbf] };
  if (lead === 0xe0) return { length: 3, second: [0xa0, 0xbf] };
  if (lead === 0xed) return { length: 3, second: [0x80, 0x9f] };
  if (lead >= 0xe1 && lead <= 0xef) return { length: 3, second: [0x80, 0xbf] };
  if (lead === 0xf0) return { length: 4, second: [0x90, 0xbf] };
  if (lead >= 0xf1 && lead <= 0xf3) return { length: 4, second: [0x80, 0xbf] };
  if (lead === 0xf4) return { length: 4, second: [0x80, 0x8f] };
  return null;
}

/** The offset where the first ill-formed UTF-8 sequence starts (its lead byte), or -1. */
export function firstInvalidUtf8Byte(bytes: Uint8Array): number {
  let index = 0;
  while (index < bytes.length) {
    const sequence = utf8Sequence(bytes[index] as number);
    if (sequence === null || index + sequence.length > bytes.length) return index;
    for (let next = 1; next < sequence.length; next++) {
      const byte = bytes[index + next] as number;
      const [low, high] = next === 1 ? sequence.second : [0x80, 0xbf];
      if (byte < low || byte > high) return index;
    }
    index += sequence.length;
  }
  return -1;
}

/** Decodes a data file's bytes as UTF-8, or says why it is not UTF-8 and how to fix it. */
export function decodeUtf8(bytes: Uint8Array): DecodeResult {
  const utf16Bom = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  const nuls = bytes.filter((byte) => byte === 0).length;
  // UTF-16 without a byte-order mark: Latin text has a NUL in every other byte. A stray NUL or
  // two in UTF-8 text is a defect of its own, found by line.
  if (utf16Bom || (nuls > 0 && nuls * 4 >= bytes.length)) {
    return {
      ok: false,
      problem: `the file to be UTF-8 text, but it is UTF-16 (${utf16Bom ? 'it starts with a UTF-16 byte-order mark' : 'it contains NUL bytes'}). ${RESAVE}`,
    };
  }
  if (nuls > 0) {
    const line = bytes.subarray(0, bytes.indexOf(0)).filter((byte) => byte === 0x0a).length + 1;
    return {
      ok: false,
      problem: `text without NUL characters (U+0000), but line ${line} has one; delete it (most editors do not show it)`,
    };
  }
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    // TextDecoder says only that the bytes are invalid; find where, so the editor can look.
    const offset = firstInvalidUtf8Byte(bytes);
    const line = bytes.subarray(0, Math.max(offset, 0)).filter((byte) => byte === 0x0a).length + 1;
    const byte = (bytes[offset] ?? 0).toString(16).toUpperCase().padStart(2, '0');
    return {
      ok: false,
      problem:
        `the file to be UTF-8 text, but byte 0x${byte} on line ${line} is not UTF-8: the file was probably ` +
        `saved as Windows-1252 or Latin-1. ${RESAVE}`,
    };
  }
}

const CHARACTER_NAMES: Record<number, string> = {
  0x00ad: 'SOFT HYPHEN',
  0x034f: 'COMBINING GRAPHEME JOINER',
  0x115f: 'HANGUL CHOSEONG FILLER',
  0x1160: 'HANGUL JUNGSEONG FILLER',
  0x180e: 'MONGOLIAN VOWEL SEPARATOR',
  0x2061: 'FUNCTION APPLICATION',
  0x2062: 'INVISIBLE TIMES',
  0x2063: 'INVISIBLE SEPARATOR',
  0x2064: 'INVISIBLE PLUS',
  0x206a: 'INHIBIT SYMMETRIC SWAPPING',
  0x206b: 'ACTIVATE SYMMETRIC SWAPPING',
  0x206c: 'INHIBIT ARABIC FORM SHAPING',
  0x206d: 'ACTIVATE ARABIC FORM SHAPING',
  0x206e: 'NATIONAL DIGIT SHAPES',
  0x206f: 'NOMINAL DIGIT SHAPES',
  0x3164: 'HANGUL FILLER',
  0xffa0: 'HALFWIDTH HANGUL FILLER',
  0xfff9: 'INTERLINEAR ANNOTATION ANCHOR',
  0xfffa: 'INTERLINEAR ANNOTATION SEPARATOR',
  0xfffb: 'INTERLINEAR ANNOTATION TERMINATOR',
  0x0009: 'CHARACTER TABULATION (tab)',
  0x000a: 'LINE FEED (a line break inside the cell)',
  0x000d: 'CARRIAGE RETURN',
  0x061c: 'ARABIC LETTER MARK',
  0x200b: 'ZERO WIDTH SPACE',
  0x200c: 'ZERO WIDTH NON-JOINER',
  0x200d: 'ZERO WIDTH JOINER',
  0x200e: 'LEFT-TO-RIGHT MARK',
  0x200f: 'RIGHT-TO-LEFT MARK',
  0x2028: 'LINE SEPARATOR',
  0x2029: 'PARAGRAPH SEPARATOR',
  0x202a: 'LEFT-TO-RIGHT EMBEDDING',
  0x202b: 'RIGHT-TO-LEFT EMBEDDING',
  0x202c: 'POP DIRECTIONAL FORMATTING',
  0x202d: 'LEFT-TO-RIGHT OVERRIDE',
  0x202e: 'RIGHT-TO-LEFT OVERRIDE',
  0x2060: 'WORD JOINER',
  0x2066: 'LEFT-TO-RIGHT ISOLATE',
  0x2067: 'RIGHT-TO-LEFT ISOLATE',
  0x2068: 'FIRST STRONG ISOLATE',
  0x2069: 'POP DIRECTIONAL ISOLATE',
  0xfeff: 'ZERO WIDTH NO-BREAK SPACE (byte-order mark)',
  0xfffd: 'REPLACEMENT CHARACTER (text once decoded with the wrong encoding)',
};

/** Every character a cell may not contain, except the joiners handled below: one rule, by category. */
const FORBIDDEN = /[\p{Cc}\p{Cf}\p{Cn}\p{Co}\p{Cs}\p{Zl}\p{Zp}\u034F\u115F\u1160\u3164\uFFA0\uFFFD]/u;
const MYANMAR = /[\u1000-\u109F\uA9E0-\uA9FF\uAA60-\uAA7F]/u;

/** What a character without an entry in CHARACTER_NAMES is, by its Unicode category. */
function categoryName(character: string): string {
  if (/\p{Cc}/u.test(character)) return 'a control character';
  if (/\p{Cf}/u.test(character) && character.codePointAt(0)! >= 0xe0000) return 'a TAG character (invisible)';
  if (/\p{Cf}/u.test(character)) return 'an invisible format character';
  if (/\p{Co}/u.test(character)) return 'a private-use character (no agreed meaning)';
  if (/\p{Cs}/u.test(character)) return 'a lone surrogate (broken text)';
  const codePoint = character.codePointAt(0)!;
  if ((codePoint >= 0xfdd0 && codePoint <= 0xfdef) || (codePoint & 0xfffe) === 0xfffe) return 'a noncharacter';
  if (/\p{Cn}/u.test(character)) return 'an unassigned code point';
  return '';
}

/** U+1234 and its name, as the messages print a character that cannot be shown. */
export function describeCharacter(codePoint: number): string {
  const hex = codePoint.toString(16).toUpperCase().padStart(4, '0');
  const name = CHARACTER_NAMES[codePoint] ?? categoryName(String.fromCodePoint(codePoint));
  return `U+${hex} ${name}`.trim();
}

/**
 * The first character a cell may not contain, as "U+202E RIGHT-TO-LEFT OVERRIDE at character 12"
 * (counting characters as a reader would, from 1), or null when the cell is clean.
 */
export function findForbiddenCharacter(cell: string): string | null {
  if (!FORBIDDEN.test(cell)) return null;
  const characters = [...cell];
  for (const [index, character] of characters.entries()) {
    if (!FORBIDDEN.test(character)) continue;
    const codePoint = character.codePointAt(0) as number;
    const joiner = codePoint === 0x200c || codePoint === 0x200d;
    if (joiner && MYANMAR.test(characters[index - 1] ?? '') && MYANMAR.test(characters[index + 1] ?? '')) continue;
    return `${describeCharacter(codePoint)} at character ${index + 1}`;
  }
  return null;
}

/** Text with every invisible or control character spelled out as \u{202E}, so a log shows it and is not reordered by it. */
export function spellOutInvisible(text: string): string {
  return text.replace(
    new RegExp(FORBIDDEN.source, 'gu'),
    (character) => `\\u{${(character.codePointAt(0) as number).toString(16).toUpperCase()}}`,
  );
}

/** A value as the messages quote it: JSON-quoted, with every invisible or control character spelled out. */
export function quoteForMessage(value: string): string {
  return spellOutInvisible(JSON.stringify(value));
}

/** An id as references match it: without the characters this module rejects (reported once, at the id). */
export function withoutInvisible(id: string): string {
  return id.replace(new RegExp(FORBIDDEN.source, 'gu'), '');
}
