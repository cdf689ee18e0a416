import { extname, resolve } from 'node:path';
import type { Command } from 'commander';
import { FtzError } from '../../core/errors.js';
import type { Result, Table } from '../../core/result.js';
import { writeFile } from 'node:fs/promises';
import { effectRegressionTable } from '../../analyses/did/effectRegressionTable.js';
import type { FtzEffectSpec } from '../../analyses/did/ftzEffectSpec.js';
import type { CliContext } from '../context.js';

// Report and chart modules (docx, exceljs, echarts) load on demand: together they cost a second per CLI start.
async function writeRegressionTable(r: Result<'ftz_effect', FtzEffectSpec>, out: string, lang: 'zh' | 'en'): Promise<void> {
  const { buildRegressionTable } = await import('../../report/regressionTable.js');
  const table = buildRegressionTable(effectRegressionTable(r), lang);
  const ext = extname(out).toLowerCase();
  if (ext === '.docx') await writeFile(out, await (await import('../../report/regressionDocx.js')).regressionDocx(table));
  else if (ext === '.xlsx') await writeFile(out, await (await import('../../report/regressionXlsx.js')).regressionXlsx(table));
  else if (ext === '.tex') await writeFile(out, (await import('../../report/regressionLatex.js')).renderRegressionLatex(table), 'utf8');
  else if (ext === '.md') await writeFile(out, (await import('../../report/regressionMarkdown.js')).renderRegressionMarkdown(table), 'utf8');
  else throw new FtzError('export.unsupported_format', { file: out, extension: ext || '(none)' });
}
import { formatTable, type TextCell } from '../textTable.js';

function show(ctx: CliContext, t: Table | undefined, pick: readonly string[]): void {
  if (!t) return;
  const lang = ctx.locale === 'zh-CN' ? 'zh' : 'en';
  const cols = t.columns.filter((c) => pick.includes(c.name));
  const n = cols[0]?.values.length ?? 0;
  const rows: TextCell[][] = Array.from({ length: n }, (_, i) => cols.map((c) => {
    const v = c.values[i];
    return typeof v === 'number' ? (c.type === 'integer' ? v : Number(v.toFixed(4))) : typeof v === 'boolean' ? String(v) : (v ?? null);
  }));
  ctx.stdout(`\n${t.title[lang]}\n`);
  ctx.stdout(formatTable(cols.map((c) => c.label[lang]), rows));
}

/** `ftzlab ftz-effect --outcome INDICATOR`: the whole FTZ policy-evaluation study on the bundled data. */
export function registerFtzEffect(program: Command, ctx: CliContext): void {
  program
    .command('ftz-effect')
    .description('did the Pilot FTZs change an outcome? TWFE, event study, Callaway–Sant\'Anna, Sun–Abraham, imputation / 自贸试验区政策效应')
    .requiredOption('--outcome <code>', 'indicator code (see `ftzlab indicators`)')
    .option('--log', 'use the natural log of the outcome')
    .option('--covariates <codes>', 'comma-separated indicator codes')
    .option('--level <level>', 'province | city', 'province')
    .option('--rule <rule>', 'batch_year | approval_year | launch_year | first_full_year', 'batch_year')
    .option('--from <year>', 'first year')
    .option('--to <year>', 'last year')
    .option('--control <c>', 'never | notyet (Callaway–Sant\'Anna)', 'notyet')
    .option('--method <m>', 'reg | ipw | dr (Callaway–Sant\'Anna)', 'reg')
    .option('--placebo <n>', 'placebo test with n fake assignments (seeded)')
    .option('--by <groups>', 'heterogeneity: batch, location (comma-separated)')
    .option('--mediators <codes>', 'mechanism channels: comma-separated indicator codes')
    .option('--out <file>', 'also write every table to .xlsx or .docx')
    .option('--figure <file>', 'write the event-study figure: .svg or .png')
    .option('--table <file>', 'write the journal regression table: .docx (three-line), .xlsx, .tex (booktabs) or .md')
    .option('--json', 'print the Result as JSON')
    .action(async (o: { outcome: string; log?: boolean; covariates?: string; level: string; rule: string; from?: string; to?: string; control: string; method: string; placebo?: string; by?: string; mediators?: string; out?: string; table?: string; figure?: string; json?: boolean }) => {
      const list = (v: string | undefined): string[] => (v ? v.split(',').map((c) => c.trim()).filter(Boolean) : []);
      const spec = {
        outcome: o.outcome, log: o.log === true, level: o.level, rule: o.rule, control: o.control, method: o.method,
        covariates: list(o.covariates), heterogeneity: list(o.by), mediators: list(o.mediators),
        ...(o.placebo ? { placebo: { draws: Number(o.placebo) } } : {}),
        ...(o.from ? { from: Number(o.from) } : {}), ...(o.to ? { to: Number(o.to) } : {}),
      };
      ctx.log(ctx.t('… 构建面板并估计', '… building the panel and estimating'));
      const result: Result = await (await ctx.backend()).ftzEffect(spec);
      if (o.out) {
        const ext = extname(o.out).toLowerCase();
        if (ext !== '.xlsx' && ext !== '.docx') throw new FtzError('export.unsupported_format', { file: o.out, extension: ext || '(none)' });
        const { renderTables } = await import('../../report/renderResult.js');
        await writeFile(resolve(o.out), await renderTables(result, ext.slice(1) as 'xlsx' | 'docx', ctx.locale === 'zh-CN' ? 'zh' : 'en'));
        ctx.log(ctx.t(`已写入 ${o.out}`, `wrote ${o.out}`));
      }
      if (o.table) await writeRegressionTable(result as Result<'ftz_effect', FtzEffectSpec>, resolve(o.table), ctx.locale === 'zh-CN' ? 'zh' : 'en');
      if (o.figure) {
        const lang = ctx.locale === 'zh-CN' ? 'zh' : 'en';
        const ext = extname(o.figure).toLowerCase();
        const figure = await import('../../report/eventStudyFigure.js');
        if (ext === '.svg') await writeFile(resolve(o.figure), figure.eventStudySvg(result, lang), 'utf8');
        else if (ext === '.png') await writeFile(resolve(o.figure), figure.eventStudyPng(result, lang));
        else throw new FtzError('export.unsupported_format', { file: o.figure, extension: ext || '(none)' });
      }
      if (o.json) return ctx.json(result);
      const get = (n: string): Table | undefined => result.tables.find((t) => t.name === n);
      show(ctx, get('conventions'), ['option', 'value']);
      show(ctx, get('estimates'), [ctx.locale === 'zh-CN' ? 'label_zh' : 'label_en', 'att', 'se', 'ci_low', 'ci_high', 'p', 'n']);
      show(ctx, get('event_study'), ['estimator', 'e', 'att', 'se', 'ci_low', 'ci_high']);
      show(ctx, get('pretest'), ['stat', 'df', 'p']);
      show(ctx, get('placebo'), ['real', 'mean', 'sd', 'p']);
      for (const t of result.tables.filter((x) => x.name.startsWith('heterogeneity_'))) show(ctx, t, ['group', 'att', 'se', 'p', 'equal_p']);
      show(ctx, get('mechanisms'), ['mediator', 'alpha', 'alpha_p', 'indirect', 'sobel_p']);
      for (const s of result.provenance.sources) ctx.log(`${ctx.t('来源', 'source')}: ${s.id} — ${s.publisher}, ${s.title} (${s.licence})`);
      for (const w of result.warnings) ctx.log(`${ctx.t('提示', 'warning')} [${w.code}]: ${ctx.t(w.message.zh, w.message.en)}`);
    });
}
