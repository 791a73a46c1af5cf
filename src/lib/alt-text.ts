/**
 * Alt text for a chart seen outside our pages: in an embed, a static image, a download or an oEmbed
 * response. It starts from the chart's own description (written from the data: who claims what,
 * rising from what to what, over which dates) and makes sure it also says where the figures were
 * published, who claims them and that nobody has verified them, because a reader of a pasted image
 * has nothing else to go on.
 */
import { listInWords } from './format.ts';

export { listInWords };

export interface AltTextParts {
  /** The chart's description, from its module's describe(data). */
  description: string;
  /** The outlets whose reports the chart's rows come from, in data order. */
  outlets: string[];
  /** The claimants whose figures the chart draws, in data order. */
  claimants: string[];
  /**
   * Said when the description's later sentences are left out: what they leave out and where it
   * is ("The chart's page has … a table of all 29 claims …"). Without it, a generic sentence.
   */
  rest?: string;
  /** The chart's title: said first when not even the description's first sentence fits. */
  title?: string;
}

function sentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/** Social platforms and some CMSs cut alt text at 1,000 characters: ours stays below. */
export const ALT_TEXT_MAX = 999;
export const DISCLAIMER = 'These are unverified claims.';
const DEFAULT_REST = "Shortened to fit: the chart's page has the full description and a table of every figure.";
// A description's own sentences about verification: the disclaimer says it once, at the end.
const ABOUT_VERIFICATION = /\b(un)?verif(y|ied|ication)\b|\bindependently (confirmed|corroborated)\b/i;

/** Abbreviations whose full stop ends no sentence: initials ("U.S."), ranks and titles ("Lt. Col."). */
const ABBREVIATION =
  /(?:^|[\s(])(?:[A-Z]|[A-Z]\.[A-Z]|St|Mr|Mrs|Ms|Dr|No|Nos|Lt|Gen|Col|Maj|Capt|Sgt|Cpl|Pte|Brig|Adm|Cmdr|Gov|Sen|Rep|Jr|Sr|Vol|vs|etc|e\.g|i\.e)\.$/;

/**
 * Sentences, split after . ! or ? followed by a space and a capital, a digit or a quote mark, but
 * not after an abbreviation: a kept sentence must be whole.
 */
function sentences(text: string): string[] {
  const parts = text
    .trim()
    .split(/(?<=[.!?])\s+(?=[A-Z0-9“"‘'(])/u)
    .filter((part) => part.trim() !== '');
  const joined: string[] = [];
  for (const part of parts) {
    const before = joined.at(-1);
    if (before !== undefined && ABBREVIATION.test(before)) joined[joined.length - 1] = `${before} ${part}`;
    else joined.push(part);
  }
  return joined;
}

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * Who and where, then the disclaimer, as long as `room` allows: the names in full, else the
 * outlets counted, else the claimants counted too (the chart's page names them all).
 */
function ending(outlets: readonly string[], claimants: readonly string[], room: number): string {
  const unique = (names: readonly string[]) => [...new Set(names)];
  const claimedBy = (full: boolean) =>
    claimants.length === 0
      ? []
      : [
          `Figures claimed by ${full ? listInWords(unique(claimants)) : count(unique(claimants).length, 'claimant', 'claimants')}.`,
        ];
  const reportedBy = (full: boolean) =>
    outlets.length === 0
      ? []
      : [`Reported by ${full ? listInWords(unique(outlets)) : count(unique(outlets).length, 'outlet', 'outlets')}.`];
  const choices = [
    [...claimedBy(true), ...reportedBy(true), DISCLAIMER],
    [...claimedBy(true), ...reportedBy(false), DISCLAIMER],
    [...claimedBy(false), ...reportedBy(false), DISCLAIMER],
  ].map((parts) => parts.join(' '));
  return choices.find((choice) => choice.length <= room) ?? (choices.at(-1) as string);
}

/**
 * The alt text: the description's leading sentences, as many as fit, then who claims the figures,
 * who reported them and the disclaimer, in under 1,000 characters. It always ends on a whole
 * sentence and the disclaimer, said once; when sentences are left out it says so (`rest`), and
 * the rest is on the chart's page ("Describe this chart", the table), which an image embed links to.
 */
export function composeAltText({ description, outlets, claimants, rest, title }: AltTextParts): string {
  const restSentence = sentence(rest ?? DEFAULT_REST);
  const all = sentences(description)
    .filter((part) => !ABOUT_VERIFICATION.test(part))
    .map(sentence);
  const fits = (parts: readonly string[]) => parts.join(' ').length <= ALT_TEXT_MAX;
  // The names in full unless they leave no room for a first sentence (or the title) and the note.
  const lead = all[0] ?? (title ? sentence(title) : '');
  const tail = ending(outlets, claimants, ALT_TEXT_MAX - lead.length - restSentence.length - 2);
  if (fits([...all, tail])) return [...all, tail].join(' ');
  const kept: string[] = [];
  for (const part of all) {
    if (!fits([...kept, part, restSentence, tail])) break;
    kept.push(part);
  }
  if (kept.length === 0 && title && fits([sentence(title), restSentence, tail])) kept.push(sentence(title));
  return [...kept, restSentence, tail].join(' ');
}
