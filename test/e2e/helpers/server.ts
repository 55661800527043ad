// A tiny static file server for browser tests: serves a built dist/ on 127.0.0.1 at a random
// port, like a plain web host would (index.html for folders, the site's 404.html for misses).
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

export interface StaticServer {
  /** e.g. http://127.0.0.1:41234 */
  origin: string;
  /** origin + base path, ending with / */
  url: string;
  /** Paths requested that answered 404, in order. */
  misses: string[];
  close(): Promise<void>;
}

/**
 * Serves `root` under `base` (the site's base_path, "/" by default). Folders answer with their
 * index.html; anything missing answers 404 with `<root>/404.html` when the site has one.
 */
export async function serveDir(root: string, base = '/'): Promise<StaticServer> {
  const misses: string[] = [];
  const notFound = join(root, '404.html');
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    const send = (status: number, file: string | null) => {
      if (file === null) {
        res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
        res.end('Not found');
        return;
      }
      res.writeHead(status, { 'content-type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream' });
      if (req.method === 'HEAD') res.end();
      else createReadStream(file).pipe(res);
    };
    const miss = () => {
      misses.push(path);
      send(404, existsSync(notFound) ? notFound : null);
    };
    if (!path.startsWith(base)) return miss();
    const rel = normalize(path.slice(base.length));
    if (rel.startsWith('..') || rel.includes(`${sep}..`)) return miss();
    let file = join(root, rel);
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file) || !statSync(file).isFile()) return miss();
    send(200, file);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: origin + base,
    misses,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}
