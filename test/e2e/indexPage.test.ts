import { readFileSync, statSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifacts, expectChart, openBrowserSession, type BrowserSession } from '../helpers/browserSession.js';

let session: BrowserSession;
let page: Page;
let server: BrowserSession['server'];

beforeAll(async () => {
  session = await openBrowserSession();
  ({ page, server } = session);
});

afterAll(async () => {
  await session?.close();
});

describe('NQPF index page in headless Chromium', () => {
  it('runs the default framework, draws the results, follows the language and exports XLSX', async () => {
    await page.goto(`${server.url}#/index`);
    await page.getByTestId('index-page').waitFor();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toMatch(/^zh/);
    expect(await page.getByTestId('nav-index').getAttribute('aria-current')).toBe('page');

    const select = page.getByTestId('framework-select');
    await select.waitFor();
    expect(await select.inputValue()).toBe('nqpf-three-elements');
    await page.getByTestId('framework-more').locator('summary').click();
    await expect.poll(() => page.getByTestId('framework-more').textContent()).toContain('人均受教育年限');

    await page.getByTestId('replications').fill('50');
    await page.getByTestId('index-run').click();
    const results = page.getByTestId('index-results');
    await results.waitFor({ timeout: 60_000 });

    await expectChart(page, 'index-map');
    await page.getByTestId('index-ranking').locator('tbody tr').first().waitFor();
    expect(await page.getByTestId('index-ranking').locator('tbody tr').count()).toBe(31);
    const weights = page.getByTestId('weights-table');
    await weights.waitFor();
    expect(await weights.locator('tbody tr').count()).toBeGreaterThan(3);
    expect(await weights.textContent()).toMatch(/[\u4e00-\u9fff]/);
    await expectChart(page, 'moran-scatter');
    await expectChart(page, 'lisa-map');
    await expectChart(page, 'dagum-chart');
    await expectChart(page, 'kde-chart');
    await expectChart(page, 'rank-uncertainty');
    await page.getByTestId('markov-table').waitFor();
    expect(await page.getByTestId('markov-tests').textContent()).toContain('LR');

    // the Dagum grouping switch redraws with another grouping
    await page.getByTestId('dagum-grouping').locator('[data-value="ftz"]').click();
    await expect.poll(() => page.getByTestId('dagum-grouping').locator('[data-value="ftz"]').getAttribute('aria-pressed')).toBe('true');

    await page.waitForTimeout(800);
    await page.screenshot({ path: `${artifacts}index-zh.png`, fullPage: true });

    const heading = page.getByTestId('results-title');
    const zhHeading = await heading.textContent();
    expect(zhHeading).toMatch(/[\u4e00-\u9fff]/);
    await page.getByTestId('lang-toggle').click();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
    await expect.poll(() => heading.textContent()).not.toBe(zhHeading);
    expect(await heading.textContent()).not.toMatch(/[\u4e00-\u9fff]/);
    await expect.poll(() => page.getByTestId('page-title').textContent()).toContain('NQPF');
    await page.waitForTimeout(800);
    await page.screenshot({ path: `${artifacts}index-en.png`, fullPage: true });
    expect(statSync(`${artifacts}index-en.png`).size).toBeGreaterThan(50_000);

    const download = page.waitForEvent('download');
    await page.getByTestId('export-xlsx').click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/\.xlsx$/);
    const saved = `${artifacts}nqpf-index.xlsx`;
    await file.saveAs(saved);
    // an XLSX file is a ZIP archive
    expect(readFileSync(saved).subarray(0, 2).toString('latin1')).toBe('PK');
  });

  it('shows the server’s coded error when the spec is refused', async () => {
    await page.getByTestId('norm-method').selectOption('zscore');
    await page.getByTestId('weights-method').selectOption('critic');
    await page.getByTestId('aggregation-method').selectOption('geometric');
    await page.getByTestId('replications').fill('0');
    await page.getByTestId('index-run').click();
    const error = page.getByTestId('index-error');
    await error.waitFor({ timeout: 60_000 });
    expect(await error.textContent()).toContain('index.nonpositive_geometric');
    await page.screenshot({ path: `${artifacts}index-error-en.png` });
  });
});
