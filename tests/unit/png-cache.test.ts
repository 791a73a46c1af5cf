/**
 * The PNG cache (src/charts/png-cache.ts): an unchanged SVG is not rasterised again, and any change
 * to what decides the pixels (the SVG, the scale, the background) misses the cache.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { svgToPng } from '../../src/charts/export.ts';
import { isWholePng, pngCacheKey, pngCacheStats } from '../../src/charts/png-cache.ts';

const dir = mkdtempSync(join(tmpdir(), 'png-cache-test-'));
const saved = { dir: process.env.PNG_CACHE_DIR, on: process.env.PNG_CACHE };
beforeAll(() => {
  process.env.PNG_CACHE_DIR = dir;
  delete process.env.PNG_CACHE;
});
afterAll(() => {
  if (saved.dir === undefined) delete process.env.PNG_CACHE_DIR;
  else process.env.PNG_CACHE_DIR = saved.dir;
  if (saved.on !== undefined) process.env.PNG_CACHE = saved.on;
  rmSync(dir, { recursive: true, force: true });
});

const svg = (fill: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><rect width="40" height="20" fill="${fill}"/></svg>`;

describe('the PNG cache', () => {
  it('rasterises an SVG once and serves the same bytes after', () => {
    const before = pngCacheStats();
    const first = svgToPng(svg('#123456'), 2);
    const second = svgToPng(svg('#123456'), 2);
    const after = pngCacheStats();
    expect(after.misses - before.misses).toBe(1);
    expect(after.hits - before.hits).toBe(1);
    expect(second.png.equals(first.png)).toBe(true);
    expect(second).toMatchObject({ width: 80, height: 40 });
    expect(readdirSync(dir).filter((name) => name.endsWith('.png'))).toHaveLength(1);
  });

  it.each([
    ['text that is no PNG', Buffer.from('garbage')],
    ['a PNG cut short', (png: Buffer) => png.subarray(0, png.length - 20)],
  ])('treats a damaged entry (%s) as a miss: draws it again and mends the entry', (_, damage) => {
    const first = svgToPng(svg('#0a0b0c'), 1).png;
    const [entry] = readdirSync(dir).filter(
      (name) => name.endsWith('.png') && readFileSync(join(dir, name)).equals(first),
    );
    expect(entry).toBeDefined();
    writeFileSync(join(dir, entry!), typeof damage === 'function' ? damage(first) : damage);
    const before = pngCacheStats();
    const again = svgToPng(svg('#0a0b0c'), 1).png;
    expect(again.equals(first)).toBe(true);
    expect(pngCacheStats().misses - before.misses).toBe(1);
    expect(readFileSync(join(dir, entry!)).equals(first)).toBe(true);
    expect(isWholePng(first)).toBe(true);
  });

  it('misses when the SVG, the scale or the background changes', () => {
    svgToPng(svg('#abcdef'), 1);
    const before = pngCacheStats();
    svgToPng(svg('#abcdee'), 1);
    svgToPng(svg('#abcdef'), 2);
    svgToPng(svg('#abcdef'), 1, '#ffffff');
    expect(pngCacheStats().misses - before.misses).toBe(3);
    expect(pngCacheStats().hits - before.hits).toBe(0);
  });

  it('keys on the font files themselves, not only their paths', () => {
    const fontDir = mkdtempSync(join(tmpdir(), 'png-cache-font-'));
    const font = join(fontDir, 'Font.ttf');
    writeFileSync(font, 'one');
    const settings = { font: { fontFiles: [font], loadSystemFonts: false } };
    const first = pngCacheKey('<svg/>', settings);
    expect(pngCacheKey('<svg/>', settings)).toBe(first);
    writeFileSync(font, 'a different font');
    expect(pngCacheKey('<svg/>', settings)).not.toBe(first);
    rmSync(fontDir, { recursive: true, force: true });
  });

  it('is off with PNG_CACHE=0', () => {
    process.env.PNG_CACHE = '0';
    try {
      const before = pngCacheStats();
      svgToPng(svg('#000001'), 1);
      svgToPng(svg('#000001'), 1);
      expect(pngCacheStats()).toEqual(before);
    } finally {
      delete process.env.PNG_CACHE;
    }
  });
});
