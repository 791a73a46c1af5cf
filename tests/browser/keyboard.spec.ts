/**
 * Keyboard and assistive technology: on every page with a chart, pressing Tab reaches every data
 * mark of every visible chart (a.chart-mark), and each mark's accessible name, as Chromium's
 * accessibility tree computes it, carries the figure, the claimant and the quote of its claim.
 */
import type { Page } from 'playwright-core';
import { allPages, claimFacts, label, type ClaimFacts } from './lib/site.ts';
import { assertNoFailures } from './lib/page.ts';
import type { BrowserTest, BrowserTestContext } from './lib/types.ts';

const projectRoot = new URL('../../', import.meta.url).pathname;

/** Typographic quotes and runs of white space compared loosely; screen readers read both alike. */
function loose(text: string): string {
  return text
    .replace(/[\u2018\u2019\u201b']/g, "'")
    .replace(/[\u201c\u201d\u201f"]/g, '"')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/** Checks an accessible name against the claim the mark links to; returns what is missing. */
export function missingFromName(name: string, claim: ClaimFacts): string[] {
  const missing: string[] = [];
  const text = loose(name);
  if (claim.figure) {
    const value = Number(claim.figure);
    const forms = [claim.figure, Number.isFinite(value) ? value.toLocaleString('en-US') : claim.figure];
    if (!forms.some((form) => text.includes(form.toLowerCase()))) missing.push(`value ${forms.at(-1)}`);
  }
  if (!text.includes(loose(claim.claimant))) missing.push(`claimant "${claim.claimant}"`);
  // A long quote may be shortened with an ellipsis; its opening words must be there.
  const quote = loose(claim.quote).slice(0, 60);
  if (quote && !text.includes(quote)) missing.push(`quote "${claim.quote.slice(0, 60)}"`);
  return missing;
}

interface Mark {
  index: number;
  href: string;
  visible: boolean;
}

async function tagMarks(page: Page): Promise<Mark[]> {
  return page.$$eval('a.chart-mark', (links) =>
    links.map((link, index) => {
      link.setAttribute('data-gates-mark', String(index));
      // Rules and ticks are marks too, and their boxes can be 0 px high: visibility is what counts.
      return {
        index,
        href: link.getAttribute('href') ?? link.getAttribute('xlink:href') ?? '',
        visible: link.checkVisibility(),
      };
    }),
  );
}

/** Presses Tab through the whole page once and returns the indexes of the marks that got focus. */
async function tabThrough(page: Page): Promise<Set<number>> {
  const focusable = await page.$$eval(
    'a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex="-1"])',
    (elements) => elements.length,
  );
  const reached = new Set<number>();
  await page.locator('body').focus();
  for (let press = 0; press < focusable + 10; press++) {
    await page.keyboard.press('Tab');
    const mark = await page.evaluate(() => document.activeElement?.getAttribute('data-gates-mark') ?? null);
    if (mark !== null) reached.add(Number(mark));
  }
  return reached;
}

/** Chromium's computed accessible role and name of every visible a.chart-mark, in document order. */
async function accessibleNames(page: Page): Promise<Map<number, { role: string; name: string }>> {
  const session = await page.context().newCDPSession(page);
  await session.send('DOM.enable');
  await session.send('Accessibility.enable');
  const { root } = await session.send('DOM.getDocument', { depth: -1 });
  const { nodeIds } = await session.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector: 'a.chart-mark' });
  const names = new Map<number, { role: string; name: string }>();
  for (const nodeId of nodeIds) {
    const { attributes = [] } = await session.send('DOM.getAttributes', { nodeId });
    const indexAt = attributes.indexOf('data-gates-mark');
    const index = Number(attributes[indexAt + 1]);
    const { nodes } = await session.send('Accessibility.getPartialAXTree', { nodeId, fetchRelatives: false });
    const node = nodes[0];
    if (!node || node.ignored) continue;
    names.set(index, { role: String(node.role?.value ?? ''), name: String(node.name?.value ?? '') });
  }
  await session.detach();
  return names;
}

async function keyboardCheck({ browser, baseUrl, outDir }: BrowserTestContext, width: number) {
  const claims = claimFacts(projectRoot);
  const failures: string[] = [];
  let marksChecked = 0;
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  // Embed variants (dark, plain, transparent) carry the same chart markup: each chart's default embed stands for them.
  for (const url of allPages(outDir, baseUrl, { variants: false })) {
    await page.goto(url, { waitUntil: 'load' });
    if ((await page.locator('figure.chart').count()) === 0) continue;
    const where = `${label(url, baseUrl)} at ${width} px`;
    const marks = (await tagMarks(page)).filter((mark) => mark.visible);
    if (marks.length === 0) {
      failures.push(`${where}: charts but no visible a.chart-mark`);
      continue;
    }
    const reached = await tabThrough(page);
    const names = await accessibleNames(page);
    for (const mark of marks) {
      marksChecked++;
      const id = /#claim-(.+)$/.exec(mark.href)?.[1];
      const which = `${where}, mark ${mark.index} (${mark.href || 'no href'})`;
      if (!reached.has(mark.index)) failures.push(`${which}: Tab never reaches it`);
      const accessible = names.get(mark.index);
      if (!accessible) {
        failures.push(`${which}: not in the accessibility tree`);
        continue;
      }
      if (accessible.role !== 'link') failures.push(`${which}: role is "${accessible.role}", expected "link"`);
      const claim = id ? claims.get(decodeURIComponent(id)) : undefined;
      if (!claim) {
        failures.push(`${which}: does not link to a known claim (#claim-<id>)`);
        continue;
      }
      const missing = missingFromName(accessible.name, claim);
      if (missing.length > 0) {
        const name = accessible.name.length > 110 ? `${accessible.name.slice(0, 110)}…` : accessible.name;
        failures.push(`${which}: accessible name "${name}" lacks ${missing.join(', ')}`);
      }
    }
  }
  await context.close();
  if (marksChecked === 0) failures.push('no chart marks found on any page');
  assertNoFailures(`keyboard and accessible names at ${width} px`, failures);
}

export const tests: BrowserTest[] = [
  {
    name: 'keyboard: Tab reaches every chart mark, named with value, claimant and quote (1280 px)',
    run: (ctx) => keyboardCheck(ctx, 1280),
  },
  {
    name: 'keyboard: Tab reaches every chart mark, named with value, claimant and quote (320 px)',
    run: (ctx) => keyboardCheck(ctx, 320),
  },
];
