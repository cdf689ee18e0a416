import { resolve } from 'node:path';
import type { Command } from 'commander';
import type { csDid as CsDid } from '../../analyses/did/csDid.js';
import type { eventTimeDid as EventTimeDid, syntheticDid as SyntheticDid, twfeDid as TwfeDid } from '../../analyses/did/panelEstimators.js';
import type { mediateDid as MediateDid, placeboDid as PlaceboDid, syntheticControl as SyntheticControl } from '../../analyses/did/panelRobustness.js';
import { progressReporter } from '../progress.js';
import type { CliContext } from '../context.js';
import { formatTable } from '../textTable.js';

interface CsOpts {
  data: string; id: string; time: string; group: string; outcome: string; covariates?: string; control: string; method: string;
  base: string; anticipation: string; panel: string; cluster?: string; weights?: string; bootstrap?: string; seed: string; json?: boolean;
}

const fmt = (v: number | null): number | null => (v === null ? null : Number(v.toFixed(6)));

// Estimators load when a command runs, not when the CLI starts: every other command would pay for them.
const csDid: typeof CsDid = async (i) => (await import('../../analyses/did/csDid.js')).csDid(i);
const twfeDid: typeof TwfeDid = async (i) => (await import('../../analyses/did/panelEstimators.js')).twfeDid(i);
const eventTimeDid: typeof EventTimeDid = async (k, i) => (await import('../../analyses/did/panelEstimators.js')).eventTimeDid(k, i);
const syntheticDid: typeof SyntheticDid = async (i) => (await import('../../analyses/did/panelEstimators.js')).syntheticDid(i);
const placeboDid: typeof PlaceboDid = async (i, p) => (await import('../../analyses/did/panelRobustness.js')).placeboDid(i, p);
const mediateDid: typeof MediateDid = async (i) => (await import('../../analyses/did/panelRobustness.js')).mediateDid(i);
const syntheticControl: typeof SyntheticControl = async (i) => (await import('../../analyses/did/panelRobustness.js')).syntheticControl(i);

/** `ftzlab did …`: difference-in-differences estimators on a panel file. */
export function registerDid(program: Command, ctx: CliContext): void {
  const did = program.command('did').description('difference-in-differences estimators / 双重差分');
  did
    .command('cs')
    .description('多期双重差分（Callaway & Sant\'Anna 2021）/ staggered DID of Callaway & Sant\'Anna (2021): ATT(g,t), aggregations, pre-test')
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
    .option('--panel <p>', 'balanced | unbalanced | repeated_cross_section', 'balanced')
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
        control: o.control, method: o.method, base: o.base, anticipation: Number(o.anticipation), panel: o.panel,
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

  const panelCommand = (name: string, description: string, run: (spec: Record<string, unknown>) => Promise<unknown>, print: (out: never) => void, parent: Command = did): void => {
    parent
      .command(name)
      .description(description)
      .requiredOption('--data <file>', 'panel file, CSV (UTF-8 or GBK) or Parquet')
      .requiredOption('--id <col>', 'unit id column')
      .requiredOption('--time <col>', 'period column')
      .requiredOption('--group <col>', 'first treated period (0 = never treated)')
      .requiredOption('--outcome <col>', 'outcome column')
      .option('--covariates <cols>', 'comma-separated covariates')
      .option('--cluster <col>', 'cluster column (default: the unit)')
        .option('--window <lo,hi>', 'event-time window, end points binned (event study)')
      .option('--draws <n>', 'placebo or bootstrap draws')
      .option('--mode <m>', 'placebo assignment: individual | timing | mixed')
      .option('--mediator <col>', 'mediator column (mediate)')
      .option('--seed <s>', 'seed')
      .option('--json', 'print JSON')
      .action(async (o: { data: string; id: string; time: string; group: string; outcome: string; covariates?: string; cluster?: string; window?: string; draws?: string; mode?: string; mediator?: string; seed?: string; json?: boolean }) => {
        const out = await run({
          ...(o.draws ? { draws: Number(o.draws) } : {}), ...(o.mode ? { mode: o.mode } : {}),
          ...(o.mediator ? { mediator: o.mediator } : {}), ...(o.seed ? { seed: Number(o.seed) } : {}),
          data: resolve(o.data), id: o.id, time: o.time, group: o.group, outcome: o.outcome,
          covariates: o.covariates ? o.covariates.split(',').map((c) => c.trim()).filter(Boolean) : [],
          ...(o.cluster ? { cluster: o.cluster } : {}),
          ...(o.window ? { window: o.window.split(',').map(Number) } : {}),
        });
        if (o.json) return ctx.json(out);
        print(out as never);
      });
  };
  const printEvents = (out: { by_e: { e: number; att: number; se: number }[]; overall?: { att: number; se: number } }): void => {
    if (out.overall) ctx.stdout(`${ctx.t('总体效应', 'overall')}: ${fmt(out.overall.att)} (${fmt(out.overall.se)})\n`);
    ctx.stdout(formatTable(['e', ctx.t('系数', 'coefficient'), ctx.t('标准误', 'SE')], out.by_e.map((r) => [r.e, fmt(r.att), fmt(r.se)])));
  };
  panelCommand('twfe', '双向固定效应 / two-way fixed effects: y = α_i + λ_t + β·1{t ≥ g} (+ X), clustered SEs', twfeDid, (out: Awaited<ReturnType<typeof twfeDid>>) => {
    ctx.stdout(formatTable([ctx.t('变量', 'term'), ctx.t('系数', 'estimate'), ctx.t('聚类标准误', 'clustered SE'), 't', 'p'],
      out.coefficients.map((c) => [c.term, fmt(c.estimate), fmt(c.se), fmt(c.t), fmt(c.p)])));
    ctx.stdout(`N = ${out.nobs}; ${ctx.t('聚类数', 'clusters')} = ${out.clusters.join(', ')}; ${ctx.t('单例观测剔除', 'singletons dropped')} = ${out.singletons}\n`);
  });
  panelCommand('event', '事件研究 / TWFE event study with binned end points, reference period −1', (spec) => eventTimeDid('event_study', spec), printEvents);
  panelCommand('sunab', 'Sun–Abraham 交互加权事件研究 / Sun & Abraham (2021) interaction-weighted event study', (spec) => eventTimeDid('sunab', spec), printEvents);
  panelCommand('impute', '插补估计量 / Borusyak, Jaravel & Spiess (2024) imputation estimator', (spec) => eventTimeDid('impute', spec), printEvents);

  const progress = progressReporter(ctx);
  panelCommand('placebo', '安慰剂检验 / placebo test of the TWFE effect: seeded fake assignments (individual, timing, mixed)', (spec) => placeboDid(spec, (done, total) => progress(done, total, 'placebo')), (out: Awaited<ReturnType<typeof placeboDid>>) => {
    progress(1, 1, 'done');
    ctx.stdout(formatTable([ctx.t('真实估计', 'real estimate'), ctx.t('安慰剂均值', 'placebo mean'), ctx.t('安慰剂标准差', 'placebo SD'), ctx.t('置换 p 值', 'permutation p'), ctx.t('次数', 'draws')],
      [[fmt(out.real.estimate), fmt(out.mean), fmt(out.sd), fmt(out.p), out.draws]]));
  });
  const printMediation = (out: Awaited<ReturnType<typeof mediateDid>>): void => {
    const row = (label: string, c: { estimate: number; standardError: number; pValue: number }): (string | number | null)[] => [label, fmt(c.estimate), fmt(c.standardError), fmt(c.pValue)];
    ctx.stdout(formatTable([ctx.t('路径', 'path'), ctx.t('系数', 'estimate'), ctx.t('标准误', 'SE'), 'p'], [
      row(ctx.t('总效应 c', 'total c'), out.total), row(ctx.t('α（处理→机制）', 'α (treatment → mediator)'), out.alpha),
      row(ctx.t('β（机制→结果）', 'β (mediator → outcome)'), out.beta), row(ctx.t('直接效应 c′', 'direct c′'), out.direct),
    ]));
    ctx.stdout(`${ctx.t('间接效应 α·β', 'indirect α·β')} = ${fmt(out.indirect.estimate)} (Sobel p = ${fmt(out.indirect.sobelPValue)})\n`);
    for (const l of out.limitations) ctx.log(`${ctx.t('局限', 'limit')}: ${ctx.t(l.zh, l.en)}`);
  };
  const mediateHelp = '机制检验（逐步法）/ stepwise mechanism test through --mediator, with a cluster bootstrap of α·β and its limits stated';
  panelCommand('mediate', mediateHelp, mediateDid, printMediation);
  panelCommand('mediate', `${mediateHelp} (same as \`ftzlab did mediate\`)`, mediateDid, printMediation, program);

  const synth = program.command('synth').description('synthetic control and synthetic DID / 合成控制法');
  synth
    .command('sdid')
    .description('合成双重差分 / synthetic difference-in-differences (Arkhangelsky et al. 2021), block design; also SC and DID')
    .requiredOption('--data <file>', 'balanced panel file, CSV or Parquet')
    .requiredOption('--unit <col>', 'unit column')
    .requiredOption('--time <col>', 'period column')
    .requiredOption('--outcome <col>', 'outcome column')
    .requiredOption('--treated <units>', 'comma-separated treated units')
    .requiredOption('--from <period>', 'first treated period')
    .option('--estimator <e>', 'sdid | sc | did', 'sdid')
    .option('--se <m>', 'placebo | bootstrap | jackknife', 'placebo')
    .option('--replications <n>', 'placebo or bootstrap replications', '200')
    .option('--seed <s>', 'seed', '20240101')
    .option('--json', 'print JSON')
    .action(async (o: { data: string; unit: string; time: string; outcome: string; treated: string; from: string; estimator: string; se: string; replications: string; seed: string; json?: boolean }) => {
      ctx.log(ctx.t('… 估计并计算标准误', '… estimating and computing the standard error'));
      const out = await syntheticDid({
        data: resolve(o.data), unit: o.unit, time: o.time, outcome: o.outcome, treated: o.treated.split(',').map((u) => u.trim()),
        from: Number(o.from), estimator: o.estimator, se: o.se, replications: Number(o.replications), seed: Number(o.seed),
      });
      if (o.json) return ctx.json(out);
      ctx.stdout(`${out.estimator}: ${fmt(out.estimate)} (${ctx.t('标准误', 'SE')} ${fmt(out.se)}, ${out.se_method}, p = ${fmt(out.p)})\n`);
      ctx.stdout(formatTable([ctx.t('对照单元', 'control unit'), 'ω'], out.unit_weights.slice(0, 10).map((w) => [w.unit, fmt(w.omega)])));
    });
  synth
    .command('sc')
    .description('合成控制法 / synthetic control (Abadie, Diamond & Hainmueller 2010) with placebo-in-space inference')
    .requiredOption('--data <file>', 'panel file, CSV or Parquet')
    .requiredOption('--unit <col>', 'unit column')
    .requiredOption('--time <col>', 'period column')
    .requiredOption('--outcome <col>', 'outcome column')
    .requiredOption('--treated <unit>', 'the treated unit')
    .requiredOption('--from <period>', 'first treated period')
    .option('--predictors <list>', 'comma-separated column@from-to or column@year (default: the outcome in every pre-period)')
    .option('--placebo', 'refit for every control unit (placebo in space) and report the p-value')
    .option('--json', 'print JSON')
    .action(async (o: { data: string; unit: string; time: string; outcome: string; treated: string; from: string; predictors?: string; placebo?: boolean; json?: boolean }) => {
      ctx.log(ctx.t('… 求解合成控制权重', '… solving for the synthetic-control weights'));
      const out = await syntheticControl({
        data: resolve(o.data), unit: o.unit, time: o.time, outcome: o.outcome, treated: o.treated, from: Number(o.from),
        predictors: o.predictors ? o.predictors.split(',').map((p) => p.trim()) : [], placebo: o.placebo === true,
      });
      if (o.json) return ctx.json(out);
      ctx.stdout(formatTable([ctx.t('对照单元', 'donor'), 'w'], out.weights.map((w) => [w.unit, fmt(w.w)])));
      ctx.stdout(`${ctx.t('处理前 RMSPE', 'pre-treatment RMSPE')} = ${fmt(out.pre_rmspe)}; ${ctx.t('处理后 RMSPE', 'post-treatment RMSPE')} = ${fmt(out.post_rmspe)}${out.placebo ? `; ${ctx.t('安慰剂 p 值', 'placebo p')} = ${fmt(out.placebo.p)}` : ''}\n`);
    });
}

