import { resolve } from 'node:path';
import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import { formatTable } from '../textTable.js';

interface ImportOpts {
  dataset: string;
  encoding: string;
  sheet?: string;
  layout: string;
  regionCol?: string;
  yearCol?: string;
  indicatorCol?: string;
  valueCol?: string;
  json?: boolean;
}

/** `ftzlab data …`: import, list, show, history, export user datasets. */
export function registerData(program: Command, ctx: CliContext): void {
  const data = program.command('data').description('user datasets: import, list, show, export / 用户数据集');

  data
    .command('import <file>')
    .description('导入 CSV（UTF-8/GBK）、XLSX、Parquet 或国家统计局导出文件为新版本 / import CSV (UTF-8, UTF-8 BOM, GBK/GB18030), XLSX, Parquet or an NBS export as a new version')
    .requiredOption('--dataset <name>', 'dataset name (a re-import makes a new version)')
    .option('--encoding <enc>', 'auto | utf8 | gbk | gb18030', 'auto')
    .option('--sheet <name>', 'XLSX sheet (default: the first)')
    .option('--layout <layout>', 'auto | long | wide | nbs | table', 'auto')
    .option('--region-col <name>', 'column holding the region')
    .option('--year-col <name>', 'column holding the year')
    .option('--indicator-col <name>', 'column holding the indicator name (long layout)')
    .option('--value-col <name>', 'column holding the value (long layout)')
    .option('--json', 'print JSON')
    .action(async (file: string, o: ImportOpts) => {
      const backend = await ctx.backend();
      const spec = {
        dataset: o.dataset, encoding: o.encoding as 'auto', layout: o.layout as 'auto',
        ...(o.sheet ? { sheet: o.sheet } : {}), ...(o.regionCol ? { regionCol: o.regionCol } : {}),
        ...(o.yearCol ? { yearCol: o.yearCol } : {}), ...(o.indicatorCol ? { indicatorCol: o.indicatorCol } : {}),
        ...(o.valueCol ? { valueCol: o.valueCol } : {}),
      };
      const outcome = await backend.importFile(resolve(file), spec, (stage) => ctx.log(`… ${stage}`));
      if (o.json) return ctx.json(outcome);
      const d = outcome.dataset;
      ctx.stdout(
        ctx.t(
          `已导入数据集“${d.name}”第 ${d.version} 版：${d.rows} 行，格式 ${d.layout}，编码 ${d.encoding}；生成 ${outcome.indicators.length} 个指标、${outcome.observations} 个观测值。\n`,
          `Imported dataset "${d.name}" version ${d.version}: ${d.rows} rows, layout ${d.layout}, encoding ${d.encoding}; ${outcome.indicators.length} indicators, ${outcome.observations} observations.\n`,
        ),
      );
      for (const w of outcome.warnings) ctx.log(`${ctx.t('提示', 'warning')} [${w.code}]: ${ctx.t(w.message.zh, w.message.en)}`);
    });

  data
    .command('list')
    .description('数据集及其当前版本 / datasets and their current versions')
    .option('--json', 'print JSON')
    .action(async (o: { json?: boolean }) => {
      const list = await (await ctx.backend()).datasets();
      if (o.json) return ctx.json({ datasets: list });
      if (list.length === 0) return ctx.log(ctx.t('还没有数据集。用 `ftzlab data import 文件 --dataset 名称` 导入。', 'No datasets yet. Import one with `ftzlab data import FILE --dataset NAME`.'));
      ctx.stdout(
        formatTable(
          [ctx.t('名称', 'name'), ctx.t('版本', 'version'), ctx.t('行数', 'rows'), ctx.t('格式', 'layout'), ctx.t('文件', 'file'), ctx.t('导入时间', 'imported')],
          list.map((d) => [d.name, `${d.version}/${d.versions}`, d.rows, d.layout, d.file_name, d.imported_at]),
        ),
      );
    });

  data
    .command('show <name>')
    .description('数据集的各行（带类型） / the rows of a dataset, typed')
    .option('--version <n>', 'version (default: newest)')
    .option('--limit <n>', 'rows to print in the table view', '50')
    .option('--json', 'print JSON')
    .action(async (name: string, o: { version?: string; limit: string; json?: boolean }) => {
      const content = await (await ctx.backend()).dataset(name, o.version ? Number(o.version) : undefined);
      if (o.json) return ctx.json(content);
      const header = content.dataset.columns.map((c) => c.name);
      const limit = Math.max(1, Number(o.limit) || 50);
      ctx.stdout(formatTable(header, content.rows.slice(0, limit).map((r) => header.map((h) => r[h] ?? null))));
      if (content.rows.length > limit) ctx.log(ctx.t(`（共 ${content.rows.length} 行，仅显示前 ${limit} 行）`, `(${content.rows.length} rows, first ${limit} shown)`));
    });

  data
    .command('history <name>')
    .description('数据集的全部版本 / every version of a dataset')
    .option('--json', 'print JSON')
    .action(async (name: string, o: { json?: boolean }) => {
      const versions = await (await ctx.backend()).history(name);
      if (o.json) return ctx.json({ versions });
      ctx.stdout(formatTable([ctx.t('版本', 'version'), ctx.t('行数', 'rows'), ctx.t('文件', 'file'), ctx.t('导入时间', 'imported')],
        versions.map((d) => [d.version, d.rows, d.file_name, d.imported_at])));
    });

  data
    .command('export <name>')
    .description('导出数据集为 .csv、.xlsx、.parquet 或 .json / write a dataset to .csv, .xlsx, .parquet or .json')
    .requiredOption('--out <file>', 'output file; the extension picks the format')
    .option('--version <n>', 'version (default: newest)')
    .action(async (name: string, o: { out: string; version?: string }) => {
      const r = await (await ctx.backend()).exportDataset(name, resolve(o.out), o.version ? Number(o.version) : undefined);
      ctx.stdout(ctx.t(`已导出 ${r.rows} 行到 ${o.out}（${r.format}）。\n`, `Wrote ${r.rows} rows to ${o.out} (${r.format}).\n`));
    });
}
