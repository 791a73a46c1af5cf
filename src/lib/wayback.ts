/**
 * The Wayback Machine's address for an article as it stood when published: the archive redirects a
 * timestamp to its nearest capture, and a partial one (YYYYMM for an article dated to the month)
 * to the nearest in that month, so a partial date needs no invented day.
 */
import { parsePartialDate } from './dates.ts';

export function waybackUrl(url: string, published: string): string {
  const date = parsePartialDate(published);
  if (!date) throw new Error(`waybackUrl: "${published}" is not a partial date`);
  return `https://web.archive.org/web/${published.replace(/-/g, '')}/${url}`;
}
