import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * The package root as a file URL with a trailing slash. Code runs both from `src/` (tests, tsx) and from
 * `dist/src/` (the built CLI), so walk up until package.json appears rather than counting `..`.
 */
export function packageRoot(): URL {
  let dir = fileURLToPath(new URL('.', import.meta.url));
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, 'package.json'))) return pathToFileURL(dir.endsWith('/') ? dir : `${dir}/`);
    dir = join(dir, '..');
  }
  throw new Error('ftzlab: package.json not found above ' + import.meta.url);
}

export function bundledDir(): string {
  return fileURLToPath(new URL('data/bundled/', packageRoot()));
}

export function webDistDir(): string {
  return fileURLToPath(new URL('web/dist/', packageRoot()));
}

/**
 * Where user data lives when FTZLAB_DB is not set: the platform's per-user data directory (XDG on Linux),
 * never inside the package, so `npm install` or `node_modules` clean-ups cannot lose a user's datasets.
 */
export function defaultDbPath(env: NodeJS.ProcessEnv = process.env): string {
  if (env.FTZLAB_DB) return env.FTZLAB_DB;
  const home = homedir();
  let base: string;
  if (process.platform === 'win32') base = env.LOCALAPPDATA ?? join(home, 'AppData', 'Local');
  else if (process.platform === 'darwin') base = join(home, 'Library', 'Application Support');
  else base = env.XDG_DATA_HOME || join(home, '.local', 'share');
  return join(base, 'ftzlab', 'ftzlab.duckdb');
}
