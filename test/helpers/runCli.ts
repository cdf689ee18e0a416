import { main } from '../../src/cli/index.js';

/** Runs the CLI in-process with captured output, as a user would type `ftzlab --lang LANG …`. */
export async function runCli(args: readonly string[], lang = 'en'): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(['node', 'ftzlab', '--lang', lang, ...args], { stdout: (s) => { out += s; }, stderr: (s) => { err += s; } });
  return { code, out, err };
}
