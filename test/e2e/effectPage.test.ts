import { existsSync, mkdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webDistDir } from '../../src/core/paths.js';
import { startServer, type ServerHandle } from '../../src/server/index.js';
import { tempStore, type TempStore } from '../helpers/tempStore.js';

const CHROMIUM = process.env.FTZLAB_CHROMIUM ?? '/usr/bin/chromium';
const artifacts = fileURLToPath(new URL('../artifacts/', import.meta.url));

let t: TempStore;
let server: ServerHandle;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: install Debian's chromium (see .ci/run)`);
  if (!existsSync(`${webDistDir()}index.html`)) throw new Error('web/dist is missing: run `npm run build` first');
  mkdirSync(artifacts, { recursive: true });
  t = await tempStore();
  server = await startServer({ store: t.store, port: 0 });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  page = await browser.newPage({ viewport: { width: 1400, height: 1000 }, locale: 'zh-CN' });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  t?.cleanup();
});

/** A chart container has drawn once ECharts has put its canvas inside it. */
async function expectChart(testId: string): Promise<void> {
  const chart = page.getByTestId(testId);
  await chart.waitFor();
  await chart.locator('canvas, svg').first().waitFor();
  expect(await chart.locator('canvas, svg').count()).toBeGreaterThan(0);
}

describe('FTZ effect page in headless Chromium', () => {
  it('runs the default spec, draws the event study, lists the estimators and follows the language', async () => {
    await page.goto(`${server.url}#/effect`);
    await page.getByTestId('effect-page').waitFor();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toMatch(/^zh/);
    expect(await page.getByTestId('nav-effect').getAttribute('aria-current')).toBe('page');
    expect(await page.getByTestId('nav-effect').textContent()).toBe('政策效应');

    const outcome = page.getByTestId('effect-outcome');
    await outcome.waitFor();
    expect(await outcome.inputValue()).toBe('patent_grant_invention');
    expect(await page.getByTestId('effect-log').isChecked()).toBe(true);

    await page.getByTestId('effect-run').click();
    const results = page.getByTestId('effect-results');
    await results.waitFor({ timeout: 60_000 });

    await expectChart('event-study-chart');
    await expectChart('coef-plot');

    const estimates = page.getByTestId('effect-estimates');
    await estimates.locator('tbody tr').first().waitFor();
    expect(await estimates.locator('[data-estimator="twfe"]').count()).toBe(1);
    expect(await estimates.locator('[data-estimator="cs"]').count()).toBe(1);
    const text = (await estimates.textContent()) ?? '';
    expect(text).toContain('TWFE');
    expect(text).toContain("Callaway–Sant'Anna");
    expect(text).toMatch(/\[-?\d+\.\d{4}, -?\d+\.\d{4}\]/);

    // the timing table names the first-batch province and its year; the pre-test box says something either way
    const timing = page.getByTestId('effect-timing');
    expect(await timing.textContent()).toContain('2013');
    expect(await timing.textContent()).toContain('上海');
    expect(((await page.getByTestId('effect-pretest').textContent()) ?? '').length).toBeGreaterThan(10);
    expect(await page.getByTestId('effect-warnings').textContent()).toMatch(/[\u4e00-\u9fff]/);
    expect(await page.getByTestId('effect-sources').locator('li').count()).toBeGreaterThan(0);

    await page.waitForTimeout(800);
    await page.screenshot({ path: `${artifacts}effect-zh.png`, fullPage: true });

    const heading = page.getByTestId('effect-results-title');
    const zhHeading = await heading.textContent();
    expect(zhHeading).toMatch(/[\u4e00-\u9fff]/);
    await page.getByTestId('lang-toggle').click();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
    await expect.poll(() => heading.textContent()).not.toBe(zhHeading);
    expect(await heading.textContent()).not.toMatch(/[\u4e00-\u9fff]/);
    await expect.poll(() => page.getByTestId('page-title').textContent()).toContain('Did the Pilot FTZs work?');
    expect(await page.getByTestId('effect-note').textContent()).toContain('heterogeneity-robust');
    expect(await page.getByTestId('effect-warnings').textContent()).not.toMatch(/[\u4e00-\u9fff]/);
    await page.waitForTimeout(800);
    await page.screenshot({ path: `${artifacts}effect-en.png`, fullPage: true });
    expect(statSync(`${artifacts}effect-en.png`).size).toBeGreaterThan(50_000);
  });
});
