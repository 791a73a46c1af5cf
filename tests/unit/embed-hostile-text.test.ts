/**
 * The image embed codes, chart and claim card, through the sanitisers a CMS runs, when the free text
 * they carry (claimant names, outlets) holds what reads as markup: `-->`, `<!--`, `<`, `&`, `]>`,
 * `</style`. DOMPurify (SAFE_FOR_XML, its default) drops any attribute whose value, once decoded,
 * holds `-->`, `]>` or a closing </style>, </title>…, however it was escaped: that took the alt
 * text, the image's whole description. The property: under DOMPurify and sanitize-html (with images
 * allowed) the <img> keeps an alt that reads as the text did (only spaces added inside those
 * sequences), the credit survives as text, and nothing else comes through. fast-check draws the text.
 */
import { join } from 'node:path';
import fc from 'fast-check';
import DOMPurify from 'isomorphic-dompurify';
import { parseHTML } from 'linkedom';
import sanitizeHtml from 'sanitize-html';
import { describe, expect, it } from 'vitest';
import { chartData } from '../../src/charts/data.ts';
import { chartFacts } from '../../src/charts/export.ts';
import { chartById } from '../../src/charts/index.ts';
import { xmlSafe } from '../../src/charts/svg-xml.ts';
import { loadDataset } from '../../src/lib/dataset.ts';
import { hostSafeText } from '../../src/site/host-safe.ts';
import { claimCardAlt, claimCardFacts, claimCreditSentence, claimImageCode } from '../../src/site/claim-card.ts';
import { creditSentence, imageCode } from '../../src/site/embed.ts';

const dataset = loadDataset(join(import.meta.dirname, '..', '..', 'data'));
const SITE = new URL('https://charts.example.org/');
const CHART = chartById('cumulative-claims');
const CLAIM_ID = 'nug-defected-3000-2021-09';

const SANITISERS = {
  DOMPurify: (html: string) => DOMPurify.sanitize(html),
  'sanitize-html with images': (html: string) =>
    sanitizeHtml(html, { allowedTags: [...sanitizeHtml.defaults.allowedTags, 'img'] }),
  'sanitize-html': (html: string) => sanitizeHtml(html),
} as const;
const ALLOWED = new Set(['p', 'picture', 'source', 'img', 'a']);

const HOSTILE = ['-->', '--!>', '<!--', '<', '>', '&', '&amp;', ']]>', ']>', '</style>', '</title>', '</script>', '"'];
const piece = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE) },
  { weight: 2, arbitrary: fc.constantFrom('Arakan', ' ', 'Army', '-', '!', ']', '/', 'ရခိုင်') },
  { weight: 1, arbitrary: fc.string({ maxLength: 4 }) },
);
const freeText = fc.array(piece, { minLength: 1, maxLength: 6 }).map((parts) => `x${parts.join('')}`);

function dataWith(name: string, outlet: string) {
  const claim = dataset.claims.find((candidate) => candidate.id === CLAIM_ID)!;
  return chartData({
    ...dataset,
    claimants: dataset.claimants.map((claimant) =>
      claimant.id === claim.claimant_id ? { ...claimant, name } : claimant,
    ),
    sources: dataset.sources.map((source) => (source.id === claim.source_id ? { ...source, outlet } : source)),
  });
}

const parse = (html: string) => parseHTML(`<!doctype html><html><body>${html}</body></html>`).document;
const text = (html: string) => (parse(html).body.textContent ?? '').replace(/\s+/g, ' ').trim();
const squeeze = (value: string) => value.replace(/\s+/g, '');

function checkCode(code: string, alt: string, credit: string) {
  for (const [name, sanitise] of Object.entries(SANITISERS)) {
    const out = sanitise(code);
    const body = parse(out).body;
    // The credit is text, whole, whatever the sanitiser keeps of the markup.
    expect(text(out), name).toContain(credit.replace(/\s+/g, ' ').trim());
    for (const element of body.querySelectorAll('*')) expect(ALLOWED, name).toContain(element.localName);
    if (name === 'sanitize-html') continue;
    const img = body.querySelector('img');
    expect(img, name).not.toBeNull();
    // Kept, and the same words: only spaces may have been added inside a breakout sequence.
    expect(img?.getAttribute('alt'), name).toBe(hostSafeText(xmlSafe(alt)));
    expect(squeeze(img?.getAttribute('alt') ?? ''), name).toBe(squeeze(xmlSafe(alt)));
  }
}

describe('hostSafeText', () => {
  it('spaces out the sequences DOMPurify reads as an attribute breaking out, and nothing else', () => {
    expect(hostSafeText('A --> B ]]> C --!> D </Style E </title')).toBe('A -- > B ]] > C --! > D < /Style E < /title');
    expect(hostSafeText('a < b & c <!-- d -> e ] > f')).toBe('a < b & c <!-- d -> e ] > f');
  });

  it('leaves no sequence DOMPurify would drop an attribute for', () => {
    fc.assert(
      fc.property(freeText, (value) => {
        expect(hostSafeText(value)).not.toMatch(
          /((--!?|])>)|<\/(style|script|title|xmp|textarea|noscript|iframe|noembed|noframes)/i,
        );
        expect(squeeze(hostSafeText(value))).toBe(squeeze(value));
      }),
    );
  });
});

describe('the image codes keep their alt text and credit through sanitisers, whatever the free text', () => {
  it('a chart', () => {
    fc.assert(
      fc.property(freeText, freeText, (name, outlet) => {
        const data = dataWith(name, outlet);
        checkCode(imageCode(CHART, data, SITE, 'light'), chartFacts(CHART, data).altText, creditSentence(CHART, data));
      }),
      { numRuns: 25 },
    );
  });

  it('a claim card', () => {
    fc.assert(
      fc.property(freeText, freeText, (name, outlet) => {
        const data = dataWith(name, outlet);
        const facts = claimCardFacts(data.claimById.get(CLAIM_ID)!, data);
        checkCode(claimImageCode(facts, SITE), claimCardAlt(facts), claimCreditSentence(facts));
      }),
      { numRuns: 100 },
    );
  });

  it('the case that was lost: a claimant named with "-->"', () => {
    const data = dataWith('Arakan Army --> allies', 'Outlet <!-- & co');
    const alt = parse(SANITISERS.DOMPurify(imageCode(CHART, data, SITE, 'light')))
      .querySelector('img')
      ?.getAttribute('alt');
    expect(alt).toContain('Arakan Army -- > allies');
    expect(alt).toContain('Outlet <!-- & co');
  });
});
