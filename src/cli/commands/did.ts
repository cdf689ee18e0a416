import { resolve } from 'node:path';
import type { Command } from 'commander';
import { csDid } from '../../analyses/did/csDid.js';
import type { CliContext } from '../context.js';
import { formatTable } from '../textTable.js';

interface CsOpts {
  data: string; id: string; time: string; group: string; outcome: string; covariates?: string; control: string; method: string;
  base: string; anticipation: string; cluster?: string; weights?: string; bootstrap?: string; seed: string; json?: boolean;
}

const fmt = (v: number | null): number | null => (v === null ? null : Number(v.toFixed(6)));

/** `ftzlab did …`: difference-in-differences estimators on a panel file. */
export function registerDid(program: Command, ctx: CliContext): void {
  const did = program.command('did').description('difference-in-differences estimators / 双重差分');
  did
    .command('cs')
    .description('staggered DID of Callaway & Sant\'Anna (2021): ATT(g,t), aggregations, pre-test')
    .requiredOption('--data <file>', 'panel file, CSV (UTF-8 or GBK) or Parquet, one row per unit and period')
    .requiredOption('--id <col>', 'unit id column')
    .requiredOption('--time <col>', 'period column')
    .requiredOption('--group <col>', 'first treated period (0 = never treated)')
    .requiredOption('--outcome <col>', 'outcome column')
    .option('--covariates <cols>', 'comma-separated covariates')
    .option('--control <c>', 'never | notyet', 'never')
    .option('--method <m>', 'reg | ipw | dr', 'dr')
    .option('--base <b>', 'varying | universal', 'varying')
    .option('--anticipation <k>', 'periods of anticipation', '0')
    .option('--cluster <col>', 'cluster column (bootstrap clusters)')
    .option('--weights <col>', 'sampling weights column')
    .option('--bootstrap <n>', 'multiplier bootstrap draws (0 = analytic SEs)')
    .option('--seed <s>', 'seed of the bootstrap', '20240101')
    .option('--json', 'print JSON')
    .action(async (o: CsOpts) => {
      ctx.log(ctx.t('… 读取面板并估计', '… reading the panel and estimating'));
      const out = await csDid({
        data: resolve(o.data), id: o.id, time: o.time, group: o.group, outcome: o.outcome,
        covariates: o.covariates ? o.covariates.split(',').map((c) => c.trim()).filter(Boolean) : [],
        control: o.control, method: o.method, base: o.base, anticipation: Number(o.anticipation),
        ...(o.cluster ? { cluster: o.cluster } : {}), ...(o.weights ? { weights: o.weights } : {}),
        bootstrap: o.bootstrap ? Number(o.bootstrap) : 0, seed: Number(o.seed),
      });
      if (o.json) return ctx.json(out);
      const a = out.aggregates;
      ctx.stdout(formatTable([ctx.t('汇总', 'aggregation'), 'ATT', ctx.t('标准误', 'SE')], [
        [ctx.t('简单加权', 'simple'), fmt(a.simple.att), fmt(a.simple.se)],
        [ctx.t('动态（事件研究）', 'dynamic (event study)'), fmt(a.dynamic.overall.att), fmt(a.dynamic.overall.se)],
        [ctx.t('按处理组', 'group'), fmt(a.group.overall.att), fmt(a.group.overall.se)],
        [ctx.t('按日历时间', 'calendar'), fmt(a.calendar.overall.att), fmt(a.calendar.overall.se)],
      ]));
      ctx.stdout(`\n${ctx.t('事件研究系数', 'Event-study coefficients')}\n`);
      ctx.stdout(formatTable(['e', 'ATT', ctx.t('标准误', 'SE')], a.dynamic.by_e.map((r) => [r.e, fmt(r.att), fmt(r.se)])));
      if (out.pretest) ctx.stdout(`\n${ctx.t('平行趋势 Wald 预检验', 'Wald pre-test of parallel trends')}: χ²(${out.pretest.df}) = ${out.pretest.stat.toFixed(4)}, p = ${out.pretest.p.toFixed(5)}\n`);
      for (const w of out.warnings) ctx.log(`${ctx.t('提示', 'warning')} [${w.code}]: ${ctx.t(w.message.zh, w.message.en)}`);
    });
}
