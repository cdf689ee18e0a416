import { readFileSync, statSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifacts, expectChart, openBrowserSession, switchLanguage, type BrowserSession } from '../helpers/browserSession.js';

let session: BrowserSession;
let page: Page;
let server: BrowserSession['server'];

const HAN = /[\u4e00-\u9fff]/;

/** A small shipment file of CBAM goods from China (quantities made up for the test). */
const SHIPMENTS = [
  'cn_code,origin,quantity_t,year,declarant',
  '72071111,CHN,120,2026,test-declarant',
  '25232900,CHN,300,2026,test-declarant',
  '31021019,CHN,80,2026,test-declarant',
].join('\n');

const toggleTo = (lang: 'zh' | 'en'): Promise<void> => switchLanguage(page, lang);

beforeAll(async () => {
  session = await openBrowserSession();
  ({ page, server } = session);
});

afterAll(async () => {
  await session?.close();
});

describe('carbon budget page in headless Chromium', () => {
  it('creates a budget for the Shanghai FTZ in Chinese and shows the chart, key figures, boundary and sectors', async () => {
    await page.goto(`${server.url}#/budget`);
    await page.getByTestId('budget-page').waitFor();
    await toggleTo('zh');
    expect(await page.getByTestId('nav-budget').getAttribute('aria-current')).toBe('page');
    expect(await page.getByTestId('nav-budget').textContent()).toBe('碳预算');
    await page.getByTestId('budget-list').waitFor();
    expect(await page.getByTestId('budget-list').textContent()).toContain('还没有预算');

    await page.getByTestId('budget-zone').selectOption('SH');
    expect(await page.getByTestId('budget-base-year').inputValue()).toBe('2019');
    await page.getByTestId('budget-target-year').fill('2030');
    await page.getByTestId('budget-reduction').fill('20');
    await page.getByTestId('budget-name').fill('sh-2030');
    await page.getByTestId('budget-create').click();
    await page.getByTestId('budget-created').waitFor();
    expect(await page.getByTestId('budget-created').textContent()).toContain('sh-2030');

    const report = page.getByTestId('budget-report');
    await report.waitFor();
    await expectChart(page, 'budget-chart');
    expect(await page.getByTestId('budget-report-title').textContent()).toContain('sh-2030');
    const figures = (await page.getByTestId('budget-figures').textContent()) ?? '';
    for (const label of ['预算总量', '已用', '剩余', '按趋势耗尽年份']) expect(figures).toContain(label);
    expect(figures).toMatch(/\d/);
    const boundary = (await page.getByTestId('budget-boundary').textContent()) ?? '';
    expect(boundary).toContain('全省边界');
    expect(boundary).toContain('并非试验区范围');
    expect(await page.getByTestId('budget-warnings').textContent()).toMatch(HAN);
    expect(await page.getByTestId('budget-list').locator('[data-budget="sh-2030@1"]').count()).toBe(1);

    await expectChart(page, 'sector-chart');
    await expect.poll(() => page.getByTestId('sector-panel').locator('.panel-title').textContent()).toMatch(/上海.*2019/);
    expect(await page.getByTestId('sector-sources').locator('li').count()).toBeGreaterThan(0);

    await page.waitForTimeout(800);
    await page.screenshot({ path: `${artifacts}carbon-budget-zh.png`, fullPage: true });
  });

  it('follows the language and creates a province budget in English', async () => {
    await toggleTo('en');
    await expect.poll(() => page.getByTestId('page-title').textContent()).toBe('Carbon budgets');
    await expect.poll(() => page.getByTestId('budget-boundary').textContent()).toContain('whole-province boundary');
    const figuresEn = (await page.getByTestId('budget-figures').textContent()) ?? '';
    for (const label of ['Total budget', 'Used to date', 'Remaining', 'Year of exhaustion on trend']) expect(figuresEn).toContain(label);
    expect(figuresEn).not.toMatch(HAN);

    await page.getByTestId('budget-scope-kind').locator('[data-value="province"]').click();
    await page.getByTestId('budget-province').selectOption('440000');
    await page.getByTestId('budget-path-kind').locator('input[value="constant_rate"]').check();
    await page.getByTestId('budget-name').fill('gd-2035');
    await page.getByTestId('budget-target-year').fill('2035');
    await page.getByTestId('budget-reduction').fill('30');
    await page.getByTestId('budget-create').click();
    await expect.poll(() => page.getByTestId('budget-report-title').textContent(), { timeout: 20_000 }).toContain('gd-2035');
    await expectChart(page, 'budget-chart');
    const boundary = (await page.getByTestId('budget-boundary').textContent()) ?? '';
    expect(boundary).toContain('whole-province boundary');
    expect(boundary).not.toMatch(HAN);
    expect(await page.getByTestId('budget-figures').textContent()).toContain('Remaining');
    expect(await page.getByTestId('budget-warnings').textContent()).not.toMatch(HAN);
    await expectChart(page, 'sector-chart');
    await expect.poll(() => page.getByTestId('sector-panel').locator('.panel-title').textContent()).toMatch(/Guangdong.*2019/);
    expect(await page.getByTestId('budget-list').locator('tbody tr').count()).toBe(2);

    await page.waitForTimeout(800);
    await page.screenshot({ path: `${artifacts}carbon-budget-en.png`, fullPage: true });
    expect(statSync(`${artifacts}carbon-budget-en.png`).size).toBeGreaterThan(50_000);
  });
});

describe('CBAM exposure page in headless Chromium', () => {
  it('calculates a shipment file with unverified values allowed and shows totals and cited default values', async () => {
    await page.goto(`${server.url}#/cbam`);
    await page.getByTestId('cbam-page').waitFor();
    await toggleTo('zh');
    expect(await page.getByTestId('nav-cbam').getAttribute('aria-current')).toBe('page');
    const allow = page.getByTestId('cbam-allow-unverified');
    expect(await allow.isChecked()).toBe(false);
    expect(await page.getByTestId('cbam-unverified-hint').textContent()).toContain('两份独立解析');

    await page.getByTestId('cbam-file').setInputFiles({ name: 'shipments.csv', mimeType: 'text/csv', buffer: Buffer.from(SHIPMENTS) });
    await page.getByTestId('cbam-price').fill('80');
    await allow.check();
    await page.getByTestId('cbam-run').click();
    await page.getByTestId('cbam-results').waitFor({ timeout: 30_000 });

    const totals = (await page.getByTestId('cbam-totals').textContent()) ?? '';
    expect(totals).toContain('货物总量');
    expect(totals).toContain('500');
    expect(totals).toContain('欧元');
    const lines = page.getByTestId('cbam-lines');
    expect(await lines.locator('tbody tr').count()).toBe(3);
    const citation = (await lines.locator('[data-row="2"] [data-testid="cbam-citation"]').textContent()) ?? '';
    expect(citation).toContain('2025/2621');
    expect(await lines.locator('[data-row="2"] [data-status="secondary"]').count()).toBe(1);
    await expectChart(page, 'cbam-chart');
    expect(await page.getByTestId('cbam-products').locator('tbody tr').count()).toBe(3);
    expect(await page.getByTestId('cbam-warnings').textContent()).toContain('cbam.unverified_law_used');
    expect(await page.getByTestId('cbam-threshold').textContent()).toContain('test-declarant');

    const law = page.getByTestId('cbam-law');
    expect(await law.evaluate((el) => (el as HTMLDetailsElement).open)).toBe(false);
    await law.locator('summary').click();
    expect(await page.getByTestId('cbam-law-used').locator('tbody tr').count()).toBeGreaterThan(5);

    await page.waitForTimeout(800);
    await page.screenshot({ path: `${artifacts}carbon-cbam-zh.png`, fullPage: true });

    await toggleTo('en');
    await expect.poll(() => page.getByTestId('cbam-results-title').textContent()).toBe('CBAM exposure');
    expect(await page.getByTestId('cbam-totals').textContent()).toContain('Total quantity');
    expect(await page.getByTestId('cbam-warnings').textContent()).not.toMatch(HAN);
    await page.waitForTimeout(800);
    await page.screenshot({ path: `${artifacts}carbon-cbam-en.png`, fullPage: true });
    expect(statSync(`${artifacts}carbon-cbam-en.png`).size).toBeGreaterThan(50_000);
  });

  it('offers a sample template labelled illustrative that the calculator accepts', async () => {
    await toggleTo('en');
    expect(await page.getByTestId('cbam-template').textContent()).toContain('illustrative');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('cbam-template').click()]);
    expect(download.suggestedFilename()).toBe('cbam-shipments-template-illustrative.csv');
    const path = `${artifacts}cbam-shipments-template-illustrative.csv`;
    await download.saveAs(path);
    const text = readFileSync(path, 'utf8');
    expect(text.split('\r\n')[0]).toBe('cn_code,origin,quantity_t,year,direct_tco2_per_t,indirect_tco2_per_t,carbon_price_paid_eur_per_t,benchmark_tco2_per_t,declarant');
    expect(text).toContain('ILLUSTRATIVE');

    await page.getByTestId('cbam-file').setInputFiles(path);
    await page.getByTestId('cbam-run').click();
    await expect.poll(() => page.getByTestId('cbam-results').getAttribute('aria-busy')).toBe('false');
    await expect.poll(() => page.getByTestId('cbam-results').textContent()).toContain('cbam-shipments-template-illustrative.csv');
    expect(await page.getByTestId('cbam-lines').locator('tbody tr').count()).toBe(5);
    expect(await page.getByTestId('cbam-lines').locator('[data-row="6"]').textContent()).toContain('actual values');
  });

  it('shows the coded error naming row 2 for an unknown CN code, in the UI language', async () => {
    const bad = 'cn_code,origin,quantity_t,year\n84713000,CHN,10,2026\n';
    await page.getByTestId('cbam-file').setInputFiles({ name: 'bad-shipments.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
    await page.getByTestId('cbam-run').click();
    const error = page.getByTestId('cbam-error');
    await error.waitFor();
    const en = (await error.textContent()) ?? '';
    expect(en).toContain('carbon.unknown_cn_code');
    expect(en).toContain('row 2');
    expect(en).toContain('84713000');
    expect(await page.getByTestId('cbam-results').count()).toBe(0);

    await toggleTo('zh');
    await expect.poll(() => error.textContent()).toContain('第 2 行');
    expect(await error.textContent()).toContain('carbon.unknown_cn_code');
    await page.screenshot({ path: `${artifacts}carbon-cbam-error-zh.png`, fullPage: true });
  });
});
