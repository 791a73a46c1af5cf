/**
 * How wide a line of text is, without a browser. Exported images (SVG, PNG, share cards) have no
 * text wrapping of their own, and the fixed height of an iframe embed has to be known at build
 * time, so both measure text here.
 *
 * The widths are DejaVu Sans's advance widths, in thousandths of an em, read from the font files
 * Debian ships (/usr/share/fonts/truetype/dejavu). DejaVu Sans is the font the PNGs are drawn in,
 * and one of the widest sans-serif fonts a reader might see: a line that fits in DejaVu Sans fits
 * in the system fonts of phones and desktops, so text measured here may fall short of its box on a
 * reader's screen, never past it. Kerning is ignored; it only ever narrows a line.
 */

const MEASURED_CHARACTERS =
  ' !"#$%&\'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~’‘“”–—·…×→↑é\u00a0';

// prettier-ignore
const REGULAR = [318,401,460,838,636,950,780,275,390,390,500,838,318,361,318,337,636,636,636,636,636,636,636,636,636,636,337,337,838,838,838,531,1000,684,686,698,770,632,575,775,752,295,295,656,557,863,748,787,603,787,695,635,611,732,684,989,685,611,685,390,337,390,838,500,500,613,635,550,635,615,352,635,634,278,278,579,278,974,634,612,635,635,411,521,392,634,592,818,592,592,525,636,337,636,838,318,318,518,518,500,1000,318,1000,838,838,838,615,318];
// prettier-ignore
const BOLD = [348,456,521,838,696,1002,872,306,457,457,523,838,380,415,380,365,696,696,696,696,696,696,696,696,696,696,400,400,838,838,838,580,1000,774,762,734,830,683,683,821,837,372,372,775,637,995,837,850,733,850,770,720,682,812,774,1103,771,724,725,457,365,457,838,500,500,675,716,593,716,678,435,716,712,343,343,665,343,1042,712,687,716,716,493,595,478,712,652,924,645,652,582,712,365,712,838,380,380,657,657,500,1000,380,1000,838,838,838,678,348];

/** A character we have no width for counts as one of the widest letters, so that it can only overestimate. */
const UNKNOWN = { regular: 1000, bold: 1100 };

function table(values: number[]): Map<string, number> {
  const characters = [...MEASURED_CHARACTERS];
  if (characters.length !== values.length)
    throw new Error('text-metrics: width table and character list differ in length');
  return new Map(characters.map((character, index) => [character, values[index] as number]));
}

const WIDTHS = { regular: table(REGULAR), bold: table(BOLD) };

export type FontWeight = keyof typeof WIDTHS;

/** The width of `text` in CSS pixels at `fontSize`, as DejaVu Sans draws it. */
export function textWidth(text: string, fontSize: number, weight: FontWeight = 'regular'): number {
  let thousandths = 0;
  for (const character of text) thousandths += WIDTHS[weight].get(character) ?? UNKNOWN[weight];
  return (thousandths / 1000) * fontSize;
}

/**
 * Breaks text into lines no wider than `maxWidth`, greedily at spaces as browsers do. A single
 * word wider than the line gets a line of its own (it overflows; callers size boxes to avoid it).
 */
export function wrapText(text: string, maxWidth: number, fontSize: number, weight: FontWeight = 'regular'): string[] {
  // Only ordinary white space breaks a line: a no-break space ("CC BY\u00a04.0") holds its words together.
  const words = text.split(/[ \t\r\n]+/).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && textWidth(candidate, fontSize, weight) > maxWidth) {
      lines.push(line);
      line = word;
    } else {
      line = candidate;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * Like wrapText, but a word wider than the line (a long name written without spaces) is broken
 * across lines, each piece but the last ending in a hyphen, so that no line overflows. Callers
 * that break words keep the full text elsewhere (a <title>, the table), since a hyphen was added.
 */
export function wrapTextBreakingWords(
  text: string,
  maxWidth: number,
  fontSize: number,
  weight: FontWeight = 'regular',
): string[] {
  return wrapText(text, maxWidth, fontSize, weight).flatMap((line) => {
    if (textWidth(line, fontSize, weight) <= maxWidth) return [line];
    // An overflowing line is one long word, alone (wrapText starts a new line before any word
    // that does not fit after others).
    const pieces: string[] = [];
    let piece = '';
    for (const character of line) {
      if (piece && textWidth(`${piece}${character}-`, fontSize, weight) > maxWidth) {
        pieces.push(`${piece}-`);
        piece = character;
      } else {
        piece += character;
      }
    }
    if (piece) pieces.push(piece);
    return pieces;
  });
}
