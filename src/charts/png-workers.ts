/**
 * Rasterising off the main thread. resvg turns text into outlines, fills and encodes the PNG in one
 * synchronous call (about 60 ms for a claim card, thousands of them at 100x the data), which held
 * the build to one core: a small pool of worker threads runs those calls, one per core, while the
 * main thread renders pages (astro.config.mjs `build.concurrency`). A worker runs the very same
 * resvg call with the same options, so its PNG has the same bytes.
 *
 * Workers start on first use and hold the process open only while they have work. PNG_WORKERS=0
 * rasterises on the main thread instead; PNG_WORKERS=<n> sets the pool's size (default: the cores).
 */
import { availableParallelism } from 'node:os';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { Resvg, type ResvgRenderOptions } from '@resvg/resvg-js';

// Evaluated in each worker (not a module file, so it needs nothing from the bundler): resvg loaded by
// the absolute path the main thread resolved, one job at a time, answered with the job's id.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { Resvg } = require(workerData.resvgPath);
parentPort.on('message', ({ id, svg, options }) => {
  try {
    // Copied once into memory of its own and moved (not copied again) to the main thread.
    const png = new Uint8Array(new Resvg(svg, options).render().asPng());
    parentPort.postMessage({ id, png }, [png.buffer]);
  } catch (error) {
    parentPort.postMessage({ id, error: String(error && error.stack || error) });
  }
});
`;

interface Job {
  resolve: (png: Buffer) => void;
  reject: (error: Error) => void;
}

interface PoolWorker {
  worker: Worker;
  pending: Map<number, Job>;
  failed: boolean;
}

let pool: PoolWorker[] | undefined;
let nextId = 0;

function poolSize(): number {
  const setting = process.env.PNG_WORKERS;
  if (setting !== undefined && setting !== '') return Math.max(0, Math.floor(Number(setting)) || 0);
  return availableParallelism();
}

function startPool(size: number): PoolWorker[] {
  const resvgPath = createRequire(import.meta.url).resolve('@resvg/resvg-js');
  return Array.from({ length: size }, () => {
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { resvgPath } });
    const member: PoolWorker = { worker, pending: new Map(), failed: false };
    worker.unref();
    worker.on('message', ({ id, png, error }: { id: number; png?: Uint8Array; error?: string }) => {
      const job = member.pending.get(id);
      if (!job) return;
      member.pending.delete(id);
      if (member.pending.size === 0) worker.unref();
      if (error !== undefined || !png) job.reject(new Error(`resvg failed in a worker: ${error}`));
      else job.resolve(Buffer.from(png.buffer, png.byteOffset, png.byteLength));
    });
    // A worker that failed takes no more jobs; with none left, this thread draws.
    worker.on('error', (error) => {
      member.failed = true;
      for (const job of member.pending.values()) job.reject(error);
      member.pending.clear();
    });
    return member;
  });
}

/** The PNG of `svg`, drawn by a worker thread (the least busy), or on this thread if there are none. */
export function rasterise(svg: string, options: ResvgRenderOptions): Promise<Buffer> {
  pool ??= startPool(poolSize());
  const working = pool.filter((candidate) => !candidate.failed);
  if (working.length === 0) return Promise.resolve(new Resvg(svg, options).render().asPng());
  const member = working.reduce((least, candidate) =>
    candidate.pending.size < least.pending.size ? candidate : least,
  );
  const id = (nextId += 1);
  return new Promise<Buffer>((resolve, reject) => {
    member.pending.set(id, { resolve, reject });
    // Held open while a job is out, so the build cannot end before its PNG comes back.
    member.worker.ref();
    member.worker.postMessage({ id, svg, options });
  });
}
