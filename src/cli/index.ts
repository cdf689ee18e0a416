import { Command, CommanderError } from 'commander';
import { asFtzError } from '../core/errors.js';
import { parseLocale, type Locale } from '../core/locale.js';
import { packageVersion } from '../core/version.js';
import { registerCarbon } from './commands/carbon.js';
import { registerCatalog } from './commands/catalog.js';
import { registerData } from './commands/data.js';
import { registerDid } from './commands/did.js';
import { registerFtzEffect } from './commands/ftzEffect.js';
import { registerIndex } from './commands/index.js';
import { registerNeglist } from './commands/neglist.js';
import { registerReport } from './commands/report.js';
import { registerScorecard } from './commands/scorecard.js';
import { registerServe } from './commands/serve.js';
import { registerStructure } from './commands/structure.js';
import { registerZone } from './commands/zone.js';
import { registerZones } from './commands/zones.js';
import { CliContext } from './context.js';

/**
 * Exit codes: 0 done; 1 bad input (file, dataset, option); 2 usage; 3 not found; 4 database busy;
 * 70 unexpected (a bug: please report).
 */
export function exitCodeFor(code: string): number {
  if (code.endsWith('not_found')) return 3;
  if (code === 'store.locked') return 4;
  if (code.startsWith('internal.')) return 70;
  if (code === 'api.bad_request') return 2;
  return 1;
}

function pickLocale(argv: readonly string[], env: NodeJS.ProcessEnv): Locale {
  const i = argv.indexOf('--lang');
  const flag = i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith('--lang='))?.slice(7);
  if (flag) return parseLocale(flag, 'en');
  return parseLocale(env.FTZLAB_LANG ?? env.LC_ALL ?? env.LANG, 'en');
}

/** Runs the CLI and returns the process exit code; the bin script only sets it. */
export async function main(
  argv: readonly string[],
  io: { stdout?: (s: string) => void; stderr?: (s: string) => void; env?: NodeJS.ProcessEnv } = {},
): Promise<number> {
  const stdout = io.stdout ?? ((s: string) => void process.stdout.write(s));
  const stderr = io.stderr ?? ((s: string) => void process.stderr.write(s));
  // Only before any command: commander's global --version flag would otherwise swallow the
  // `--version <n>` options of `data show` and `carbon budget show`.
  let first = 2;
  while (argv[first] === '--lang' || argv[first]?.startsWith('--lang=')) first += argv[first] === '--lang' ? 2 : 1;
  if (argv[first] === '--version' || argv[first] === '-V') {
    stdout(`${packageVersion()}\n`);
    return 0;
  }
  const ctx = new CliContext(pickLocale(argv, io.env ?? process.env), stdout, stderr);
  const program = new Command('ftzlab')
    .description('ftzlab: Pilot Free Trade Zones and new quality productive forces / 自贸试验区与新质生产力分析平台 (ftzlab --version: the version)')
    .option('--lang <lang>', 'zh or en (default: from LANG)')
    .exitOverride()
    .configureOutput({ writeOut: stdout, writeErr: stderr });
  registerZones(program, ctx);
  registerZone(program, ctx);
  registerCatalog(program, ctx);
  registerData(program, ctx);
  registerIndex(program, ctx);
  registerDid(program, ctx);
  registerFtzEffect(program, ctx);
  registerCarbon(program, ctx);
  registerStructure(program, ctx);
  registerNeglist(program, ctx);
  registerScorecard(program, ctx);
  registerReport(program, ctx);
  registerServe(program, ctx);
  try {
    await program.parseAsync([...argv]);
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) {
      return e.exitCode === 0 ? 0 : 2;
    }
    const err = asFtzError(e);
    stderr(`${ctx.t('错误', 'error')} [${err.code}]: ${err.localized(ctx.locale)}\n`);
    return exitCodeFor(err.code);
  } finally {
    await ctx.close();
  }
}
