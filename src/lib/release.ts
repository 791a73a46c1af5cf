/**
 * The data's release dates, read from the changelog at the end of data/README.md: the first entry is
 * when the data was first published, the newest is its version. Every dated page, feed, citation and
 * package descriptor takes its dates from here, so they change only when the data does (and two
 * builds of the same data stay byte-identical).
 *
 * A changelog entry is a list item or a table row that starts with a full date:
 * `- 2026-11-25: first release ...` or `| 2026-12-02 | nug-defected-453-2021-09 | action | ... |`.
 */

export interface DataRelease {
  /** The first changelog date: when the data was first published. */
  firstPublished: string;
  /** The newest changelog date: the data's version. */
  version: string;
}

const CHANGELOG_HEADING = /^## Changelog\s*$/m;
const ENTRY_DATE = /^(?:- |\|\s*)(\d{4}-\d{2}-\d{2})\b/gm;

/** `readmePath` names the file in errors: DATA_DIR (data-dir.ts) can put it outside data/. */
export function dataRelease(readme: string, readmePath: string = 'data/README.md'): DataRelease {
  const heading = CHANGELOG_HEADING.exec(readme);
  if (!heading) throw new Error(`${readmePath} has no "## Changelog" section to date the data from`);
  const changelog = readme.slice(heading.index);
  const dates = [...changelog.matchAll(ENTRY_DATE)].map((match) => match[1] as string).sort();
  if (dates.length === 0) {
    throw new Error(`${readmePath}'s changelog has no dated entry ("- YYYY-MM-DD: what changed")`);
  }
  return { firstPublished: dates[0] as string, version: dates[dates.length - 1] as string };
}
