import type { Command } from 'commander';
import { FtzError } from '../../core/errors.js';
import type { CliContext } from '../context.js';
import { formatTable } from '../textTable.js';

const MACRO: Record<string, [string, string]> = {
  east: ['东部', 'east'], central: ['中部', 'central'], west: ['西部', 'west'], northeast: ['东北', 'northeast'],
};

/** regions, indicators, observations, sources: the read-only catalogue at the command line. */
export function registerCatalog(program: Command, ctx: CliContext): void {
  program
    .command('regions')
    .description('provinces and cities with GB/T 2260 codes / 省份与城市（GB/T 2260 代码）')
    .option('--level <level>', 'province or prefecture', 'province')
    .option('--json', 'print JSON')
    .action(async (opts: { level: string; json?: boolean }) => {
      if (opts.level !== 'province' && opts.level !== 'prefecture') {
        throw new FtzError('api.bad_request', { issues: `--level must be province or prefecture, not "${opts.level}"` });
      }
      const regions = await (await ctx.backend()).regions(opts.level);
      if (opts.json) return ctx.json({ regions });
      ctx.stdout(
        formatTable(
          [ctx.t('代码', 'code'), ctx.t('名称', 'name'), 'English', ctx.t('区域', 'macro-region'), ctx.t('类型', 'location')],
          regions.map((r) => [
            r.code, r.name_zh, r.name_en, r.macro_region ? ctx.t(...(MACRO[r.macro_region] ?? [r.macro_region, r.macro_region])) : null,
            r.location_type,
          ]),
        ),
      );
    });

  program
    .command('indicators')
    .description('indicators with coverage and source / 指标、覆盖范围与来源')
    .option('--topic <topic>', 'only this topic (innovation, green, user, …)')
    .option('--json', 'print JSON')
    .action(async (opts: { topic?: string; json?: boolean }) => {
      const all = await (await ctx.backend()).indicators();
      const list = opts.topic ? all.filter((i) => i.topic === opts.topic) : all;
      if (opts.json) return ctx.json({ indicators: list });
      ctx.stdout(
        formatTable(
          [ctx.t('代码', 'code'), ctx.t('名称', 'name'), ctx.t('单位', 'unit'), ctx.t('年份', 'years'), ctx.t('地区数', 'regions'), ctx.t('来源', 'source')],
          list.map((i) => [
            i.code, ctx.t(i.name_zh, i.name_en), ctx.t(i.unit_zh, i.unit_en),
            i.first_year === null ? null : `${i.first_year}–${i.last_year}`, i.regions, i.source_id,
          ]),
        ),
      );
    });

  program
    .command('observations <indicator>')
    .alias('obs')
    .description('values of one indicator by region and year / 某指标分地区分年份的数值')
    .option('--region <codes>', 'comma-separated GB/T 2260 codes')
    .option('--from <year>', 'first year')
    .option('--to <year>', 'last year')
    .option('--json', 'print JSON')
    .action(async (indicator: string, opts: { region?: string; from?: string; to?: string; json?: boolean }) => {
      const q = {
        indicator,
        ...(opts.region ? { region: opts.region } : {}),
        ...(opts.from ? { from: Number(opts.from) } : {}),
        ...(opts.to ? { to: Number(opts.to) } : {}),
      };
      const res = await (await ctx.backend()).observations(q);
      if (opts.json) return ctx.json(res);
      ctx.stdout(
        formatTable(
          [ctx.t('地区', 'region'), ctx.t('年份', 'year'), `${ctx.t(res.indicator.name_zh, res.indicator.name_en)} (${ctx.t(res.indicator.unit_zh, res.indicator.unit_en)})`],
          res.rows.map((r) => [r.region, r.year, r.value]),
        ),
      );
      for (const s of res.sources) ctx.log(`${ctx.t('来源', 'Source')}: ${s.publisher}, ${s.title} (${s.licence})`);
    });

  program
    .command('sources')
    .description('every data source with licence / 全部数据来源与许可')
    .option('--json', 'print JSON')
    .action(async (opts: { json?: boolean }) => {
      const sources = await (await ctx.backend()).sources();
      if (opts.json) return ctx.json({ sources });
      ctx.stdout(formatTable(['id', ctx.t('发布者', 'publisher'), ctx.t('许可', 'licence')], sources.map((s) => [s.id, s.publisher, s.licence])));
    });
}
