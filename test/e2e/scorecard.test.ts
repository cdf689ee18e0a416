import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectChart, fullPageShot, openBrowserSession, switchLanguage, type BrowserSession } from '../helpers/browserSession.js';
import { unzipEntry } from '../helpers/unzip.js';

let session: BrowserSession;
let page: Page;
let server: BrowserSession['server'];

const HAN = /[\u4e00-\u9fff]/;
const PARTS = ['base', 'wing_inside', 'wing_between', 'wing_fta', 'nqpf', 'task_innovation', 'task_upgrading', 'task_green'];
const FIGURES = ['profile', 'effects', 'index_rank', 'index_map', 'index_trend'];
// the first scorecard on a fresh database runs the index and three effect estimations
const SLOW = { timeout: 60_000 };

interface Column {
  readonly name: string;
  readonly values: readonly (string | number | null)[];
}
interface ResultJson {
  readonly tables: readonly { readonly name: string; readonly columns: readonly Column[] }[];
}

const toggleTo = (lang: 'zh' | 'en'): Promise<void> => switchLanguage(page, lang);
const shoot = (name: string): Promise<void> => fullPageShot(page, name);

/** Pixels of a chart's canvas that are neither transparent nor near-white: a drawn chart has thousands. */
async function inkedPixels(testId: string): Promise<number> {
  return page
    .getByTestId(testId)
    .locator('canvas')
    .first()
    .evaluate((canvas: HTMLCanvasElement) => {
      const ctx = canvas.getContext('2d');
      if (!ctx || canvas.width === 0 || canvas.height === 0) return 0;
      const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
      let n = 0;
      for (let i = 0; i < data.length; i += 4) {
        if ((data[i + 3] ?? 0) > 0 && ((data[i] ?? 255) < 235 || (data[i + 1] ?? 255) < 235 || (data[i + 2] ?? 255) < 235)) n++;
      }
      return n;
    });
}

async function expectDrawn(testId: string): Promise<void> {
  await expectChart(page, testId);
  await expect.poll(() => inkedPixels(testId), { timeout: 15_000 }).toBeGreaterThan(1000);
}

/** The part headings the server gives for a zone, in the order it lists the parts. */
async function partHeadings(zone: string, lang: 'zh' | 'en'): Promise<string[]> {
  const res = await fetch(`${server.url}api/scorecard/result`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ zone }) });
  const result = (await res.json()) as ResultJson;
  const card = result.tables.find((t) => t.name === 'scorecard');
  const labels = card?.columns.find((c) => c.name === (lang === 'zh' ? 'part_zh' : 'part_en'))?.values ?? [];
  return [...new Set(labels.map(String))];
}

async function openScorecard(lang: 'zh' | 'en'): Promise<void> {
  await page.goto(`${server.url}#/scorecard/SH`);
  await page.getByTestId('scorecard-page').waitFor();
  await toggleTo(lang);
  await page.getByTestId('sc-part').first().waitFor(SLOW);
}

beforeAll(async () => {
  session = await openBrowserSession();
  ({ page, server } = session);
});

afterAll(async () => {
  await session?.close();
});

for (const lang of ['zh', 'en'] as const) {
  describe(`scorecard pages in headless Chromium (${lang})`, () => {
    it('shows the eight parts of the SH scorecard with values, ranks, a missing item with its reason, and drawn charts', async () => {
      await openScorecard(lang);
      expect(await page.getByTestId('nav-scorecard').getAttribute('aria-current')).toBe('page');
      expect(await page.getByTestId('nav-scorecard').textContent()).toBe(lang === 'zh' ? '评分卡' : 'Scorecard');
      expect(await page.getByTestId('scorecard-page').getAttribute('data-zone')).toBe('SH');
      expect(await page.getByTestId('sc-zone').inputValue()).toBe('SH');
      expect(await page.getByTestId('sc-zone').locator('option').count()).toBe(22);
      expect(await page.getByTestId('page-title').textContent()).toContain(lang === 'zh' ? '上海' : 'Shanghai');

      // all eight parts, in the server's order and words
      const parts = page.getByTestId('sc-part');
      expect(await parts.count()).toBe(8);
      expect(await parts.evaluateAll((els) => els.map((e) => e.getAttribute('data-part')))).toEqual(PARTS);
      const headings = await page.getByTestId('sc-part-title').allTextContents();
      expect(headings).toEqual(await partHeadings('SH', lang));
      for (const h of headings) {
        if (lang === 'zh') expect(h).toMatch(HAN);
        else expect(h).not.toMatch(HAN);
      }

      // R&D intensity: a number with its unit and year, ranked among the hosts of the 22 zones
      const rd = page.locator('[data-testid="sc-item"][data-key="rd_intensity"]');
      expect(await rd.count()).toBe(1);
      expect(await rd.getAttribute('data-missing')).toBe('false');
      expect(await rd.locator('th').textContent()).toContain(lang === 'zh' ? '研发投入强度' : 'R&D intensity');
      const rdValue = (await rd.getByTestId('sc-value').textContent()) ?? '';
      expect(rdValue).toMatch(/^\d+(\.\d+)?%$/);
      expect(Number(await rd.getByTestId('sc-value').getAttribute('data-value'))).toBeGreaterThan(0);
      const rank = (await rd.getByTestId('sc-rank').textContent()) ?? '';
      expect(rank).toMatch(lang === 'zh' ? /^\d+\/22（自贸试验区所在省份）$/ : /^\d+\/22 \(FTZ hosts\)$/);
      expect(Number(await rd.getByTestId('sc-rank').getAttribute('data-rank'))).toBeGreaterThanOrEqual(1);
      expect(await rd.getByTestId('sc-trend').textContent()).toMatch(/[↑↓→]/);
      expect(await rd.getByTestId('sc-source-id').first().getAttribute('href')).toBe('#/sources');

      // the index is ranked among provinces, with its rank interval from the uncertainty runs
      const nqpf = page.locator('[data-testid="sc-item"][data-key="nqpf_index"]');
      expect(await nqpf.getByTestId('sc-rank').textContent()).toMatch(lang === 'zh' ? /^\d+\/30（省份）$/ : /^\d+\/30 \(provinces\)$/);
      expect(await nqpf.getByTestId('sc-interval').textContent()).toMatch(lang === 'zh' ? /^位次区间 \d+–\d+（5%–95%）$/ : /^rank range \d+–\d+ \(5–95 %\)$/);
      expect(await nqpf.getByTestId('sc-command').textContent()).toMatch(/^ftzlab index run /);
      const effect = page.locator('[data-testid="sc-item"][data-part="task_innovation"][data-key="ftz_effect_innovation"]');
      expect(await effect.getByTestId('sc-interval').textContent()).toMatch(lang === 'zh' ? /^95% 置信区间 \[/ : /^95 % CI \[/);

      // the FTA wing has no trade data: missing, with the reason, and no number anywhere in the row
      const fta = page.locator('[data-testid="sc-item"][data-part="wing_fta"][data-key="complementarity_rcep"]');
      expect(await fta.getAttribute('data-missing')).toBe('true');
      const missing = fta.getByTestId('sc-missing');
      expect(await missing.locator('.sc-missing-badge').textContent()).toBe(lang === 'zh' ? '缺失' : 'missing');
      expect(await missing.textContent()).toContain(lang === 'zh' ? '需要导入贸易数据' : 'needs trade data');
      expect(await fta.getByTestId('sc-value').count()).toBe(0);
      expect(await missing.isVisible()).toBe(true);
      expect(await page.locator('[data-testid="sc-item"][data-missing="true"]').count()).toBeGreaterThanOrEqual(2);

      if (lang === 'en') {
        for (const text of await parts.allTextContents()) expect(text).not.toMatch(HAN);
      }

      for (const f of FIGURES) await expectDrawn(`sc-chart-${f}`);
      await page.getByTestId('sc-conventions').locator('summary').click();
      await page.getByTestId('sc-conventions').locator('table').waitFor();
      expect(await page.getByTestId('sc-conventions').textContent()).toContain(lang === 'zh' ? '指标体系' : 'Framework');
      expect(await page.getByTestId('sc-report-pdf').getAttribute('href')).toBe(`api/report?zone=SH&lang=${lang}&format=pdf`);
      expect(await page.getByTestId('sc-report-docx').getAttribute('href')).toBe(`api/report?zone=SH&lang=${lang}&format=docx`);
      if (lang === 'zh') {
        const [pdf] = await Promise.all([page.waitForEvent('download', SLOW), page.getByTestId('sc-report-pdf').click()]);
        expect((await readFile(await pdf.path())).subarray(0, 5).toString('latin1')).toBe('%PDF-');
      }
      await page.waitForTimeout(600);
      await shoot(`scorecard-${lang}.png`);
    }, 120_000);

    it('applies hand-set dimension weights as a what-if and lists the changed NQPF index against the baseline', async () => {
      await openScorecard(lang);
      const inputs = page.getByTestId('sc-dim-weight');
      expect(await inputs.count()).toBeGreaterThanOrEqual(2);
      await inputs.nth(0).fill('1');
      await inputs.nth(1).fill('3');
      expect(await page.getByTestId('sc-dimensions').textContent()).toContain(lang === 'zh' ? '手动设定' : 'set by hand');
      await page.getByTestId('sc-apply').click();
      const table = page.getByTestId('sc-whatif-table');
      await table.waitFor(SLOW);
      const row = table.locator('[data-testid="sc-whatif-row"][data-part="nqpf"]').first();
      await row.waitFor();
      expect(await row.textContent()).toContain(lang === 'zh' ? '新质生产力综合指数' : 'NQPF index');
      expect(await row.getByTestId('sc-whatif-rank').textContent()).toMatch(/^\d+ → \d+/);
      expect(await page.getByTestId('sc-results').getAttribute('data-what-if')).toBe('true');
      // the sections now show the what-if, the changed item marked
      const indexItem = page.locator('[data-testid="sc-item"][data-key="nqpf_index"]');
      expect(await indexItem.getAttribute('data-changed')).toBe('true');
      expect(await indexItem.locator('.sc-changed').textContent()).toBe(lang === 'zh' ? '与基准不同' : 'differs from the baseline');
      expect(await page.locator('[data-testid="sc-item"][data-key="rd_intensity"]').getAttribute('data-changed')).toBe('false');
      const shownIndex = await indexItem.getByTestId('sc-value').getAttribute('data-value');
      const cells = await row.locator('td.num').allTextContents();
      expect(cells[0]).not.toBe(cells[1]);
      expect(Number(shownIndex)).toBeGreaterThan(0);
      if (lang === 'en') {
        expect(await page.getByTestId('sc-whatif').textContent()).not.toMatch(HAN);
        await page.waitForTimeout(600);
        await shoot('scorecard-whatif-en.png');
      }

      // The report follows the applied settings: the Word file records the hand-set weights in its spec.
      const [download] = await Promise.all([page.waitForEvent('download', SLOW), page.getByTestId('sc-report-docx').click()]);
      expect(download.suggestedFilename()).toBe(`ftz-scorecard-SH-${lang}.docx`);
      const docx = await readFile(await download.path());
      expect(unzipEntry(docx, 'docProps/core.xml')).toMatch(/&quot;dimensions&quot;: \[\s*1,\s*3\s*\]/);

      await page.getByTestId('sc-reset').click();
      await expect.poll(() => page.getByTestId('sc-whatif-table').count()).toBe(0);
      expect(await page.getByTestId('sc-results').getAttribute('data-what-if')).toBe('false');
      expect(await page.getByTestId('sc-dim-weight').nth(0).inputValue()).not.toBe('1');
    }, 120_000);

    it('compares the 22 zones: a sortable table with missing cells as dashes, the map and one radar per zone', async () => {
      await page.goto(`${server.url}#/compare`);
      await page.getByTestId('compare-page').waitFor();
      await toggleTo(lang);
      expect(await page.getByTestId('nav-compare').getAttribute('aria-current')).toBe('page');
      const table = page.getByTestId('compare-table');
      await table.waitFor(SLOW);
      const rows = table.getByTestId('compare-row');
      expect(await rows.count()).toBe(22);
      const firstZone = await rows.first().getAttribute('data-zone');
      expect(await rows.first().getByTestId('compare-zone-link').getAttribute('href')).toBe(`#/scorecard/${firstZone}`);

      // Yunnan has no verified positioning: its positioning cells are missing, never 0
      const gaps = table.getByTestId('compare-missing');
      expect(await gaps.count()).toBeGreaterThan(0);
      expect(await gaps.first().textContent()).toBe('—');
      expect(await gaps.first().getAttribute('title')).toBe(lang === 'zh' ? '缺失' : 'missing');
      expect(await table.locator('[data-testid="compare-row"][data-zone="YN"] [data-testid="compare-missing"]').count()).toBeGreaterThan(0);

      // sorting by the index puts the highest first, then the lowest
      await page.getByTestId('compare-sort-nqpf_index').click();
      await expect.poll(() => rows.first().getAttribute('data-zone')).not.toBe(firstZone);
      const valuesOf = async () =>
        rows.evaluateAll((trs) =>
          trs.map((tr) => {
            const th = [...(tr.closest('table')?.querySelectorAll('thead th') ?? [])];
            const col = th.findIndex((h) => h.querySelector('[data-testid="compare-sort-nqpf_index"]'));
            return Number(tr.children[col]?.getAttribute('data-value'));
          }),
        );
      const desc = await valuesOf();
      expect(desc[0]).toBe(Math.max(...desc));
      expect(await table.locator('th[aria-sort="descending"]').count()).toBe(1);
      await page.getByTestId('compare-sort-nqpf_index').click();
      await expect.poll(async () => (await valuesOf())[0]).toBe(Math.min(...desc));

      await expectDrawn('compare-map');
      const radars = page.getByTestId('compare-radar');
      expect(await radars.count()).toBe(22);
      for (const zone of ['SH', 'YN', 'XJ']) await expectDrawn(`compare-radar-${zone}`);
      expect(await page.getByTestId('compare-axis-key').locator('li').count()).toBe(7);
      if (lang === 'en') expect(await table.textContent()).not.toMatch(HAN);
      await page.waitForTimeout(600);
      await shoot(`compare-${lang}.png`);
    }, 120_000);
  });
}
