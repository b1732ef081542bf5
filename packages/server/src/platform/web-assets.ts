import path from 'node:path';
import zlib from 'node:zlib';
import compress from '@fastify/compress';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/**
 * How the web app reaches a browser (issue 18, docs/architecture.md "Web delivery"):
 * - API answers are compressed on the fly (brotli at a fast level, else gzip), above 1 KB;
 * - built files are compressed once at build time (`.br`, `.gz` next to each file, written by the
 *   Vite config) and served as they are, never compressed again per request;
 * - files under /assets/ carry a content hash in their names, so a browser keeps them a year
 *   without asking again; HTML pages are re-validated on every visit so a new build is seen at once.
 */
export async function installCompression(app: FastifyInstance): Promise<void> {
  await app.register(compress, {
    global: true,
    threshold: 1024,
    encodings: ['br', 'gzip'],
    brotliOptions: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } },
    zlibOptions: { level: 6 },
  });
}

export const IMMUTABLE = 'public, max-age=31536000, immutable';

/** The two public pages a citizen opens on a phone: their own small entry, not the officers' app. */
export function isPublicPage(urlPath: string): boolean {
  return /^\/(tra-cuu|cong-khai)(\/|$)/.test(urlPath);
}

export async function registerWebAssets(app: FastifyInstance, webDist: string): Promise<void> {
  await app.register(fastifyStatic, {
    root: webDist,
    wildcard: false,
    index: false,
    preCompressed: true,
    setHeaders(res, filePath) {
      const rel = path.relative(webDist, filePath).split(path.sep).join('/');
      res.header('cache-control', rel.startsWith('assets/') ? IMMUTABLE : 'no-cache');
    },
  });
}
