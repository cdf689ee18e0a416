import { resolve } from 'node:path';
import type { Command } from 'commander';
import { FtzError } from '../../core/errors.js';
import type { CliContext } from '../context.js';
import { formatTable } from '../textTable.js';
import { writeTables } from '../writeTables.js';

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
  const L = (l: { zh: string; en: string }): string => ctx.t(l.zh, l.en);
  nl.command('diff')
    .description('两个版本逐条比较：放宽、收紧、仅改写、拆分、合并 / compare two editions measure by measure: relaxed, tightened, reworded, split, merged')
    .argument('<from>', 'earlier edition id')
    .argument('<to>', 'later edition id')
    .option('--json', 'print JSON')
    .action(async (from: string, to: string, o: { json?: boolean }) => {
      const r = await (await ctx.backend()).neglistDiff(from, to);
      if (o.json) return ctx.json(r);
      ctx.stdout(formatTable([ctx.t('关系', 'link'), ctx.t('原', 'from'), ctx.t('新', 'to'), ctx.t('判断', 'verdict'), ctx.t('理由', 'reason')],
        r.diff.changes.map((c) => [c.link.kind, c.link.from.join(' '), c.link.to.join(' '), c.uncertain ? `${c.verdict}?` : c.verdict, c.uncertain ? `${c.reason} ${ctx.t('（另一版本未完整录入，可能只是缺失）', '(the other edition is partly transcribed: it may only be missing there)')}` : c.reason])));
      for (const w of r.warnings) ctx.log(`${ctx.t('提示', 'note')}: ${L(w.message)}`);
    });
  nl.command('ratchet')
    .description('棘轮（不倒退）检查 / ratchet check over editions in order: compliant, backsliding, incomparable')
    .argument('<ids...>', 'edition ids, earliest first')
    .option('--json', 'print JSON')
    .action(async (ids: string[], o: { json?: boolean }) => {
      const r = await (await ctx.backend()).neglistRatchet(ids);
      if (o.json) return ctx.json(r);
      ctx.stdout(`${r.result.compliant ? ctx.t('未发现倒退', 'no backsliding found') : ctx.t(`发现 ${r.result.violations.length} 处倒退或不可比`, `${r.result.violations.length} backsliding or incomparable findings`)}\n`);
      ctx.stdout(formatTable([ctx.t('从', 'from'), ctx.t('到', 'to'), ctx.t('状态', 'status'), ctx.t('措施', 'measures')], r.result.violations.map((v) => [v.from, v.to, v.status, [...v.link.from, ...v.link.to].join(' ')])));
      for (const w of r.warnings) ctx.log(`${ctx.t('提示', 'note')}: ${L(w.message)}`);
    });
  nl.command('score')
    .description('限制性指数（按门类）与外资股权限制得分，与条目数对照 / restrictiveness by GB/T 4754 section and FDI equity score, beside the row count')
    .argument('<id>', 'edition id')
    .option('--tiers <name>', 'a sensitivity tier set (see `neglist tiers`): mean score per tier')
    .option('--json', 'print JSON')
    .action(async (id: string, o: { tiers?: string; json?: boolean }) => {
      const r = await (await ctx.backend()).neglistScore(id, o.tiers);
      if (o.json) return ctx.json(r);
      ctx.stdout(formatTable([ctx.t('门类', 'section'), ctx.t('限制性指数', 'restrictiveness'), ctx.t('股权得分', 'equity score')],
        r.stri.sectors.map((s) => [s.sector, Number(s.score.toFixed(3)), Number((r.fdiEquity.sectors.find((x) => x.sector === s.sector)?.score ?? 0).toFixed(3))])));
      ctx.stdout(`${ctx.t('条目', 'rows')} ${r.rows ?? '—'} / ${ctx.t('已录入', 'transcribed')} ${r.transcribed}; ${ctx.t('总分', 'total')} ${r.stri.total.toFixed(3)}\n`);
      if (r.byTier) ctx.stdout(formatTable([ctx.t('敏感度层级', 'tier'), ctx.t('门类', 'sections'), ctx.t('平均得分', 'mean score')], r.byTier.tiers.map((t) => [t.tier, t.sections.join(' '), t.meanScore === null ? null : Number(t.meanScore.toFixed(3))])));
      for (const w of r.warnings) ctx.log(`${ctx.t('提示', 'note')}: ${L(w.message)}`);
    });
  nl.command('tiers')
    .description('保存门类敏感度分层（新版本，不覆盖）/ save sensitivity tiers of GB/T 4754 sections as a new version')
    .argument('<name>', 'tier set name')
    .requiredOption('--file <csv>', 'CSV: section,tier[,note] (tier 1 = most sensitive)')
    .action(async (name: string, o: { file: string }) => {
      const { readFileSync } = await import('node:fs');
      const [head, ...rows] = readFileSync(resolve(o.file), 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/).filter((l) => l.trim() !== '');
      const cols = (head ?? '').split(',').map((c) => c.trim());
      const tiers = rows.map((l) => { const c = l.split(','); return { section: (c[cols.indexOf('section')] ?? '').trim(), tier: Number(c[cols.indexOf('tier')]), ...(cols.includes('note') ? { note: (c[cols.indexOf('note')] ?? '').trim() } : {}) }; });
      const r = await (await ctx.backend()).neglistSaveTiers(name, tiers);
      ctx.stdout(ctx.t(`已保存 ${r.name} 第 ${r.version} 版\n`, `saved ${r.name} version ${r.version}\n`));
    });
  const sc = nl.command('scenario').description('保存的假设情景（删除或放宽措施）/ saved what-if scenarios (measures removed or relaxed)');
  sc.command('save')
    .description('保存情景（新版本，不覆盖）/ save a scenario as a new version')
    .argument('<name>', 'scenario name')
    .requiredOption('--spec <file>', 'JSON: { "edition": ID, "remove": [measure ids], "relax": [{ "measure": id, "kinds": [...] }] }')
    .action(async (name: string, o: { spec: string }) => {
      const { readFileSync } = await import('node:fs');
      let spec: unknown;
      try {
        spec = JSON.parse(readFileSync(resolve(o.spec), 'utf8'));
      } catch (e) {
        throw new FtzError('api.bad_request', { issues: `--spec ${o.spec}: ${e instanceof Error ? e.message : String(e)}` });
      }
      const r = await (await ctx.backend()).neglistSaveScenario(name, spec);
      ctx.stdout(ctx.t(`已保存 ${r.name} 第 ${r.version} 版\n`, `saved ${r.name} version ${r.version}\n`));
    });
  sc.command('list')
    .description('列出保存的情景 / list saved scenarios')
    .option('--json', 'print JSON')
    .action(async (o: { json?: boolean }) => {
      const list = await (await ctx.backend()).neglistScenarios();
      if (o.json) return ctx.json({ scenarios: list });
      ctx.stdout(formatTable([ctx.t('名称', 'name'), ctx.t('版本', 'version'), ctx.t('清单版本', 'edition'), ctx.t('删除', 'removed'), ctx.t('放宽', 'relaxed'), ctx.t('保存时间', 'saved')],
        list.map((x) => [x.name, x.version, x.edition, x.scenario.remove.length, x.scenario.relax.length, x.createdAt])));
    });
  nl.command('gap')
    .description('对照 CPTPP 附件一条目要素的差距，并导出附件一式清单草稿 / gap to CPTPP Annex I entries, and a draft Annex-I-style schedule')
    .argument('<id>', 'edition id')
    .option('--out <file>', 'write the draft schedule to .xlsx or .docx')
    .option('--json', 'print JSON')
    .action(async (id: string, o: { out?: string; json?: boolean }) => {
      const g = await (await ctx.backend()).neglistGap(id);
      if (o.out) await writeTables(ctx, (await import('../../analyses/neglist/annexGap.js')).annexResult(g), o.out, { zh: '附件一式不符措施清单草稿', en: 'Draft Annex-I-style schedule' });
      if (o.json) return ctx.json(g);
      ctx.stdout(formatTable([ctx.t('要素', 'element'), ctx.t('缺少该要素的条目', 'entries lacking it')], Object.entries(g.summary).map(([k, v]) => [k, `${v} / ${g.entries.length}`])));
    });
  nl.command('import')
    .description('导入官方清单文本（纯文本、GBK、HTML、Word 或带文字层的 PDF）为新版本 / import an official list (plain text, GBK, HTML, DOCX, PDF with a text layer) as a new version')
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
