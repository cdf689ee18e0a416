import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { PARTS } from '../../analyses/scorecard/scorecardTypes.js';
import { FtzError } from '../../core/errors.js';
import type { CliContext } from '../context.js';
import { formatTable } from '../textTable.js';
import { writeTables } from '../writeTables.js';

export interface ScorecardCliOptions {
  zone?: string; all?: boolean; spec?: string; year?: string; framework?: string; weights?: string; dimensionWeights?: string;
  normalisation?: string; aggregation?: string; replications?: string; seed?: string; estimator?: string; scenario?: string; trade?: string; countries?: string;
}

function readSpecFile(file: string): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(resolve(file), 'utf8');
  } catch {
    throw new FtzError('api.bad_request', { issues: `--spec ${file}: no such file` });
  }
  try {
    const v = JSON.parse(text) as unknown;
    if (v && typeof v === 'object' && !Array.isArray(v)) return v as Record<string, unknown>;
  } catch { /* reported below */ }
  throw new FtzError('api.bad_request', { issues: `--spec ${file}: not a JSON object` });
}

const int = (flag: string, v: string): number => {
  const n = Number(v);
  if (!Number.isInteger(n)) throw new FtzError('api.bad_request', { issues: `${flag} ${v}: a whole number is needed` });
  return n;
};

/** A scorecard spec from `--spec FILE` with the command-line options laid over it (shared by `scorecard` and `report`). */
export function scorecardSpecFromOptions(o: ScorecardCliOptions): Record<string, unknown> {
  const spec = o.spec ? readSpecFile(o.spec) : {};
  const index = { ...((spec.index as Record<string, unknown> | undefined) ?? {}) };
  const weights = { ...((index.weights as Record<string, unknown> | undefined) ?? {}) };
  if (o.framework) index.framework = o.framework;
  if (o.weights) weights.method = o.weights;
  if (o.dimensionWeights) {
    const w = o.dimensionWeights.split(',').map(Number);
    if (w.some((x) => !Number.isFinite(x) || x < 0)) throw new FtzError('api.bad_request', { issues: `--dimension-weights ${o.dimensionWeights}: non-negative numbers separated by commas, one per dimension` });
    weights.dimensions = w;
  }
  if (Object.keys(weights).length) index.weights = weights;
  if (o.normalisation) index.normalisation = { ...((index.normalisation as object | undefined) ?? {}), method: o.normalisation };
  if (o.aggregation) index.aggregation = { ...((index.aggregation as object | undefined) ?? {}), method: o.aggregation };
  if (o.replications !== undefined) index.replications = int('--replications', o.replications);
  if (o.seed !== undefined) index.seed = int('--seed', o.seed);
  const out: Record<string, unknown> = { ...spec, index };
  if (o.zone) out.zone = o.zone.toUpperCase();
  if (o.year !== undefined) out.year = int('--year', o.year);
  if (o.estimator) out.effects = { ...((spec.effects as object | undefined) ?? {}), estimator: o.estimator };
  if (o.scenario) {
    const [name, version] = o.scenario.split('@');
    out.scenario = { name, ...(version ? { version: int('--scenario NAME@VERSION', version) } : {}) };
  }
  if (o.trade) out.trade = { file: resolve(o.trade), ...(o.countries ? { countries: resolve(o.countries) } : {}) };
  return out;
}

/** The spec options of `scorecard` and `report`. */
export function scorecardOptions(cmd: Command): Command {
  return cmd
    .option('--spec <file>', 'scorecard spec (JSON); the options below override it')
    .option('--year <year>', 'read task indicators for the latest year at or before this one')
    .option('--framework <id>', 'NQPF framework (default nqpf-tech-green-digital)')
    .option('--weights <method>', 'index weights: entropy | critic | pca | equal | framework')
    .option('--dimension-weights <list>', 'set the top-level dimension weights by hand, e.g. 2,1')
    .option('--normalisation <method>', 'minmax | zscore | vector | rank | dist2max')
    .option('--aggregation <method>', 'arithmetic | geometric | topsis')
    .option('--replications <n>', 'uncertainty runs for the rank interval (default 200)')
    .option('--seed <n>', 'seed of the uncertainty runs')
    .option('--estimator <e>', 'FTZ-effect estimator: cs | twfe | impute (default cs)')
    .option('--scenario <name[@version]>', 'apply a saved negative-list scenario')
    .option('--trade <file>', 'bilateral trade file (BACI layout) for the FTA wing')
    .option('--countries <file>', "BACI's country table, when the trade file uses numeric codes");
}

/** `ftzlab scorecard`: the "one base, two wings, three focal points" scorecard of a zone, or of all 22. */
export function registerScorecard(program: Command, ctx: CliContext): void {
  scorecardOptions(program.command('scorecard')
    .description('“一基两翼三重点”评分卡 / the "one base, two wings, three focal points" scorecard of a zone, or of all 22 zones'))
    .option('--zone <id>', 'zone id (e.g. SH)')
    .option('--all', 'all 22 zones')
    .option('--what-if', 'compare with the baseline (default index options, no scenario) and list what changes')
    .option('--out <file>', 'also write every table to .xlsx or .docx')
    .option('--json', 'print JSON')
    .action(async (o: ScorecardCliOptions & { whatIf?: boolean; out?: string; json?: boolean }) => {
      if (!o.zone === !o.all) throw new FtzError('api.bad_request', { issues: 'give --zone ID or --all' });
      const spec = scorecardSpecFromOptions(o);
      const b = await ctx.backend();
      if (o.whatIf || o.out) {
        const r = await b.scorecardResult(spec, Boolean(o.whatIf));
        if (o.out) await writeTables(ctx, r, o.out, { zh: '自贸试验区评分卡', en: 'FTZ scorecard' });
        if (o.json) return ctx.json(r);
        if (o.whatIf) {
          const t = r.tables.find((x) => x.name === 'what_if');
          const col = (n: string) => t?.columns.find((c) => c.name === n)?.values ?? [];
          const n = col('zone').length;
          const fmt = (v: unknown, s: unknown) => (typeof v === 'number' ? Number(v.toFixed(4)) : (s ?? ''));
          ctx.stdout(n === 0 ? ctx.t('与基准相比没有变化。\n', 'Nothing changes against the baseline.\n') : formatTable(
            [ctx.t('区', 'zone'), ctx.t('指标', 'item'), ctx.t('基准', 'baseline'), ctx.t('情景', 'what-if'), ctx.t('基准位次', 'rank before'), ctx.t('情景位次', 'rank after')],
            Array.from({ length: n }, (_, i) => [col('zone')[i], ctx.t(String(col('item_zh')[i]), String(col('item_en')[i])), fmt(col('baseline')[i], col('baseline_text')[i]), fmt(col('what_if')[i], col('what_if_text')[i]), col('rank_baseline')[i] ?? '', col('rank_what_if')[i] ?? '']) as (string | number)[][],
          ));
        }
        if (!o.whatIf && !o.json) ctx.log(ctx.t('（表格已写入文件；不加 --out 可在终端查看）', '(tables written to the file; run without --out to print them)'));
        return;
      }
      const all = await b.scorecards(spec);
      if (o.json) return ctx.json(o.all ? all : { ...all, zones: all.zones.filter((z) => z.zone.id === spec.zone) });
      for (const card of all.zones.filter((z) => o.all || z.zone.id === spec.zone)) {
        ctx.stdout(`\n${ctx.t(card.zone.name.zh, card.zone.name.en)}\n`);
        const rows = PARTS.flatMap((p) => card.parts[p.key].map((it) => [
          ctx.t(p.label.zh, p.label.en), ctx.t(it.label.zh, it.label.en),
          it.value === null ? ctx.t(`缺失：${it.missing?.zh ?? ''}`, `missing: ${it.missing?.en ?? ''}`) : typeof it.value === 'number' ? Number(it.value.toFixed(3)) : it.value,
          it.unit, it.year ?? '',
          it.rank ? `${it.rank.rank}/${it.rank.of}` : '',
          it.interval ? `${it.interval.of === 'rank' ? ctx.t('位次', 'rank') : ''}[${Number(it.interval.low.toFixed(3))}, ${Number(it.interval.high.toFixed(3))}]` : '',
          it.source.kind === 'data' ? it.source.ids.join(' ') : it.source.name,
        ]));
        ctx.stdout(formatTable([ctx.t('部分', 'part'), ctx.t('指标', 'item'), ctx.t('值', 'value'), ctx.t('单位', 'unit'), ctx.t('年份', 'year'), ctx.t('排名', 'rank'), ctx.t('区间', 'interval'), ctx.t('来源', 'source')], rows));
      }
      for (const w of all.warnings) ctx.log(ctx.t(w.message.zh, w.message.en));
    });
}
