import type { Command } from 'commander';
import { FtzError } from '../../core/errors.js';
import { defaultDbPath } from '../../core/paths.js';
import type { CliContext } from '../context.js';

const DEFAULT_PORT = 8787;

export function registerServe(program: Command, ctx: CliContext): void {
  program
    .command('serve')
    .description('serve the dashboard and the HTTP API on 127.0.0.1 / 启动仪表盘与 HTTP API')
    .option('--port <port>', `port (default ${DEFAULT_PORT}, or a free one if it is taken)`)
    .option('--host <host>', 'address to bind', '127.0.0.1')
    .action(async (o: { port?: string; host: string }) => {
      const path = defaultDbPath();
      ctx.log(ctx.t(`数据库：${path}`, `database: ${path}`));
      // The server (hono, report writers) loads only for `serve`, so other commands start faster.
      const { startServer } = await import('../../server/index.js');
      const { openStore } = await import('../../store/openStore.js');
      const store = await openStore({ path, log: (m) => ctx.log(m) });
      const common = {
        store, host: o.host,
        ...(process.env.FTZLAB_ALLOWED_HOSTS ? { allowedHosts: process.env.FTZLAB_ALLOWED_HOSTS.split(',').map((s) => s.trim()) } : {}),
        ...(process.env.FTZLAB_BASEMAP ? { basemapPath: process.env.FTZLAB_BASEMAP } : {}),
      };
      let handle;
      try {
        handle = await startServer({ ...common, port: o.port ? Number(o.port) : DEFAULT_PORT });
      } catch (e) {
        // The default port being busy should not stop a first-time user; an explicit --port should.
        if (o.port || !(e instanceof FtzError && e.code === 'server.port_in_use')) throw e;
        handle = await startServer({ ...common, port: 0 });
      }
      ctx.stdout(ctx.t(`ftzlab 仪表盘：${handle.url}\n`, `ftzlab dashboard: ${handle.url}\n`));
      ctx.log(ctx.t('按 Ctrl+C 停止。', 'Press Ctrl+C to stop.'));
      await new Promise<void>((resolve) => {
        const stop = (): void => {
          void handle.close().then(() => {
            store.close();
            resolve();
          });
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
    });
}
