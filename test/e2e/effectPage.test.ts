import { statSync } from 'node:fs';
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

    await expectChart(page, 'event-study-chart');
    await expectChart(page, 'coef-plot');

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

  it('runs the placebo test, heterogeneity by location and a mechanism channel, in both languages', async () => {
    // back to Chinese: the previous test ends in English
    await page.getByTestId('lang-toggle').click();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toMatch(/^zh/);

    const fold = page.getByTestId('effect-robustness');
    expect(await fold.evaluate((el) => (el as HTMLDetailsElement).open)).toBe(false);
    await page.getByTestId('effect-robustness-toggle').click();
    expect(await fold.evaluate((el) => (el as HTMLDetailsElement).open)).toBe(true);
    expect(await page.getByTestId('effect-placebo-draws').inputValue()).toBe('0');
    await page.getByTestId('effect-placebo-draws').fill('100');
    expect(await page.locator('input[name="effect-placebo-mode"]:checked').getAttribute('value')).toBe('mixed');
    await page.getByTestId('effect-het-location').check();
    await page.getByTestId('effect-mediator-add').selectOption('rd_expenditure');
    expect(await page.getByTestId('effect-mediators').locator('[data-code="rd_expenditure"]').count()).toBe(1);
    // the outcome is logged, so the mediators are too
    expect(await page.getByTestId('effect-mediator-log').textContent()).toContain('对数');

    await page.getByTestId('effect-run').click();
    const placebo = page.getByTestId('effect-placebo-panel');
    await placebo.waitFor({ timeout: 180_000 });
    await expectChart(page, 'placebo-chart');
    expect(await page.getByTestId('placebo-p').textContent()).toMatch(/\d/);
    const facts = (await page.getByTestId('placebo-facts').textContent()) ?? '';
    expect(facts).toContain('100');
    expect(facts).toContain('20240101');

    const het = page.getByTestId('heterogeneity-location');
    await expectChart(page, 'het-plot-location');
    const hetZh = (await het.textContent()) ?? '';
    for (const g of ['沿海', '内陆', '沿边']) expect(hetZh).toContain(g);
    expect(await page.getByTestId('heterogeneity-location-verdict').textContent()).toContain('5%');
    expect(await page.getByTestId('heterogeneity-batch').count()).toBe(0);

    const limits = page.getByTestId('mechanism-limitations');
    expect(await limits.textContent()).toContain('不能识别因果中介效应');
    expect(await page.getByTestId('effect-mechanisms').locator('[data-mediator="rd_expenditure"]').count()).toBe(1);

    // the event-study chart as a PNG with a Chinese title
    const [zhPng] = await Promise.all([page.waitForEvent('download'), page.getByTestId('event-download').click()]);
    expect(zhPng.suggestedFilename()).toMatch(/^ftz-effect-event-study-patent_grant_invention-zh\.png$/);
    await zhPng.saveAs(`${artifacts}effect-event-study-zh.png`);
    expect(statSync(`${artifacts}effect-event-study-zh.png`).size).toBeGreaterThan(20_000);

    // the earlier checks still hold on the bigger run
    await expectChart(page, 'event-study-chart');
    expect(await page.getByTestId('effect-estimates').locator('[data-estimator="twfe"]').count()).toBe(1);

    await page.waitForTimeout(800);
    await page.screenshot({ path: `${artifacts}effect-robustness-zh.png`, fullPage: true });

    await page.getByTestId('lang-toggle').click();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
    await expect.poll(() => page.getByTestId('effect-placebo-panel').locator('.panel-title').textContent()).toBe('Placebo test');
    const hetEn = (await het.textContent()) ?? '';
    for (const g of ['Coastal', 'Inland', 'Border']) expect(hetEn).toContain(g);
    expect(hetEn).not.toMatch(/[\u4e00-\u9fff]/);
    const limitsEn = (await limits.textContent()) ?? '';
    expect(limitsEn).toContain('does not identify a causal mediation effect');
    expect(limitsEn).toContain('do not identify the causal mediation effect');
    expect(limitsEn).not.toMatch(/[\u4e00-\u9fff]/);
    const [enPng] = await Promise.all([page.waitForEvent('download'), page.getByTestId('event-download').click()]);
    expect(enPng.suggestedFilename()).toBe('ftz-effect-event-study-patent_grant_invention-en.png');
    await enPng.saveAs(`${artifacts}effect-event-study-en.png`);

    await page.waitForTimeout(800);
    await page.screenshot({ path: `${artifacts}effect-robustness-en.png`, fullPage: true });
    expect(statSync(`${artifacts}effect-robustness-en.png`).size).toBeGreaterThan(50_000);
  }, 300_000);
});
