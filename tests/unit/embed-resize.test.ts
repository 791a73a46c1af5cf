/**
 * The resize rule (acceptedResizeHeight) and the host snippet that applies it by hand: a finite
 * number of type number within 50..20,000 px, rounded up; nothing else, from nobody else.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  acceptedResizeHeight,
  MAX_RESIZE_HEIGHT,
  MIN_RESIZE_HEIGHT,
  RESIZE_MESSAGE_TYPE,
} from '../../src/site/embed-protocol.ts';
import { hostSnippet } from '../../src/site/embed.ts';
import { fakeHost } from './fake-host.ts';

const OURS = 'https://defections.example.org';
const resize = (height: unknown) => ({ type: RESIZE_MESSAGE_TYPE, chart: 'timeline', height });

describe('acceptedResizeHeight', () => {
  it.each([
    [640, 640],
    [700.2, 701], // rounded up: a fraction of a pixel short would clip the last line
    [MIN_RESIZE_HEIGHT, 50],
    [MAX_RESIZE_HEIGHT, 20_000],
    [19_999.5, 20_000],
  ])('accepts %s as %s px', (height, expected) => {
    expect(acceptedResizeHeight(resize(height))).toBe(expected);
  });

  it.each([
    ['1e9, which made the host page 33 million px tall', 1e9],
    ['just above the maximum', 20_000.01],
    ['just below the minimum', 49.99],
    ['a negative height', -5],
    ['zero', 0],
    ['NaN', NaN],
    ['Infinity', Infinity],
    ['the string "0x400", which + turned into 1024', '0x400'],
    ['a numeric string', '700'],
    ['true, which + turned into 1', true],
    ['null', null],
    ['an array holding a number', [700]],
    ['an object with valueOf', { valueOf: () => 700 }],
    ['a BigInt', 700n],
  ])('refuses %s', (_, height) => {
    expect(acceptedResizeHeight(resize(height))).toBeNull();
  });

  it('refuses messages that are not ours', () => {
    expect(acceptedResizeHeight({ type: 'someone-else:resize', height: 700 })).toBeNull();
    expect(acceptedResizeHeight(JSON.stringify(resize(700)))).toBeNull();
    expect(acceptedResizeHeight(null)).toBeNull();
    expect(acceptedResizeHeight(700)).toBeNull();
  });
});

/** What the snippet sets the sending iframe to for one message from our origin: "" when it ignores it. */
function snippetHeightFor(data: unknown, origin = OURS, hostOrigin = 'https://news.example'): string {
  const host = fakeHost(hostOrigin, [`${OURS}/embed/timeline/`]);
  host.run(hostSnippet(OURS));
  const [frame] = host.iframes;
  host.send(data, { origin, source: frame?.contentWindow });
  return frame?.style.height ?? '';
}

const expectedStyle = (data: unknown) => {
  const height = acceptedResizeHeight(data);
  return height === null ? '' : `${height}px`;
};

describe('the host snippet applies the same rule', () => {
  it.each([
    640,
    700.2,
    50,
    20_000,
    1e9,
    20_001,
    49,
    -5,
    0,
    NaN,
    Infinity,
    -Infinity,
    '0x400',
    '700',
    true,
    null,
    [700],
  ])('height %s', (height) => {
    expect(snippetHeightFor(resize(height))).toBe(expectedStyle(resize(height)));
  });

  it('agrees with acceptedResizeHeight on any value a message can carry', () => {
    const height = fc.oneof(
      fc.double({ min: -100, max: 30_000 }),
      fc.double(),
      fc.integer({ min: MIN_RESIZE_HEIGHT - 2, max: MAX_RESIZE_HEIGHT + 2 }),
      fc.constantFrom('0x400', '1e3', ' 700 ', true, false, null, undefined, [], [700]),
      fc.anything(),
    );
    fc.assert(
      fc.property(height, (value) => {
        expect(snippetHeightFor(resize(value))).toBe(expectedStyle(resize(value)));
      }),
      { numRuns: 300 },
    );
  });

  it('ignores a good height from another origin, from a frame that is not the sender, and a plain "null" origin', () => {
    expect(snippetHeightFor(resize(640), 'https://other.example')).toBe('');
    expect(snippetHeightFor(resize(640), 'null')).toBe('');
    const host = fakeHost('https://news.example', [`${OURS}/embed/timeline/`, `${OURS}/embed/who-is-counting/`]);
    host.run(hostSnippet(OURS));
    const [timeline, other] = host.iframes;
    // A frame of ours can size only itself, whatever chart it names.
    host.send({ ...resize(640), chart: 'who-is-counting' }, { origin: OURS, source: timeline?.contentWindow });
    host.send(resize(640), { origin: OURS, source: { a: 'window that is no iframe here' } });
    expect(timeline?.style.height).toBe('640px');
    expect(other?.style.height).toBe('');
  });

  it('runs once when pasted twice, and still runs when the host page has an element named like its guard', () => {
    const host = fakeHost('https://news.example', [`${OURS}/embed/timeline/`]);
    host.run(hostSnippet(OURS));
    host.run(hostSnippet(OURS));
    expect(host.listeners).toHaveLength(1);
    // <div id="leaving-the-tatmadaw"> makes window["leaving-the-tatmadaw"] that element.
    const withElement = fakeHost('https://news.example', [`${OURS}/embed/timeline/`]);
    withElement.window['leaving-the-tatmadaw'] = { tagName: 'DIV' };
    withElement.run(hostSnippet(OURS));
    expect(withElement.listeners).toHaveLength(1);
    withElement.send(resize(640), { origin: OURS, source: withElement.iframes[0]?.contentWindow });
    expect(withElement.iframes[0]?.style.height).toBe('640px');
  });

  it('in a sandboxed host, takes the opaque origin only from an iframe whose src is ours, and checks the height too', () => {
    expect(snippetHeightFor(resize(640), 'null', 'null')).toBe('640px');
    expect(snippetHeightFor(resize(1e9), 'null', 'null')).toBe('');
    expect(snippetHeightFor(resize('0x400'), 'null', 'null')).toBe('');
    const host = fakeHost('null', ['https://other.example/embed/', `${OURS}.evil.example/embed/`]);
    host.run(hostSnippet(OURS));
    for (const frame of host.iframes) host.send(resize(640), { origin: 'null', source: frame.contentWindow });
    expect(host.iframes.map((frame) => frame.style.height)).toEqual(['', '']);
  });
});
