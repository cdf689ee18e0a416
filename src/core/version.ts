import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { packageRoot } from './paths.js';

let cached: string | undefined;

/** The package version from package.json, read once. */
export function packageVersion(): string {
  if (cached === undefined) {
    const pkg = JSON.parse(readFileSync(fileURLToPath(new URL('package.json', packageRoot())), 'utf8')) as {
      version: string;
    };
    cached = pkg.version;
  }
  return cached;
}
