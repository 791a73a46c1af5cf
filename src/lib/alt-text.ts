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
}

function sentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/** Social platforms and some CMSs cut alt text at 1,000 characters: ours stays below. */
export const ALT_TEXT_MAX = 999;
const DISCLAIMER = 'These are unverified claims.';
// A description's own sentences about verification: the disclaimer says it once, at the end.
const ABOUT_VERIFICATION = /\b(un)?verif(y|ied|ication)\b/i;

/** Sentences, split after . ! or ? followed by a space and a capital, a digit or a quote mark. */
function sentences(text: string): string[] {
  return text
    .trim()
    .split(/(?<=[.!?])\s+(?=[A-Z0-9“"‘'(])/u)
    .filter((part) => part.trim() !== '');
}

export function composeAltText({ description, outlets, claimants }: AltTextParts): string {
  const tail: string[] = [];
  if (claimants.length > 0) tail.push(`Figures claimed by ${listInWords(claimants)}.`);
  if (outlets.length > 0) tail.push(`Reported by ${listInWords(outlets)}.`);
  tail.push(DISCLAIMER);
  const ending = tail.join(' ');
  // The description's leading sentences, as many as fit with who, where and the disclaimer; the
  // rest is on the page ("Describe this chart"), which an image embed links to.
  const kept: string[] = [];
  for (const part of sentences(description).filter((part) => !ABOUT_VERIFICATION.test(part))) {
    const next = [...kept, sentence(part)].join(' ');
    if (next.length + 1 + ending.length > ALT_TEXT_MAX) break;
    kept.push(sentence(part));
  }
  return [...kept, ending].join(' ');
}
