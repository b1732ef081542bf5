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
  // Runs before the plugin's own hook (route hooks follow the instance's): a reused answer leaves
  // here already compressed, and the plugin lets an answer with a Content-Encoding pass.
  app.addHook('onSend', (req, reply, payload, done) => {
    if (typeof payload !== 'string' || !reusableLengths.has(payload.length)) return done(null, payload);
    const copies = reusable.get(payload);
    const encoding =
      copies && req.headers['x-no-compression'] === undefined && chosenEncoding(req.headers['accept-encoding']);
    if (!copies || !encoding) return done(null, payload);
    const body = (copies[encoding] ??=
      encoding === 'br'
        ? zlib.brotliCompressSync(payload, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } })
        : zlib.gzipSync(payload, { level: 9 }));
    reply.header('content-encoding', encoding);
    reply.header('vary', 'accept-encoding');
    done(null, body);
  });
  await app.register(compress, {
    global: true,
    threshold: 1024,
    encodings: ['br', 'gzip'],
    brotliOptions: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } },
    zlibOptions: { level: 6 },
  });
}

/**
 * Answers that are the same for many requests (a frozen, cached read serialised once: app.ts)
 * are compressed once, at the best level, and the bytes reused; other answers are compressed
 * per request at a fast level. Keyed by the JSON text itself, so a changed answer is a new entry;
 * lengths first, so other answers are not hashed.
 */
const reusable = new Map<string, { br?: Buffer; gzip?: Buffer }>();
const reusableLengths = new Set<number>();
const REUSABLE_MIN = 1024;
const REUSABLE_MAX_ENTRIES = 2000;

export function markReusableAnswer(json: string): void {
  if (json.length < REUSABLE_MIN || reusable.has(json)) return;
  if (reusable.size >= REUSABLE_MAX_ENTRIES) {
    reusable.clear();
    reusableLengths.clear();
  }
  reusable.set(json, {});
  reusableLengths.add(json.length);
}

/** br, else gzip, when the client accepts it (a q of 0 refuses); null for neither. */
export function chosenEncoding(header: string | string[] | undefined): 'br' | 'gzip' | null {
  if (typeof header !== 'string') return null;
  const accepted = new Set<string>();
  for (const part of header.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    if (name && (q === undefined || Number(q) > 0)) accepted.add(name.trim());
  }
  if (accepted.has('br')) return 'br';
  if (accepted.has('gzip') || accepted.has('*')) return 'gzip';
  return null;
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
