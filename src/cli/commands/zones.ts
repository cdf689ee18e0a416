import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import { formatTable } from '../textTable.js';

const LOCATION: Record<string, [string, string]> = { coastal: ['沿海', 'coastal'], inland: ['内陆', 'inland'], border: ['沿边', 'border'] };

export function registerZones(program: Command, ctx: CliContext): void {
  program
    .command('zones')
    .description('list the 22 Pilot FTZs / 列出 22 个自由贸易试验区')
    .option('--json', 'print JSON (with a source for every field)')
    .action(async (opts: { json?: boolean }) => {
      const backend = await ctx.backend();
      const { zones } = await backend.zones();
      if (opts.json) {
        // Machines get the full records: every field with its status and sources.
        const full = await Promise.all(zones.map(async (z) => (await backend.zone(z.id)).zone));
        ctx.json({ zones: full });
        return;
      }
      ctx.stdout(
        formatTable(
          [ctx.t('编号', 'id'), ctx.t('名称', 'name'), ctx.t('批次', 'batch'), ctx.t('批准', 'approved'),
            ctx.t('挂牌', 'launched'), ctx.t('面积 km²', 'area km²'), ctx.t('类型', 'type'), ctx.t('片区', 'sub-areas')],
          zones.map((z) => [
            z.id, ctx.t(z.name_zh, z.name_en), z.batch_year, z.approved, z.launched, z.area_km2,
            z.location_type ? ctx.t(...(LOCATION[z.location_type] ?? [z.location_type, z.location_type])) : null,
            z.sub_areas,
          ]),
        ),
      );
      ctx.log(ctx.t('— 表示未核实；`ftzlab zone <编号>` 查看来源。', '— means not verified; `ftzlab zone <id>` shows the sources.'));
    });
}
