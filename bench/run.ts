import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, totalmem, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';

/**
 * Whole-process timings of the CLI (build first: `npm run build`). Each case runs several times in a fresh
 * process; the median wall time and the median peak resident memory are written to bench/RESULTS.md.
 * Benchmarks never run in the test suite.
 */
const root = fileURLToPath(new URL('../', import.meta.url));
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

interface Case {
  readonly name: string;
  /** CLI arguments, or a benchmark script under bench/cases run with tsx */
  readonly args: readonly string[];
  readonly script?: string;
  /** runs before each timed run, untimed */
  readonly before?: () => void;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

// Runs the CLI in a child that reports its own peak RSS, so the number is the whole process's.
const probe = `const m = await import(${JSON.stringify(join(root, 'dist/src/cli/index.js'))});
const code = await m.main(process.argv.slice(0, 1).concat(process.argv.slice(1)), { stdout: () => {} });
process.stderr.write('\\nmaxrss_kb=' + process.resourceUsage().maxRSS + '\\n'); process.exitCode = code;`;

// A script case reports its peak RSS the same way, from an exit hook.
const scriptProbe = `process.on('exit', () => process.stderr.write('\\nmaxrss_kb=' + process.resourceUsage().maxRSS + '\\n'));`;

function runOnce(args: readonly string[], env: NodeJS.ProcessEnv, script?: string): { ms: number; rssMb: number } {
  const t0 = process.hrtime.bigint();
  const argv = script
    ? ['--import', 'tsx', '--import', `data:text/javascript,${encodeURIComponent(scriptProbe)}`, join(root, 'bench', 'cases', script)]
    : ['--input-type=module', '-e', probe, 'ftzlab', ...args];
  const r = spawnSync(process.execPath, argv, { env, encoding: 'utf8', cwd: root });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`ftzlab ${args.join(' ')} failed: ${r.stderr}`);
  const rss = /maxrss_kb=(\d+)/.exec(r.stderr);
  return { ms, rssMb: rss ? Number(rss[1]) / 1024 : NaN };
}

const dir = mkdtempSync(join(tmpdir(), 'ftzlab-bench-'));
const db = join(dir, 'bench.duckdb');
const env = { ...process.env, FTZLAB_DB: db, LANG: 'C.UTF-8' };

// A realistic user file: 100,000 rows, GBK, Chinese headers, as Excel saves it.
const big = join(dir, 'big_gbk.csv');
const provinces = ['北京市', '上海市', '广东省', '浙江省', '江苏省', '四川省', '湖北省', '新疆维吾尔自治区'];
const lines = ['地区,年份,企业编号,营业收入（万元）,研发投入（万元）'];
for (let i = 0; i < 100_000; i++) {
  lines.push(`${provinces[i % provinces.length]},${2000 + (i % 24)},F${String(i).padStart(6, '0')},${(i * 37) % 100000}.5,${(i * 13) % 5000}`);
}
writeFileSync(big, iconv.encode(lines.join('\r\n') + '\r\n', 'gbk'));

const cases: Case[] = [
  { name: 'first run: load bundled data + `zones --json`', args: ['zones', '--json'], before: () => rmSync(db, { force: true }) },
  { name: '`zones --json` (warm database)', args: ['zones', '--json'] },
  { name: '`obs rd_expenditure --json` (434 rows)', args: ['obs', 'rd_expenditure', '--json'] },
  { name: '`data import` 100,000-row GBK CSV (table layout)', args: ['data', 'import', big, '--dataset', 'bench', '--layout', 'table'] },
  { name: '`index run` nqpf-three-elements, 31 provinces × 14 years, 1,000 uncertainty runs', args: ['index', 'run', '--framework', 'nqpf-three-elements', '--replications', '1000', '--json'] },
  { name: 'index pipeline, 300 regions × 20 years × 40 indicators, 1,000 uncertainty runs (synthetic panel)', args: [], script: 'indexPipeline.ts' },
  { name: "Moran's I, 3,000 regions (6-NN weights), 9,999 permutations (synthetic)", args: [], script: 'moranPermutations.ts' },
];

const results: { name: string; ms: number; rssMb: number }[] = [];
runOnce(['zones', '--json'], env); // warm the file-system cache once
for (const c of cases) {
  const times: number[] = [];
  const rss: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    c.before?.();
    const r = runOnce(c.args, env, c.script);
    times.push(r.ms);
    rss.push(r.rssMb);
    process.stderr.write(`${c.name}: run ${i + 1}/${RUNS} ${r.ms.toFixed(0)} ms\n`);
  }
  results.push({ name: c.name, ms: median(times), rssMb: median(rss) });
}
rmSync(dir, { recursive: true, force: true });

const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM, Node ${process.version}, ${process.platform}`;
const md = [
  '# Benchmarks',
  '',
  `Run by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}; machine: ${machine}.`,
  `Whole-process wall time and peak resident memory of \`ftzlab\` (node + CLI), median of ${RUNS} runs each.`,
  '',
  '| case | median wall time | median peak RSS |',
  '|---|---:|---:|',
  ...results.map((r) => `| ${r.name} | ${r.ms.toFixed(0)} ms | ${r.rssMb.toFixed(0)} MB |`),
  '',
  'Script cases run under `node --import tsx`, so their times include transpiling the sources (about 0.3 s).',
  'COINr\'s uncertainty analysis could not be timed on the same data: R is in Debian\'s packages, but COINr is on',
  'CRAN only, which this machine cannot reach, so no ratio is reported.',
  '',
].join('\n');
writeFileSync(join(root, 'bench', 'RESULTS.md'), md);
process.stdout.write(md);
