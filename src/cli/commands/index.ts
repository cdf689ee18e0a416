import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { shippedFrameworks } from '../../analyses/nqpf/framework.js';
import { frameworkLeaves } from '../../analyses/nqpf/frameworkSchema.js';
import { FtzError } from '../../core/errors.js';
import type { Result, Table } from '../../core/result.js';
import type { CliContext } from '../context.js';
import { progressReporter } from '../progress.js';
import { writeTables } from '../writeTables.js';
import { formatTable, type TextCell } from '../textTable.js';

function printTable(ctx: CliContext, t: Table, pick?: readonly string[], filter?: (i: number) => boolean): void {
  const lang = ctx.locale === 'zh-CN' ? 'zh' : 'en';
  const cols = pick ? t.columns.filter((c) => pick.includes(c.name)) : t.columns;
  const n = cols[0]?.values.length ?? 0;
  const rows: TextCell[][] = [];
  for (let i = 0; i < n; i++) {
    if (filter && !filter(i)) continue;
    rows.push(cols.map((c) => {
      const v = c.values[i];
      return typeof v === 'number' ? (c.type === 'integer' ? v : Number(v.toFixed(4))) : typeof v === 'boolean' ? String(v) : (v ?? null);
    }));
  }
  ctx.stdout(`\n${t.title[lang]}\n`);
  ctx.stdout(formatTable(cols.map((c) => c.label[lang] + (c.unit ? ` (${c.unit[lang]})` : '')), rows));
}

/** `ftzlab index …`: frameworks and index runs. */
export function registerIndex(program: Command, ctx: CliContext): void {
  const index = program.command('index').description('NQPF composite index: frameworks and runs / 新质生产力综合指数');

  index
    .command('frameworks')
    .description('内置指标体系 / the shipped indicator frameworks')
    .option('--json', 'print JSON (the full frameworks)')
    .action((o: { json?: boolean }) => {
      const list = shippedFrameworks();
      if (o.json) return ctx.json({ frameworks: list });
      ctx.stdout(formatTable(
        [ctx.t('编号', 'id'), ctx.t('名称', 'name'), ctx.t('维度', 'dimensions'), ctx.t('指标数', 'indicators')],
        list.map((f) => [f.id, ctx.t(f.name.zh, f.name.en), f.tree.map((d) => ctx.t(d.name.zh, d.name.en)).join(' / '), frameworkLeaves(f).length]),
      ));
      ctx.log(ctx.t('`ftzlab index frameworks --json` 显示全部指标、文献与缺失指标。', '`ftzlab index frameworks --json` shows every indicator, the reference and the missing published indicators.'));
    });

  index
    .command('run')
    .description('按设定计算指数及其差异、动态与空间格局 / compute the index, its disparity, dynamics and spatial pattern from a spec (JSON)')
    .option('--spec <file>', 'spec file (JSON): framework, data and options')
    .option('--framework <id>', 'shortcut: run a shipped framework with default options')
    .option('--replications <n>', 'uncertainty runs (overrides the spec)')
    .option('--out <file>', 'also write every table to .xlsx or .docx')
    .option('--json', 'print the whole Result as JSON')
    .action(async (o: { spec?: string; framework?: string; replications?: string; out?: string; json?: boolean }) => {
      let spec: Record<string, unknown>;
      if (o.spec) {
        try {
          spec = JSON.parse(readFileSync(resolve(o.spec), 'utf8')) as Record<string, unknown>;
        } catch (e) {
          throw new FtzError('api.bad_request', { issues: `cannot read spec ${o.spec}: ${e instanceof Error ? e.message : String(e)}` });
        }
        const data = spec.data as Record<string, unknown> | undefined;
        // A data file in a spec is relative to the spec, as a user who keeps them together expects.
        if (data && typeof data.file === 'string') data.file = resolve(resolve(o.spec, '..'), data.file);
      } else if (o.framework) spec = { framework: o.framework };
      else throw new FtzError('api.bad_request', { issues: 'give --spec FILE or --framework ID (see `ftzlab index frameworks`)' });
      if (o.replications) spec.uncertainty = { ...(spec.uncertainty as object | undefined), replications: Number(o.replications) };
      const backend = await ctx.backend();
      const progress = progressReporter(ctx);
      const result: Result = await backend.runIndex(spec, progress);
      progress(1, 1, 'done');
      if (o.out) await writeTables(ctx, result, o.out, { zh: '新质生产力综合指数', en: 'NQPF composite index' });
      if (o.json) return ctx.json(result);
      const get = (name: string): Table | undefined => result.tables.find((t) => t.name === name);
      const conv = get('conventions');
      if (conv) printTable(ctx, conv, ['option', 'value', ctx.locale === 'zh-CN' ? 'note_zh' : 'note_en']);
      const w = get('weights');
      if (w) printTable(ctx, w, ['dimension', 'code', ctx.locale === 'zh-CN' ? 'name_zh' : 'name_en', 'unit', 'direction', 'weight', 'sources']);
      const s = get('scores');
      if (s) {
        const year = s.columns.find((c) => c.name === 'year')?.values ?? [];
        const years = [...new Set(year as number[])].sort();
        printTable(ctx, s, s.columns.map((c) => c.name).filter((n) => n !== (ctx.locale === 'zh-CN' ? 'name_en' : 'name_zh')));
        ctx.log(ctx.t(`共 ${years.length} 年（${years[0]}–${years[years.length - 1]}）；--json 或 --out 输出全部表格（Dagum、泰尔、核密度、马尔可夫、莫兰、收敛、障碍度、耦合协调、不确定性）。`,
          `${years.length} years (${years[0]}–${years[years.length - 1]}); --json or --out gives every table (Dagum, Theil, kernel density, Markov, Moran, convergence, obstacles, coupling, uncertainty).`));
      }
      for (const src of result.provenance.sources) ctx.log(`${ctx.t('来源', 'source')}: ${src.id} — ${src.publisher}, ${src.title} (${src.licence})`);
      for (const wn of result.warnings) ctx.log(`${ctx.t('提示', 'warning')} [${wn.code}]: ${ctx.t(wn.message.zh, wn.message.en)}`);
    });
}
