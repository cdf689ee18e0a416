import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import type { Command } from 'commander';
import { FtzError } from '../../core/errors.js';
import type { CliContext } from '../context.js';
import { formatTable } from '../textTable.js';
import { writeTables } from '../writeTables.js';

const n = (v: number | null | undefined, digits = 3): number | null => (v === null || v === undefined ? null : Number(v.toFixed(digits)));

function readEstimates(path: string): { year: number; value: number }[] {
  const text = readFileSync(resolve(path), 'utf8').replace(/^\uFEFF/, '');
  const [head, ...rows] = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  const cols = (head ?? '').split(',').map((c) => c.trim().toLowerCase());
  const yi = cols.indexOf('year');
  const vi = cols.indexOf('value');
  if (yi < 0 || vi < 0) throw new FtzError('import.missing_column', { file: basename(path), column: yi < 0 ? 'year' : 'value', layout: 'emission estimates (year,value in Mt CO2)', found: cols });
  return rows.map((line, i) => {
    const cells = line.split(',');
    const year = Number(cells[yi]);
    const value = Number(cells[vi]);
    if (!Number.isInteger(year)) throw new FtzError('import.bad_year', { file: basename(path), row: i + 2, column: 'year', value: cells[yi] ?? '' });
    if (!(Number.isFinite(value) && value >= 0)) throw new FtzError('import.non_numeric', { file: basename(path), row: i + 2, column: 'value', value: cells[vi] ?? '' });
    return { year, value };
  });
}

/** `ftzlab carbon …`: CBAM exposure, the law tables, MRIO emission accounts, carbon budgets, sector emissions. */
export function registerCarbon(program: Command, ctx: CliContext): void {
  const carbon = program.command('carbon').description('trade carbon accounting, CBAM and carbon budgets / 贸易碳核算、CBAM 与碳预算');

  carbon
    .command('cbam')
    .description('CBAM 出口暴露测算 / CBAM exposure of a shipment file (CSV or XLSX: cn_code, origin, quantity_t, year)')
    .requiredOption('--shipments <file>', 'CSV or XLSX; optional columns direct_tco2_per_t, indirect_tco2_per_t, carbon_price_paid_eur_per_t, benchmark_tco2_per_t, declarant')
    .option('--price <eur>', 'certificate price, EUR per tCO2e (2026 imports: the quarterly average EU ETS auction price)')
    .option('--year <y>', 'only the rows of this import year')
    .option('--free-allocation <m>', 'benchmark | phase_in_share | none', 'benchmark')
    .option('--allow-unverified', 'also use law rows not yet read in the Official Journal (marked in the output)')
    .option('--sheet <name>', 'XLSX sheet')
    .option('--out <file>', 'also write the tables to .xlsx or .docx')
    .option('--json', 'print JSON')
    .action(async (o: { shipments: string; price?: string; year?: string; freeAllocation: string; allowUnverified?: boolean; sheet?: string; out?: string; json?: boolean }) => {
      const b = await ctx.backend();
      const out = await b.cbam(resolve(o.shipments), {
        ...(o.price !== undefined ? { price: Number(o.price) } : {}), ...(o.year !== undefined ? { year: Number(o.year) } : {}),
        freeAllocation: o.freeAllocation as 'benchmark', allowUnverified: o.allowUnverified === true, ...(o.sheet ? { sheet: o.sheet } : {}),
      });
      if (o.out) await writeTables(ctx, (await import('../../analyses/carbon/cbamTables.js')).cbamResult(out), o.out, { zh: 'CBAM 出口暴露测算', en: 'CBAM exposure' });
      if (o.json) return ctx.json(out);
      ctx.stdout(formatTable(
        [ctx.t('CN 编码', 'CN code'), ctx.t('产品组', 'product group'), ctx.t('数量 (t)', 'quantity (t)'), ctx.t('隐含排放 (tCO2e)', 'embedded (tCO2e)'), ctx.t('证书', 'certificates'), ctx.t('成本 (EUR)', 'cost (EUR)')],
        out.by_product.map((p) => [p.good_cn, p.product_group, n(p.quantity_t), n(p.embedded_tco2), n(p.certificates), n(p.cost_eur, 2)]),
      ));
      ctx.stdout(`${ctx.t('合计', 'Total')}: ${n(out.totals.embedded_tco2)} tCO2e, ${n(out.totals.certificates)} ${ctx.t('张证书', 'certificates')}${out.totals.cost_eur === null ? '' : `, EUR ${n(out.totals.cost_eur, 2)}`}\n`);
      const cited = [...new Set(out.lines.map((l) => l.default_value?.citation).filter((c): c is string => Boolean(c)))];
      for (const c of cited) ctx.stdout(`${ctx.t('默认值来源', 'default values')}: ${c}\n`);
      for (const w of out.warnings) ctx.log(`${ctx.t('提示', 'note')} [${w.code}]: ${ctx.t(w.message.zh, w.message.en)}${w.rows.length ? ` (${ctx.t('行', 'rows')} ${w.rows.slice(0, 10).join(', ')}${w.rows.length > 10 ? ' …' : ''})` : ''}`);
    });

  carbon
    .command('law')
    .description('CBAM 法规数据及其出处与核实状态 / the bundled CBAM law rows with their citations and status')
    .option('--json', 'print JSON (goods, default values, mark-ups, rules)')
    .action(async (o: { json?: boolean }) => {
      const law = await (await ctx.backend()).cbamLaw();
      if (o.json) return ctx.json(law);
      ctx.stdout(formatTable([ctx.t('规则', 'rule'), ctx.t('键', 'key'), ctx.t('值', 'value'), ctx.t('状态', 'status'), ctx.t('出处', 'citation')],
        [...law.markups.map((m) => ['markup_pct', `${m.productGroup} ≥ ${m.fromYear}`, m.markupPct, m.status, m.citation]), ...law.rules.map((r) => [r.rule, r.key, r.value, r.status, r.citation])]));
      const counts = law.defaults.reduce<Record<string, number>>((acc, d) => ({ ...acc, [d.status]: (acc[d.status] ?? 0) + 1 }), {});
      ctx.stdout(`${ctx.t('默认值', 'default values')}: ${law.defaults.length} (${Object.entries(counts).map(([k, v]) => `${k} ${v}`).join(', ')}); ${ctx.t('CBAM 货物', 'CBAM goods')}: ${law.goods.length}\n`);
    });

  carbon
    .command('mrio')
    .description('多区域投入产出排放核算 / MRIO emission accounts: production, consumption, import and export based (JSON input)')
    .requiredOption('--io <file>', 'JSON: regions, sectors, Z, Y (or Y_by_region), F, optional F_Y, x, stressors, categories')
    .option('--json', 'print JSON')
    .action(async (o: { io: string; json?: boolean }) => {
      const { mrioAccounts } = await import('../../analyses/carbon/mrioAccounts.js');
      let text: string;
      try {
        text = readFileSync(resolve(o.io), 'utf8');
      } catch {
        throw new FtzError('import.file_not_found', { file: o.io });
      }
      const out = mrioAccounts(text, basename(o.io));
      if (o.json) return ctx.json(out);
      ctx.stdout(formatTable([ctx.t('排放项', 'stressor'), ctx.t('地区', 'region'), ctx.t('生产端', 'production'), ctx.t('消费端', 'consumption'), ctx.t('进口隐含', 'imports'), ctx.t('出口隐含', 'exports')],
        out.accounts.map((a) => [a.stressor, a.region, n(a.production, 6), n(a.consumption, 6), n(a.imports, 6), n(a.exports, 6)])));
      if (out.unattributed_industries.length) ctx.log(ctx.t(`总产出为零、排放未能分配的部门：${out.unattributed_industries.join('、')}`, `industries with zero output whose emissions cannot be attributed: ${out.unattributed_industries.join(', ')}`));
    });

  carbon
    .command('embodied')
    .description('贸易隐含排放（HS→ISIC 对照 × 用户排放强度）/ emissions embodied in trade flows: HS → ISIC concordance × your intensity table')
    .requiredOption('--trade <file>', 'CSV or XLSX: hs_code, partner, amount')
    .requiredOption('--intensities <file>', 'CSV or XLSX: isic4, intensity (emissions per unit of amount), optional unit')
    .option('--json', 'print JSON')
    .action(async (o: { trade: string; intensities: string; json?: boolean }) => {
      const r = await (await ctx.backend()).embodied(resolve(o.trade), resolve(o.intensities));
      if (o.json) return ctx.json(r);
      ctx.stdout(formatTable([ctx.t('ISIC 类别', 'ISIC class'), ctx.t('贸易额', 'amount'), ctx.t('有强度的贸易额', 'covered amount'), ctx.t('隐含排放', 'embodied emissions')], r.byIsic.map((x) => [x.key, n(x.amount), n(x.coveredAmount), n(x.emissions)])));
      ctx.stdout(formatTable([ctx.t('贸易伙伴', 'partner'), ctx.t('贸易额', 'amount'), ctx.t('隐含排放', 'embodied emissions')], r.byPartner.map((x) => [x.key, n(x.amount), n(x.emissions)])));
      ctx.stdout(`${ctx.t('合计', 'Total')}: ${n(r.total.emissions)}${r.unit ? ` (${ctx.t('排放强度单位', 'intensity unit')}: ${r.unit} × ${ctx.t('贸易额', 'amount')})` : ''}\n`);
      for (const w of r.warnings) ctx.log(`${ctx.t('提示', 'note')} [${w.code}]: ${ctx.t(w.message.zh, w.message.en)}`);
    });

  const budget = carbon.command('budget').description('碳预算：设定、版本与跟踪 / carbon budgets: create (versioned), list, track');
  budget
    .command('create')
    .description('按减排路径或逐年数值创建预算（同名则新增版本）/ create a budget from a reduction path or annual values (same name: a new version)')
    .requiredOption('--name <name>', 'budget name')
    .option('--zone <id>', 'FTZ id (e.g. SH); emissions of its host province, or of its host cities with --basis cities')
    .option('--province <code>', 'province code (GB/T 2260, e.g. 310000)')
    .option('--city <code>', 'city code (GB/T 2260)')
    .option('--basis <b>', 'province | cities (for --zone)', 'province')
    .option('--path <kind>', 'linear | constant_rate')
    .option('--base-year <y>', 'base year of the path', '2019')
    .option('--base-value <mt>', 'base-year emissions, Mt CO2 (default: the CEADs inventory)')
    .option('--target-year <y>', 'target year of the path')
    .option('--target-value <mt>', 'target-year emissions, Mt CO2')
    .option('--target-reduction <share>', 'cut by the target year, e.g. 0.3 for 30 %')
    .option('--years <file>', 'annual budgets instead of a path: CSV year,value (Mt CO2)')
    .option('--note <text>', 'note kept with the version')
    .option('--json', 'print JSON')
    .action(async (o: Record<string, string | boolean | undefined>) => {
      const scopes = (['zone', 'province', 'city'] as const).filter((k) => o[k] !== undefined);
      if (scopes.length !== 1) throw new FtzError('api.bad_request', { issues: 'give exactly one of --zone, --province, --city' });
      const kind = scopes[0] as 'zone' | 'province' | 'city';
      const num = (k: string): number | undefined => (o[k] === undefined ? undefined : Number(o[k]));
      const spec = {
        name: o['name'], scope: { kind, code: String(o[kind]), basis: o['basis'] }, ...(o['note'] ? { note: o['note'] } : {}),
        ...(o['years'] ? { years: readEstimates(String(o['years'])).map((y) => ({ year: y.year, budget: y.value })) } : {
          path: {
            kind: o['path'] ?? 'linear', baseYear: num('baseYear'), targetYear: num('targetYear'),
            ...(o['baseValue'] !== undefined ? { baseValue: num('baseValue') } : {}), ...(o['targetValue'] !== undefined ? { targetValue: num('targetValue') } : {}),
            ...(o['targetReduction'] !== undefined ? { targetReduction: num('targetReduction') } : {}),
          },
        }),
      };
      const made = await (await ctx.backend()).createBudget(spec);
      if (o['json']) return ctx.json(made);
      ctx.stdout(`${made.name} v${made.version}: ${made.years[0]?.year}–${made.years.at(-1)?.year}, ${ctx.t('合计', 'total')} ${n(made.years.reduce((s, y) => s + y.budget, 0))} Mt CO2\n`);
    });
  budget
    .command('list')
    .description('全部预算及版本 / budgets and their versions')
    .option('--json', 'print JSON')
    .action(async (o: { json?: boolean }) => {
      const list = await (await ctx.backend()).budgets();
      if (o.json) return ctx.json({ budgets: list });
      ctx.stdout(formatTable([ctx.t('名称', 'name'), ctx.t('版本', 'version'), ctx.t('范围', 'scope'), ctx.t('年份', 'years'), ctx.t('创建时间', 'created')], list.map((b) => [b.name, b.version, `${b.scopeKind} ${b.scopeCode}`, b.years, b.createdAt])));
    });
  budget
    .command('show')
    .description('预算执行跟踪：累计、剩余、按趋势耗尽年份、减排路径 / track a budget: cumulative, remaining, exhaustion on trend, paths')
    .argument('<name>', 'budget name')
    .option('--version <v>', 'version (default: the newest)')
    .option('--trend-years <k>', 'observed years fitted by the trend', '5')
    .option('--estimates <file>', 'CSV year,value (Mt CO2): your estimates for years after the inventory, labelled as such')
    .option('--json', 'print JSON')
    .action(async (name: string, o: { version?: string; trendYears: string; estimates?: string; json?: boolean }) => {
      const r = await (await ctx.backend()).budgetReport(name, {
        ...(o.version ? { version: Number(o.version) } : {}), trendYears: Number(o.trendYears), ...(o.estimates ? { estimates: readEstimates(o.estimates) } : {}),
      });
      if (o.json) return ctx.json(r);
      const tr = r.tracking;
      ctx.stdout(`${r.budget.name} v${r.budget.version} — ${ctx.t(r.inventory.boundary.zh, r.inventory.boundary.en)}\n`);
      ctx.stdout(formatTable([ctx.t('年份', 'year'), ctx.t('预算', 'budget'), ctx.t('排放', 'emissions'), ctx.t('趋势外推', 'on trend'), ctx.t('累计预算', 'cumulative budget'), ctx.t('累计排放', 'cumulative emissions')],
        tr.rows.map((y) => [y.year, n(y.budget), n(y.emissions), n(y.projected), n(y.cumulativeBudget), n(y.cumulativeEmissions)])));
      ctx.stdout(`${ctx.t('预算总量', 'total budget')} ${n(tr.totalBudget)} Mt CO2; ${ctx.t('已用', 'used')} ${n(tr.usedToDate)}; ${ctx.t('剩余', 'remaining')} ${n(tr.remaining)}; ${ctx.t('按趋势耗尽年份', 'exhausted on trend in')} ${tr.exhaustionYear ?? ctx.t('无', 'never')}\n`);
      for (const p of r.paths) ctx.stdout(`${p.kind}${p.annualRate !== null ? ` (${n(100 * p.annualRate, 2)} %/yr)` : ''}: ${ctx.t('相对预算', 'against the budget')} ${p.overshoot > 0 ? '+' : ''}${n(p.overshoot)} Mt CO2\n`);
      for (const w of r.warnings) ctx.log(`${ctx.t('提示', 'note')} [${w.code}]: ${ctx.t(w.message.zh, w.message.en)}`);
    });

  carbon
    .command('sectors')
    .description('省级分部门 CO2 排放（CEADs）/ CO2 by sector of a province (CEADs)')
    .requiredOption('--province <code>', 'province code, e.g. 310000')
    .option('--year <y>', 'year (default: the latest)')
    .option('--json', 'print JSON')
    .action(async (o: { province: string; year?: string; json?: boolean }) => {
      const s = await (await ctx.backend()).sectors(o.province, o.year ? Number(o.year) : undefined);
      if (o.json) return ctx.json(s);
      ctx.stdout(formatTable([ctx.t('部门', 'sector'), 'Mt CO2'], s.sectors.filter((x) => x.value > 0).map((x) => [ctx.t(x.name.zh, x.name.en), n(x.value)])));
      ctx.stdout(`${s.year}; ${ctx.t('合计', 'total')} ${n(s.total)} Mt CO2 (CEADs)\n`);
    });
}
