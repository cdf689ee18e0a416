import { writeFile } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import type { Command } from 'commander';
import { FtzError } from '../../core/errors.js';
import type { CliContext } from '../context.js';
import { scorecardOptions, scorecardSpecFromOptions, type ScorecardCliOptions } from './scorecard.js';

const FORMATS = ['docx', 'xlsx', 'html', 'pdf'] as const;

/** `ftzlab report`: a zone's scorecard as a finished Word, PDF or HTML report, or an Excel workbook of every table. */
export function registerReport(program: Command, ctx: CliContext): void {
  scorecardOptions(program.command('report')
    .description('评分卡报告（Word / PDF / HTML / Excel）/ a zone\'s scorecard as a finished report'))
    .option('--zone <id>', 'zone id (e.g. SH); or give it in --spec')
    .option('--lang <lang>', 'report language: zh or en (default: the CLI language)')
    .option('--format <format>', 'docx | xlsx | html | pdf (default: from --out)')
    .requiredOption('--out <file>', 'where to write the report')
    .option('--save-spec <file>', 'also write the spec the report replays from (JSON)')
    .action(async (o: ScorecardCliOptions & { lang?: string; format?: string; out: string; saveSpec?: string }) => {
      const spec = scorecardSpecFromOptions(o);
      if (typeof spec.zone !== 'string') throw new FtzError('api.bad_request', { issues: 'a report is about one zone: give --zone ID (or "zone" in --spec)' });
      const out = resolve(o.out);
      const format = (o.format ?? extname(out).slice(1).toLowerCase()) as (typeof FORMATS)[number];
      if (!FORMATS.includes(format)) throw new FtzError('export.unsupported_format', { file: out, extension: o.format ?? (extname(out) || '(none)') });
      const lang = o.lang ?? (ctx.locale === 'zh-CN' ? 'zh' : 'en');
      if (lang !== 'zh' && lang !== 'en') throw new FtzError('api.bad_request', { issues: `--lang ${lang}: zh or en` });
      const b = await ctx.backend();
      ctx.log(ctx.t('… 计算评分卡（指数、政策效应与不确定性分析首次运行后缓存）', '… computing the scorecard (index, effects and uncertainty runs are cached after the first run)'));
      const result = await b.scorecardResult(spec, false);
      ctx.log(ctx.t(`… 生成 ${format.toUpperCase()} 报告`, `… rendering the ${format.toUpperCase()} report`));
      const { renderZoneReport } = await import('../../report/zoneReport/renderZoneReport.js');
      await writeFile(out, await renderZoneReport(result, format, lang));
      if (o.saveSpec) await writeFile(resolve(o.saveSpec), `${JSON.stringify(result.spec, null, 2)}\n`);
      ctx.log(ctx.t(`已写入 ${out}`, `wrote ${out}`));
    });
}
