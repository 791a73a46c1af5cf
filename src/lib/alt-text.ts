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

export function composeAltText({ description, outlets, claimants }: AltTextParts): string {
  const parts = [sentence(description)];
  if (claimants.length > 0) parts.push(`Figures claimed by ${listInWords(claimants)}.`);
  if (outlets.length > 0) parts.push(`Reported by ${listInWords(outlets)}.`);
  // The chart descriptions usually say it already; the words "unverified claims" must be there either way.
  parts.push('These are unverified claims.');
  return parts.join(' ');
}
