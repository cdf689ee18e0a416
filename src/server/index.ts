import { writeFileSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { FtzError } from '../core/errors.js';
import { webDistDir } from '../core/paths.js';
import type { Store } from '../store/duckdb.js';
import { createApp } from './app.js';

export { createApp, type AppOptions } from './app.js';
export type * from './apiTypes.js';

export interface ServerHandle {
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

export interface StartOptions {
  readonly store: Store;
  readonly port?: number;
  readonly host?: string;
  readonly allowedHosts?: readonly string[];
  readonly basemapPath?: string;
  readonly webDir?: string;
}

/**
 * Starts the API and the dashboard on 127.0.0.1 (port 0 picks a free one). Writes `<db>.server.json` so a
 * CLI that finds the database locked can say which server holds it and where it answers.
 */
export async function startServer(options: StartOptions): Promise<ServerHandle> {
  const host = options.host ?? '127.0.0.1';
  const app = createApp({
    store: options.store,
    webDir: options.webDir ?? webDistDir(),
    ...(options.allowedHosts ? { allowedHosts: options.allowedHosts } : {}),
    ...(options.basemapPath ? { basemapPath: options.basemapPath } : {}),
  });
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port: options.port ?? 0, hostname: host }, () => resolve(s));
    s.once('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EADDRINUSE') reject(new FtzError('server.port_in_use', { port: options.port ?? 0 }));
      else reject(e);
    });
  });
  const port = (server.address() as AddressInfo).port;
  const displayHost = host.includes(':') ? `[${host}]` : host;
  const url = `http://${displayHost}:${port}/`;
  const infoFile = options.store.path === ':memory:' ? null : `${options.store.path}.server.json`;
  if (infoFile) writeFileSync(infoFile, JSON.stringify({ pid: process.pid, url, port }) + '\n');
  return {
    url,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        if (infoFile) rmSync(infoFile, { force: true });
        server.close(() => resolve());
      }),
  };
}
