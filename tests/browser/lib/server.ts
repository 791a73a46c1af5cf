/**
 * A tiny static file server for the built site, so browser tests and the benchmark need nothing
 * but Node. It serves one directory under the site's base path (BASE_PATH), answers directories
 * with their index.html, redirects "/dir" to "/dir/" as static hosts do, gzips text when the
 * client asks (every CDN does, and the benchmark counts transferred bytes) and sends 404.html with
 * a 404. Extra mounts serve other folders (the benchmark's baseline page) on the same origin.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

export const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.pdf': 'application/pdf',
};

const COMPRESSIBLE = /^(text\/|application\/(json|xml|manifest\+json)|image\/svg\+xml)/;

export interface StaticServer {
  /** e.g. http://127.0.0.1:43123 */
  origin: string;
  /** The site's root URL, with the base path and a trailing slash. */
  baseUrl: string;
  close(): Promise<void>;
}

export interface ServeOptions {
  root: string;
  /** The site's base path, e.g. "/" or "/defections/". */
  basePath?: string;
  /** Other folders served on the same origin, keyed by URL prefix ("/__baseline/"). */
  mounts?: Record<string, string>;
  gzip?: boolean;
  port?: number;
}

export function normaliseBasePath(basePath: string | undefined): string {
  const trimmed = (basePath ?? '/').replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

/** Maps a URL path under `prefix` to a file under `root`, or null when it escapes the root. */
function fileFor(root: string, prefix: string, pathname: string): string | null {
  const relative = pathname.slice(prefix.length);
  const candidate = normalize(join(root, relative));
  const rootWithSep = root.endsWith(sep) ? root : root + sep;
  return candidate === root || candidate.startsWith(rootWithSep) ? candidate : null;
}

async function isFile(path: string): Promise<boolean> {
  return stat(path).then(
    (info) => info.isFile(),
    () => false,
  );
}

async function isDirectory(path: string): Promise<boolean> {
  return stat(path).then(
    (info) => info.isDirectory(),
    () => false,
  );
}

export async function serveStatic(options: ServeOptions): Promise<StaticServer> {
  const basePath = normaliseBasePath(options.basePath);
  const gzip = options.gzip ?? true;
  const mounts: [string, string][] = [
    ...Object.entries(options.mounts ?? {}).map(([prefix, dir]): [string, string] => [prefix, resolve(dir)]),
    [basePath, resolve(options.root)],
  ];
  const siteRoot = resolve(options.root);
  const compressed = new Map<string, Buffer>();

  async function send(request: IncomingMessage, response: ServerResponse, file: string, status: number) {
    const body = await readFile(file);
    const type = CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
    const headers: Record<string, string | number> = { 'content-type': type, 'cache-control': 'no-cache' };
    let payload: Buffer = body;
    if (gzip && COMPRESSIBLE.test(type) && /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''))) {
      payload = compressed.get(file) ?? gzipSync(body, { level: 6 });
      compressed.set(file, payload);
      headers['content-encoding'] = 'gzip';
      headers.vary = 'accept-encoding';
    }
    headers['content-length'] = payload.length;
    response.writeHead(status, headers);
    response.end(request.method === 'HEAD' ? undefined : payload);
  }

  async function notFound(request: IncomingMessage, response: ServerResponse) {
    const page = join(siteRoot, '404.html');
    if (await isFile(page)) return send(request, response, page, 404);
    response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
    response.end('Not found');
  }

  async function handle(request: IncomingMessage, response: ServerResponse) {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD' });
      response.end();
      return;
    }
    const url = new URL(request.url ?? '/', 'http://localhost');
    let pathname: string;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      response.writeHead(400);
      response.end();
      return;
    }
    // "/defections" without its slash is the base path too.
    if (`${pathname}/` === basePath) {
      response.writeHead(301, { location: basePath + url.search });
      response.end();
      return;
    }
    const mount = mounts.find(([prefix]) => pathname.startsWith(prefix));
    if (!mount) return notFound(request, response);
    const file = fileFor(mount[1], mount[0], pathname);
    if (!file) return notFound(request, response);
    if (await isDirectory(file)) {
      if (!pathname.endsWith('/')) {
        response.writeHead(301, { location: `${url.pathname}/${url.search}` });
        response.end();
        return;
      }
      const index = join(file, 'index.html');
      return (await isFile(index)) ? send(request, response, index, 200) : notFound(request, response);
    }
    if (await isFile(file)) return send(request, response, file, 200);
    return notFound(request, response);
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) response.writeHead(500, { 'content-type': 'text/plain' });
      response.end(String(error));
    });
  });
  await new Promise<void>((resolvePromise) => server.listen(options.port ?? 0, '127.0.0.1', resolvePromise));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('The static server has no TCP address');
  const origin = `http://127.0.0.1:${address.port}`;
  return {
    origin,
    baseUrl: origin + basePath,
    close: () =>
      new Promise<void>((resolvePromise, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolvePromise()));
      }),
  };
}
