import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { Context } from 'hono';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8', '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon',
  '.woff2': 'font/woff2', '.map': 'application/json',
};

/** Serves the built dashboard from `root`; unknown paths fall back to index.html (the page routes by hash). */
export async function serveWeb(c: Context, root: string): Promise<Response> {
  const path = decodeURIComponent(new URL(c.req.url).pathname);
  const rel = normalize(path).replace(/^([/\\])+/, '');
  const full = join(root, rel === '' ? 'index.html' : rel);
  if (!full.startsWith(root.endsWith(sep) ? root : root + sep) && full !== root) return c.notFound();
  for (const candidate of [full, join(root, 'index.html')]) {
    try {
      const body = await readFile(candidate);
      const type = TYPES[extname(candidate)] ?? 'application/octet-stream';
      const cache = candidate.includes(`${sep}assets${sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache';
      return c.body(body, 200, { 'content-type': type, 'cache-control': cache });
    } catch {
      // try the next candidate
    }
  }
  return c.text('The dashboard is not built. Run `npm run build` first. / 仪表盘尚未构建，请先运行 `npm run build`。', 503);
}
