import type { Command } from 'commander';
import { FtzError } from '../../core/errors.js';
import type { CliContext } from '../context.js';
import { formatTable } from '../textTable.js';

const PARTS: readonly [string, string, string][] = [
  ['base', '一基：制度型开放', 'Base: institutional opening'], ['wing_inside', '一翼·区内：特色产业', 'Wing, inside the zone'],
  ['wing_between', '一翼·区际：错位协同', 'Wing, between zones'], ['wing_fta', '二翼：自贸试验区与自贸协定', 'Wing, zone with FTAs'],
  ['task_innovation', '重点一：科技创新', 'Task: technological innovation'], ['task_upgrading', '重点二：产业升级', 'Task: industrial upgrading'], ['task_green', '重点三：绿色发展', 'Task: green development'],
];

/** `ftzlab scorecard`: the "one base, two wings, three focal points" scorecard of a zone, or of all 22. */
export function registerScorecard(program: Command, ctx: CliContext): void {
  program.command('scorecard')
    .description('“一基两翼三重点”评分卡 / the "one base, two wings, three focal points" scorecard of a zone, or of all 22 zones')
    .option('--zone <id>', 'zone id (e.g. SH)')
    .option('--all', 'all 22 zones')
    .option('--json', 'print JSON')
    .action(async (o: { zone?: string; all?: boolean; json?: boolean }) => {
      if (!o.zone === !o.all) throw new FtzError('api.bad_request', { issues: 'give --zone ID or --all' });
      const b = await ctx.backend();
      const cards = o.all ? (await b.scorecards()).zones : [await b.scorecard(o.zone as string)];
      if (o.json) return ctx.json(o.all ? { zones: cards } : cards[0]);
      for (const card of cards) {
        ctx.stdout(`\n${ctx.t(card.zone.name.zh, card.zone.name.en)}\n`);
        const rows = PARTS.flatMap(([key, zh, en]) => card.parts[key as keyof typeof card.parts].map((it) => [
          ctx.t(zh, en), ctx.t(it.label.zh, it.label.en),
          it.value === null ? ctx.t(`缺失：${it.missing?.zh ?? ''}`, `missing: ${it.missing?.en ?? ''}`) : typeof it.value === 'number' ? Number(it.value.toFixed(3)) : it.value,
          it.unit, it.year, it.rank ? `${it.rank.rank}/${it.rank.of}` : '', it.source.kind === 'data' ? it.source.ids.join(' ') : it.source.name,
        ]));
        ctx.stdout(formatTable([ctx.t('部分', 'part'), ctx.t('指标', 'item'), ctx.t('值', 'value'), ctx.t('单位', 'unit'), ctx.t('年份', 'year'), ctx.t('排名', 'rank'), ctx.t('来源', 'source')], rows));
      }
    });
}
