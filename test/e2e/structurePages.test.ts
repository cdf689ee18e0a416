import { statSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifacts, expectChart, fullPageShot, openBrowserSession, switchLanguage, type BrowserSession } from '../helpers/browserSession.js';

let session: BrowserSession;
let page: Page;
let server: BrowserSession['server'];

const HAN = /[\u4e00-\u9fff]/;

/**
 * An ILLUSTRATIVE long file for the complexity page: five made-up economies and six made-up products with a
 * nested export pattern (the values are invented; they only exercise the upload, the column choice and the run).
 */
function illustrativeExports(): string {
  const economies = ['ILLUSTRATIVE-A', 'ILLUSTRATIVE-B', 'ILLUSTRATIVE-C', 'ILLUSTRATIVE-D', 'ILLUSTRATIVE-E'];
  const products = ['P1', 'P2', 'P3', 'P4', 'P5', 'P6'];
  const rows = ['economy,hs_product,export_value'];
  economies.forEach((e, i) =>
    products.forEach((p, k) => {
      const v = k <= products.length - 1 - i ? 100 + 17 * ((i * 3 + k * 5) % 7) : 1 + ((i + k) % 3);
      rows.push(`${e},${p},${v}`);
    }),
  );
  return `${rows.join('\n')}\n`;
}

/** The same layout with a value that is not a number in row 3 (the header is row 1). */
const BAD_EXPORTS = ['economy,hs_product,export_value', 'ILLUSTRATIVE-A,P1,100', 'ILLUSTRATIVE-A,P2,n/a-value', 'ILLUSTRATIVE-B,P1,40', 'ILLUSTRATIVE-B,P2,60'].join('\n');

const toggleTo = (lang: 'zh' | 'en'): Promise<void> => switchLanguage(page, lang);
/** A full-page screenshot from the top, so that the sticky header sits where it belongs. */
const shoot = (name: string): Promise<void> => fullPageShot(page, name);

async function heatmapZones(): Promise<string[]> {
  return ((await page.getByTestId('similarity-heatmap-wrap').getAttribute('data-zones')) ?? '').split(',').filter(Boolean);
}

async function heatmapLabels(): Promise<string[]> {
  return ((await page.getByTestId('similarity-heatmap-wrap').getAttribute('data-labels')) ?? '').split('|').filter(Boolean);
}

beforeAll(async () => {
  session = await openBrowserSession();
  ({ page, server } = session);
});

afterAll(async () => {
  await session?.close();
});

describe('duplicate-competition page in headless Chromium', () => {
  it('draws the similarity heatmap of all 22 zones ordered by cluster, the cluster map, the pairs and the warnings in Chinese', async () => {
    await page.goto(`${server.url}#/structure/competition`);
    await page.getByTestId('structure-page').waitFor();
    await toggleTo('zh');
    expect(await page.getByTestId('nav-structure').getAttribute('aria-current')).toBe('page');
    expect(await page.getByTestId('nav-structure').textContent()).toBe('产业结构');
    expect(await page.getByTestId('structure-tab-competition').getAttribute('aria-current')).toBe('page');
    expect(await page.getByTestId('structure-tab-competition').textContent()).toBe('同质化竞争');

    await expectChart(page, 'similarity-heatmap');
    const zones = await heatmapZones();
    expect(zones).toHaveLength(22);
    expect(new Set(zones).size).toBe(22);
    const labels = await heatmapLabels();
    expect(labels).toHaveLength(22);
    for (const name of ['上海', '广东', '海南', '云南', '新疆']) expect(labels).toContain(name);
    // Yunnan has no verified positioning: it keeps its row and column, empty, at the end
    expect(zones.at(-1)).toBe('YN');
    expect(Number(await page.getByTestId('similarity-heatmap-wrap').getAttribute('data-cells'))).toBe(21 * 21);
    expect(await page.getByTestId('similarity-matrix').locator('tbody tr').count()).toBe(22);

    await expectChart(page, 'cluster-map');
    const clusters = (await page.getByTestId('similarity-clusters').textContent()) ?? '';
    expect(clusters).toContain('第 1 类');
    expect(clusters).toContain('未参与计算');
    const warnings = page.getByTestId('similarity-warnings');
    expect(await warnings.locator('[data-code="structure.zones_not_scored"]').textContent()).toContain('YN');
    expect(await warnings.textContent()).toMatch(HAN);

    const pairs = page.getByTestId('similarity-pairs');
    expect(await pairs.locator('tbody tr').count()).toBe(20);
    expect(await pairs.locator('tbody tr').first().locator('.code-chip').count()).toBeGreaterThan(0);
    expect(await pairs.locator('tbody tr').first().textContent()).toMatch(HAN);

    await page.waitForTimeout(800);
    await shoot('structure-competition-zh.png');
  });

  it('follows the language and the controls: English labels, IO-sector level, Yunnan scored with unverified entries', async () => {
    await toggleTo('en');
    await expect.poll(() => page.getByTestId('page-title').textContent()).toBe('Industrial structure');
    expect(await page.getByTestId('structure-tab-competition').textContent()).toBe('Duplicate competition');
    await expect.poll(async () => (await heatmapLabels()).includes('Shanghai')).toBe(true);
    expect(await heatmapLabels()).toContain('Yunnan');
    expect(await heatmapZones()).toHaveLength(22);
    expect(await page.getByTestId('similarity-warnings').textContent()).toContain('not scored');
    expect(await page.getByTestId('similarity-warnings').textContent()).not.toMatch(HAN);
    expect(await page.getByTestId('similarity-clusters').textContent()).toContain('Cluster 1');
    await page.waitForTimeout(800);
    await shoot('structure-competition-en.png');
    expect(statSync(`${artifacts}structure-competition-en.png`).size).toBeGreaterThan(50_000);

    await page.getByTestId('similarity-level').locator('[data-value="io42"]').click();
    await page.getByTestId('similarity-clusters-input').fill('3');
    await page.getByTestId('similarity-include-unverified').check();
    await expect.poll(() => page.getByTestId('similarity-heatmap-panel').locator('.result-lead').textContent()).toContain('IO sectors');
    await expectChart(page, 'similarity-heatmap');
    expect(await heatmapZones()).toHaveLength(22);
    await expect.poll(() => page.getByTestId('similarity-warnings').count()).toBe(0);
    expect(await page.getByTestId('similarity-clusters').locator('[data-cluster]').count()).toBe(3);
    expect(await page.getByTestId('similarity-clusters').locator('[data-cluster="none"]').count()).toBe(0);
    expect(Number(await page.getByTestId('similarity-heatmap-wrap').getAttribute('data-cells'))).toBe(22 * 22);
  });
});

describe('zone profile page in headless Chromium', () => {
  it('lists the sub-areas with unverified items marked and the source links, in Chinese and English', async () => {
    await page.goto(`${server.url}#/structure/profile?zone=SH`);
    await page.getByTestId('structure-page').waitFor();
    await toggleTo('zh');
    expect(await page.getByTestId('structure-tab-profile').getAttribute('aria-current')).toBe('page');
    expect(await page.getByTestId('profile-zone').inputValue()).toBe('SH');
    await page.getByTestId('profile-areas').waitFor();
    expect(await page.getByTestId('profile-area').count()).toBeGreaterThan(1);

    const bonded = page.locator('[data-testid="profile-area"][data-area="SH-BONDED"]');
    const unverified = bonded.locator('[data-testid="profile-item"][data-status="UNVERIFIED"]').first();
    expect(await unverified.getAttribute('class')).toContain('unverified');
    expect(await unverified.locator('[data-testid="unverified-mark"]').textContent()).toContain('未核实');
    expect(await unverified.locator('.badge').textContent()).toBe('未核实');
    expect(await unverified.locator('[data-testid="item-source"]').first().getAttribute('href')).toMatch(/^https?:\/\//);
    const decoration = await unverified.locator('.structure-item-name').evaluate((el) => getComputedStyle(el).textDecorationLine);
    expect(decoration).toContain('line-through');

    const verified = page.locator('[data-testid="profile-item"][data-status="VERIFIED_SECONDARY"]').first();
    expect(await verified.locator('.code-chip-sei').count()).toBeGreaterThan(0);
    expect(await verified.locator('[data-testid="item-source"]').count()).toBeGreaterThan(0);
    expect(await page.locator('[data-testid="profile-item"] .chip-digital').count()).toBeGreaterThan(0);

    const figures = (await page.getByTestId('profile-figures').textContent()) ?? '';
    expect(figures).toContain('数字经济占比');
    expect(figures).toMatch(/\d+%/);
    await expectChart(page, 'profile-sei-chart');
    expect(await page.getByTestId('profile-warnings').locator('[data-code="structure.unverified_excluded"]').count()).toBe(1);
    await page.waitForTimeout(600);
    await shoot('structure-profile-zh.png');

    await toggleTo('en');
    await expect.poll(() => unverified.locator('[data-testid="unverified-mark"]').textContent()).toContain('unverified');
    expect(await unverified.locator('.badge').textContent()).toBe('unverified');
    expect(await page.getByTestId('profile-figures').textContent()).toContain('Digital-economy share');
    expect(await page.getByTestId('profile-summary').locator('.result-lead').textContent()).toContain('verified and secondary-source items only');
    const counted = async () => Number(await page.getByTestId('profile-figures').locator('[data-figure="items"] .key-figure-value').textContent());
    const before = await counted();
    await page.getByTestId('profile-include-unverified').check();
    await expect.poll(() => page.getByTestId('profile-summary').locator('.result-lead').textContent()).toContain('unverified ones included');
    expect(await counted()).toBeGreaterThan(before);
    expect(await page.getByTestId('profile-warnings').count()).toBe(0);
    await page.waitForTimeout(600);
    await shoot('structure-profile-en.png');
    await page.getByTestId('profile-include-unverified').uncheck();
  });
});

describe('partner zones page in headless Chromium', () => {
  it('ranks the partners with score, chain link, overlap, distance and their reasons in both languages', async () => {
    await page.goto(`${server.url}#/structure/partners?zone=SH`);
    await page.getByTestId('structure-page').waitFor();
    await toggleTo('zh');
    await page.getByTestId('partners-list').waitFor();
    const partners = page.getByTestId('partner');
    expect(await partners.count()).toBe(20);
    const first = partners.first();
    for (const figure of ['score', 'chainLink', 'overlap', 'distance']) expect(await first.locator(`[data-figure="${figure}"]`).textContent()).toMatch(/\d/);
    const reasons = first.getByTestId('partner-reasons').locator('li');
    expect(await reasons.count()).toBeGreaterThan(1);
    expect(await first.getByTestId('partner-reasons').locator('[data-kind="overlap"]').textContent()).toContain('定位相似度');
    expect(await first.getByTestId('partner-reasons').textContent()).toMatch(/供给|流向/);
    expect(await page.getByTestId('partners-method').textContent()).toContain('得分');
    expect(await page.getByTestId('partners-not-scored').textContent()).toContain('云南');
    await page.waitForTimeout(400);
    await shoot('structure-partners-zh.png');

    await toggleTo('en');
    await expect.poll(() => first.getByTestId('partner-reasons').locator('[data-kind="overlap"]').textContent()).toContain('positioning similarity');
    expect(await first.getByTestId('partner-reasons').textContent()).not.toMatch(HAN);
    expect(await page.getByTestId('partners-method').textContent()).toContain('chain link');
    expect(await page.getByTestId('partners-not-scored').textContent()).toContain('Yunnan');
    await shoot('structure-partners-en.png');
  });
});

describe('industrial chain page in headless Chromium', () => {
  it('draws the chain of a sector for a zone with the linkages and the advice to complete, strengthen and extend it', async () => {
    await page.goto(`${server.url}#/structure/chain?zone=SH`);
    await page.getByTestId('structure-page').waitFor();
    await toggleTo('zh');
    await page.getByTestId('chain-sector').selectOption('20');
    expect(await page.getByTestId('chain-zone').inputValue()).toBe('SH');
    await expectChart(page, 'chain-diagram');
    expect(Number(await page.getByTestId('chain-diagram-wrap').getAttribute('data-suppliers'))).toBeGreaterThan(0);
    expect(Number(await page.getByTestId('chain-diagram-wrap').getAttribute('data-customers'))).toBeGreaterThan(0);
    const figures = (await page.getByTestId('chain-figures').textContent()) ?? '';
    expect(figures).toContain('后向关联');
    expect(figures).toContain('前向关联');
    const advice = page.getByTestId('chain-advice');
    expect(await advice.textContent()).toContain('强链');
    expect(await advice.textContent()).toContain('补链');
    expect(await advice.textContent()).toContain('延链');
    expect(await advice.locator('[data-advice="strengthen"] li').count()).toBeGreaterThan(0);
    expect(await advice.locator('[data-advice="complete"] li[data-code="14"]').textContent()).toContain('金属冶炼');
    expect(await page.getByTestId('chain-suppliers').locator('tbody tr[data-coverage="missing"]').count()).toBeGreaterThan(0);
    await page.waitForTimeout(800);
    await shoot('structure-chain-zh.png');

    await toggleTo('en');
    await expect.poll(() => advice.locator('[data-advice="strengthen"] .advice-title').textContent()).toBe('Strengthen the chain');
    expect(await advice.locator('[data-advice="complete"] .advice-title').textContent()).toBe('Complete the chain');
    expect(await advice.locator('[data-advice="extend"] .advice-title').textContent()).toBe('Extend the chain');
    expect(await advice.locator('[data-advice="complete"] li[data-code="14"]').textContent()).toContain('Smelting');
    expect(await advice.textContent()).not.toMatch(HAN);
    expect(await page.getByTestId('chain-figures').textContent()).toContain('Backward linkage');
    await expectChart(page, 'chain-diagram');
    await page.waitForTimeout(800);
    await shoot('structure-chain-en.png');

    // without a zone there is no coverage and no advice
    await page.getByTestId('chain-zone').selectOption('');
    await expect.poll(() => advice.textContent()).toContain('Choose a Pilot FTZ');
    await expectChart(page, 'chain-diagram');
  });
});

describe('economic complexity page in headless Chromium', () => {
  it('uploads an illustrative long file, takes the columns from its header and ranks the regions', async () => {
    await page.goto(`${server.url}#/structure/complexity`);
    await page.getByTestId('structure-page').waitFor();
    await toggleTo('zh');
    expect(await page.getByTestId('complexity-note').textContent()).toContain('虚构');
    expect(await page.getByTestId('complexity-run').isDisabled()).toBe(true);

    await page.getByTestId('complexity-file').setInputFiles({ name: 'illustrative-exports.csv', mimeType: 'text/csv', buffer: Buffer.from(illustrativeExports()) });
    await page.getByTestId('complexity-upload').click();
    await page.getByTestId('complexity-uploaded').waitFor();
    expect(await page.getByTestId('complexity-uploaded').textContent()).toContain('illustrative-exports.csv');
    const options = await page.getByTestId('complexity-region-col').locator('option').allTextContents();
    expect(options.join(' ')).toContain('economy');
    await page.getByTestId('complexity-region-col').selectOption('economy');
    await page.getByTestId('complexity-product-col').selectOption('hs_product');
    await page.getByTestId('complexity-value-col').selectOption('export_value');
    await page.getByTestId('complexity-opportunities-n').fill('5');
    await page.getByTestId('complexity-run').click();
    await page.getByTestId('complexity-results').waitFor({ timeout: 30_000 });

    const ranking = page.getByTestId('complexity-ranking');
    expect(await ranking.locator('tbody tr').count()).toBe(5);
    expect(await ranking.locator('thead').textContent()).toContain('ECI');
    expect(await ranking.locator('tbody tr').first().getAttribute('data-region')).toBe('ILLUSTRATIVE-A');
    expect(await page.getByTestId('complexity-counts').textContent()).toContain('30');
    await expectChart(page, 'complexity-products-chart');
    expect(Number(await page.getByTestId('complexity-products-wrap').getAttribute('data-points'))).toBe(6);

    await page.getByTestId('complexity-view').locator('[data-value="opportunities"]').click();
    await page.getByTestId('complexity-region').selectOption('ILLUSTRATIVE-D');
    await expectChart(page, 'complexity-opportunities-chart');
    expect(await page.getByTestId('complexity-opportunities').locator('tbody tr').count()).toBeGreaterThan(0);
    await page.waitForTimeout(800);
    await shoot('structure-complexity-zh.png');

    await toggleTo('en');
    await expect.poll(() => page.getByTestId('complexity-results-title').textContent()).toBe('Economic complexity');
    expect(await page.getByTestId('complexity-ranking-panel').locator('.panel-title').textContent()).toContain('ECI');
    expect(await page.getByTestId('complexity-template').textContent()).toContain('illustrative');
    expect(await page.getByTestId('complexity-note').textContent()).toContain('illustration');

    await page.getByTestId('complexity-method').locator('[data-value="fitness"]').click();
    await page.getByTestId('complexity-run').click();
    await expect.poll(() => page.getByTestId('complexity-ranking').locator('thead').textContent()).toContain('Fitness');
    expect(await page.getByTestId('complexity-ranking').locator('tbody tr').count()).toBe(5);
    await page.waitForTimeout(800);
    await shoot('structure-complexity-en.png');
  });

  it('shows the coded error naming row 3 for a value that is not a number, in the UI language', async () => {
    await toggleTo('en');
    await page.getByTestId('complexity-file').setInputFiles({ name: 'bad-exports.csv', mimeType: 'text/csv', buffer: Buffer.from(BAD_EXPORTS) });
    await page.getByTestId('complexity-upload').click();
    const error = page.getByTestId('complexity-upload-error');
    await error.waitFor();
    const en = (await error.textContent()) ?? '';
    expect(en).toContain('import.non_numeric');
    expect(en).toContain('row 3');
    expect(en).toContain('n/a-value');

    await toggleTo('zh');
    await expect.poll(() => error.textContent()).toContain('第 3 行');
    expect(await error.textContent()).toContain('import.non_numeric');
    await shoot('structure-complexity-error-zh.png');
  });
});
