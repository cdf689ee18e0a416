import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BudgetReport } from '../../src/analyses/carbon/carbonBudgets.js';
import type { CbamExposureOutput } from '../../src/analyses/carbon/cbamExposure.js';
import type { TradeEmbodiedOutput } from '../../src/analyses/carbon/tradeEmbodied.js';
import { runCli } from '../helpers/runCli.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ftzlab-carbon-cli-'));
  process.env.FTZLAB_DB = join(dir, 'cli.duckdb');
});
afterAll(() => {
  delete process.env.FTZLAB_DB;
  rmSync(dir, { recursive: true, force: true });
});
const file = (name: string, text: string): string => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};

describe('ftzlab carbon', () => {
  it('cbam --json prices a shipment file; without --allow-unverified it exits 1 naming the row', async () => {
    const f = file('ship.csv', 'cn_code,origin,quantity_t,year\n72085120,China,100,2026\n');
    const ok = await runCli(['carbon', 'cbam', '--shipments', f, '--price', '80', '--allow-unverified', '--json']);
    expect(ok.code).toBe(0);
    const out = JSON.parse(ok.out) as CbamExposureOutput;
    expect(out.totals.cost_eur).toBeCloseTo(350.57 * 80, 9);
    const xlsx = join(dir, 'cbam.xlsx');
    expect((await runCli(['carbon', 'cbam', '--shipments', f, '--allow-unverified', '--out', xlsx], 'zh')).code).toBe(0);
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    expect(wb.worksheets.length).toBeGreaterThanOrEqual(3);
    expect(JSON.stringify(wb.worksheets.map((w) => w.getSheetValues()))).toContain('2026/1740');
    const refused = await runCli(['carbon', 'cbam', '--shipments', f], 'zh');
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('第 2 行');
    expect(refused.err).toContain('--allow-unverified');
  });

  it('law lists every rule with its citation and status; the table names the acts', async () => {
    const r = await runCli(['carbon', 'law']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('2003/87/EC');
    expect(r.out).toContain('Article 2a');
    expect(r.out).toMatch(/default values: 260 \(secondary 260\)/);
  });

  it('mrio reads the pymrio test system', async () => {
    const r = await runCli(['carbon', 'mrio', '--io', fileURLToPath(new URL('../fixtures/reference/green/pymrio_small_mrio_fixture.json', import.meta.url)), '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out) as { accounts: { balance: number }[] };
    expect(out.accounts).toHaveLength(4);
  });

  it('embodied splits HS8 lines through the HS6 concordance and lists what has no intensity', async () => {
    // In the bundled concordance 720851 maps to ISIC 2410 and 2431, 010121 to 0141, 0142 and 0144 (equal shares);
    // intensities are given for 2410 and 0141 only: 50 × 1.9 + 10/3 × 0.5.
    const trade = file('trade.csv', 'hs_code,partner,amount\n72085120,DEU,100\n010121,FRA,10\n000000,ITA,5\n');
    const inten = file('intensity.csv', 'isic4,intensity,unit\n2410,1.9,tCO2 per tonne\n0141,0.5,tCO2 per tonne\n');
    const r = await runCli(['carbon', 'embodied', '--trade', trade, '--intensities', inten, '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out) as TradeEmbodiedOutput;
    expect(out.total.emissions).toBeCloseTo(50 * 1.9 + (10 / 3) * 0.5, 9);
    expect(out.unmatchedHs.map((u) => u.code)).toEqual(['000000']);
    expect(out.missingIntensities.map((u) => u.code)).toEqual(['0142', '0144', '2431']);
    expect(out.warnings.map((w) => w.code)).toEqual(expect.arrayContaining(['embodied.equal_split', 'embodied.unmatched_hs', 'embodied.missing_intensity']));
    expect(out.rows[0]?.line).toBe(2);
  });

  it('budget create / list / show, with versions', async () => {
    const made = await runCli(['carbon', 'budget', 'create', '--name', 'sh', '--zone', 'SH', '--path', 'linear', '--base-year', '2019', '--target-year', '2030', '--target-reduction', '0.3', '--json']);
    expect(made.code).toBe(0);
    expect(JSON.parse(made.out)).toMatchObject({ name: 'sh', version: 1 });
    const again = await runCli(['carbon', 'budget', 'create', '--name', 'sh', '--province', '310000', '--path', 'constant_rate', '--target-year', '2035', '--target-value', '150', '--json']);
    expect(JSON.parse(again.out)).toMatchObject({ version: 2 });
    const list = await runCli(['carbon', 'budget', 'list']);
    expect(list.out).toMatch(/sh\s+2/);
    const est = file('est.csv', 'year,value\n2020,190\n2021,195\n');
    const show = await runCli(['carbon', 'budget', 'show', 'sh', '--version', '1', '--estimates', est, '--json']);
    expect(show.code).toBe(0);
    const rep = JSON.parse(show.out) as BudgetReport;
    expect(rep.estimates).toHaveLength(2);
    expect(rep.tracking.rows[0]?.emissions).toBe(190);
    const text = await runCli(['carbon', 'budget', 'show', 'sh'], 'zh');
    expect(text.out).toContain('全省');
    expect(await runCli(['carbon', 'budget', 'create', '--name', 'x', '--zone', 'SH', '--province', '310000', '--target-year', '2030', '--target-reduction', '0.1'])).toMatchObject({ code: 2 });
  });

  it('--version of a subcommand is its own option; the program version only right after the name', async () => {
    expect((await runCli(['--version'])).out).toMatch(/^\d+\.\d+\.\d+/);
    const r = await runCli(['data', 'show', 'nothing-here', '--version', '2']);
    expect(r.err).toContain('dataset.not_found');
  });

  it('sectors lists the 47 CEADs sectors of a province', async () => {
    const r = await runCli(['carbon', 'sectors', '--province', '310000', '--year', '2019', '--json']);
    expect(JSON.parse(r.out).sectors).toHaveLength(47);
  });
});
