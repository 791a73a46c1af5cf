/**
 * A cache of rasterised PNGs on disk, keyed by what decides every pixel: the SVG text, the output
 * width, the background, the font options and the renderer's version. Rasterising is most of the
 * build's time at scale (issue 13: 55 % at 100x the data), and most PNGs do not change when one claim
 * does, so a rebuild rasterises only the charts and cards whose SVG changed. A stale entry cannot be
 * served: any change to its inputs changes its key. The folder is disposable (a clean CI run simply
 * fills it again); PNG_CACHE_DIR moves it, PNG_CACHE=0 turns the cache off.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';

const RESVG_VERSION: string = (createRequire(import.meta.url)('@resvg/resvg-js/package.json') as { version: string })
  .version;

/** Under node_modules/.cache, where build tools keep caches: git-ignored, and gone with a fresh `npm ci`. */
export const DEFAULT_PNG_CACHE_DIR = join('node_modules', '.cache', 'defections-png');

const stats = { hits: 0, misses: 0 };

// RENDER_STATS=1 (render.ts) also makes the process say how many PNGs it rasterised and reused.
if (process.env.RENDER_STATS === '1') {
  process.once('exit', () => {
    process.stderr.write(`png-cache-stats ${JSON.stringify(stats)}\n`);
  });
}

/** Cache hits and misses in this process (the bench reports them). */
export function pngCacheStats(): Readonly<typeof stats> {
  return { ...stats };
}

function cacheDir(): string | null {
  if (process.env.PNG_CACHE === '0') return null;
  return resolve(process.cwd(), process.env.PNG_CACHE_DIR || DEFAULT_PNG_CACHE_DIR);
}

/** The cache key: every input of the rasteriser, hashed. */
export function pngCacheKey(svg: string, settings: unknown): string {
  // A font file replaced in place (a system update) keeps its path: its size and time go in too.
  const fontFiles = (settings as { font?: { fontFiles?: unknown } } | null)?.font?.fontFiles;
  const fonts = (Array.isArray(fontFiles) ? fontFiles : []).map((file) => {
    const stat = typeof file === 'string' ? statSync(file, { throwIfNoEntry: false }) : undefined;
    return [file, stat?.size ?? null, stat?.mtimeMs ?? null];
  });
  return createHash('sha256')
    .update(JSON.stringify({ resvg: RESVG_VERSION, settings, fonts }))
    .update('\0')
    .update(svg)
    .digest('hex');
}

function cacheFile(svg: string, settings: unknown): string | null {
  const dir = cacheDir();
  return dir === null ? null : join(dir, `${pngCacheKey(svg, settings)}.png`);
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** The last 12 bytes of every whole PNG: an empty IEND chunk and its CRC. */
const PNG_END = Buffer.from([0, 0, 0, 0, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82]);

/** Whether bytes are a whole PNG, from its signature to its end: a truncated or foreign file is not. */
export function isWholePng(bytes: Buffer): boolean {
  return (
    bytes.length > PNG_SIGNATURE.length + PNG_END.length &&
    bytes.subarray(0, PNG_SIGNATURE.length).equals(PNG_SIGNATURE) &&
    bytes.subarray(bytes.length - PNG_END.length).equals(PNG_END)
  );
}

/**
 * The cached PNG, if there is a whole one. A damaged entry (a build killed mid-write on a disk
 * without atomic renames, a file edited by hand) counts as a miss, so the caller renders it again
 * and overwrites it: the cache can cost a build time, never break it. The folder is trusted as the
 * rest of node_modules is: whoever can write there can change the code that builds the site.
 */
function lookUp(file: string): Buffer | undefined {
  let png: Buffer;
  try {
    png = readFileSync(file);
  } catch {
    return undefined; // Not cached yet (or unreadable): the caller renders it.
  }
  if (!isWholePng(png)) return undefined;
  stats.hits += 1;
  return png;
}

function store(file: string, png: Buffer): void {
  stats.misses += 1;
  try {
    mkdirSync(dirname(file), { recursive: true });
    // Written under a private name, then renamed: builds running side by side never read half a file.
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, png);
    renameSync(temporary, file);
  } catch {
    // A read-only or full disk costs only the cache, never the build.
  }
}

/** The PNG for these inputs from the cache, or made by `render` and stored. */
export function cachedPng(svg: string, settings: unknown, render: () => Buffer): Buffer {
  const file = cacheFile(svg, settings);
  if (file === null) return render();
  const cached = lookUp(file);
  if (cached) return cached;
  const png = render();
  store(file, png);
  return png;
}

/** Renders under way in this process, by cache file: an SVG asked for again meanwhile waits for the first. */
const inFlight = new Map<string, Promise<Buffer>>();

/** As cachedPng, for a render that runs off the main thread (png-workers.ts). */
export async function cachedPngAsync(svg: string, settings: unknown, render: () => Promise<Buffer>): Promise<Buffer> {
  const file = cacheFile(svg, settings);
  if (file === null) return render();
  const pending = inFlight.get(file);
  if (pending) {
    stats.hits += 1;
    return pending;
  }
  const cached = lookUp(file);
  if (cached) return cached;
  const rendering = render().then((png) => {
    store(file, png);
    return png;
  });
  inFlight.set(file, rendering);
  try {
    return await rendering;
  } finally {
    inFlight.delete(file);
  }
}
