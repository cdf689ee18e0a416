import { resolve } from 'node:path';
import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import { formatTable } from '../textTable.js';

/** `ftzlab neglist …`: the editions of China's negative lists, one edition's measures, importing an official text. */
export function registerNeglist(program: Command, ctx: CliContext): void {
  const nl = program.command('neglist').description('negative lists: editions, measures, import / 负面清单');
  nl.command('list')
    .description('全部清单版本：官方条目数与已录入条目数 / every edition with its official count and how many measures are transcribed')
    .option('--json', 'print JSON')
    .action(async (o: { json?: boolean }) => {
      const list = await (await ctx.backend()).neglistEditions();
      if (o.json) return ctx.json({ editions: list });
      ctx.stdout(formatTable([ctx.t('编号', 'id'), ctx.t('类型', 'kind'), ctx.t('发布', 'published'), ctx.t('官方条目', 'official'), ctx.t('已录入', 'transcribed'), ctx.t('状态', 'status')],
        list.map((e) => [e.id + (e.version ? ` v${e.version}` : ''), e.kind, e.published ?? '', e.officialCount, e.transcribed, e.status])));
    });
  nl.command('show')
    .description('某一版本的全部条目（未录入条目同样列出）/ one edition, every measure number (those not transcribed shown as such)')
    .argument('<id>', 'edition id')
    .option('--version <v>', 'version of an imported list (default: the newest)')
    .option('--json', 'print JSON')
    .action(async (id: string, o: { version?: string; json?: boolean }) => {
      const r = await (await ctx.backend()).neglistShow(id, o.version ? Number(o.version) : undefined);
      if (o.json) return ctx.json(r);
      ctx.stdout(`${r.edition.title} (${r.edition.transcribed}/${r.edition.officialCount ?? r.edition.transcribed})\n`);
      ctx.stdout(formatTable([ctx.t('序号', 'no.'), ctx.t('门类', 'section'), ctx.t('特别管理措施', 'measure'), ctx.t('来源', 'source')],
        r.measures.map((m) => [m.number, m.section, m.status === 'transcribed' ? (m.textZh || m.textEn) : ctx.t('（未录入）', '(not transcribed)'), m.sourceUrl])));
    });
  nl.command('import')
    .description('导入官方清单文本（纯文本、GBK 或 HTML）为新版本 / import an official list text (plain text, GBK, HTML) as a new version')
    .argument('<file>', 'the list text')
    .requiredOption('--id <id>', 'edition id, e.g. cn-fdi-national-2024 (lower case, digits, hyphens)')
    .option('--title <t>', 'title (default: the first line)')
    .option('--kind <k>', 'fdi | services', 'fdi')
    .option('--jurisdiction <j>', 'national | ftz | hainan | …')
    .option('--effective <date>', 'YYYY-MM-DD')
    .option('--count <n>', 'the official number of measures: the import fails if it differs')
    .option('--json', 'print JSON')
    .action(async (file: string, o: { id: string; title?: string; kind: string; jurisdiction?: string; effective?: string; count?: string; json?: boolean }) => {
      const r = await (await ctx.backend()).neglistImport(resolve(file), {
        id: o.id, kind: o.kind, ...(o.title ? { title: o.title } : {}), ...(o.jurisdiction ? { jurisdiction: o.jurisdiction } : {}),
        ...(o.effective ? { effective: o.effective } : {}), ...(o.count ? { count: Number(o.count) } : {}),
      });
      if (o.json) return ctx.json(r);
      ctx.stdout(ctx.t(`已导入 ${r.id} 第 ${r.version} 版：${r.measures} 条措施，门类 ${r.sections.join(' ')}，说明 ${r.notes} 段\n`, `Imported ${r.id} version ${r.version}: ${r.measures} measures, sections ${r.sections.join(' ')}, ${r.notes} note paragraphs\n`));
    });
}
