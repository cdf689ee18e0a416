import type { Command } from 'commander';
import type { SourcedField } from '../../store/zoneTypes.js';
import type { CliContext } from '../context.js';
import { formatTable } from '../textTable.js';

const STATUS: Record<string, [string, string]> = {
  VERIFIED: ['已核实', 'verified'], VERIFIED_SECONDARY: ['二手来源', 'secondary'],
  CONFLICT: ['来源冲突', 'conflict'], UNVERIFIED: ['未核实', 'not verified'],
};

function show<T>(ctx: CliContext, f: SourcedField<T>, fmt: (v: T) => string = String): string {
  const status = ctx.t(...(STATUS[f.status] ?? [f.status, f.status]));
  return f.value === null ? `— (${status})` : `${fmt(f.value)} (${status})`;
}

export function registerZone(program: Command, ctx: CliContext): void {
  program
    .command('zone <id>')
    .description('one Pilot FTZ with its sub-areas and sources / 单个自贸试验区及其片区与来源')
    .option('--json', 'print JSON')
    .action(async (id: string, opts: { json?: boolean }) => {
      const res = await (await ctx.backend()).zone(id);
      if (opts.json) {
        ctx.json(res);
        return;
      }
      const z = res.zone;
      const lines = [
        `${z.name_zh}\n${z.name_en}`,
        '',
        `${ctx.t('批次', 'Batch')}: ${z.batch_year}`,
        `${ctx.t('总体方案', 'General plan')}: ${show(ctx, z.general_plan, (p) => [p.title, p.doc_no, p.doc_date].filter(Boolean).join(' · '))}`,
        `${ctx.t('批准', 'Approved')}: ${show(ctx, z.approved)}`,
        `${ctx.t('挂牌', 'Launched')}: ${show(ctx, z.launched)}`,
        `${ctx.t('面积', 'Area')}: ${show(ctx, z.area_km2, (v) => `${v} km²`)}`,
        ...z.area_history.map((h) => `  ${ctx.t('自', 'from')} ${h.from}: ${show(ctx, h.area_km2, (v) => `${v} km²`)}`),
        `${ctx.t('类型', 'Location')}: ${show(ctx, z.location_type)}`,
        '',
      ];
      ctx.stdout(lines.join('\n') + '\n');
      ctx.stdout(
        formatTable(
          [ctx.t('片区', 'sub-area'), ctx.t('城市', 'city'), 'km²', ctx.t('设立', 'added'), ctx.t('产业定位', 'positioning')],
          z.areas.map((a) => [
            ctx.t(a.name_zh, a.name_en),
            a.host_city.value ? `${a.host_city.value.name_zh} ${a.host_city.value.code}` : null,
            a.area_km2.value,
            a.added.value,
            (ctx.locale === 'zh-CN' ? a.positioning_zh.value : a.positioning_en)?.join(ctx.t('、', ', ')) ?? null,
          ]),
        ),
      );
      ctx.log(ctx.t('加 --json 查看每个字段的来源（网址、文件、日期、原文）。', 'Add --json for the sources of every field (URL, document, date, quote).'));
    });
}
