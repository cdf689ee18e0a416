import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifacts, openBrowserSession, type BrowserSession } from '../helpers/browserSession.js';

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

describe('dashboard in headless Chromium', () => {
  it('opens the home page in Chinese with the map, switches to English, opens a zone page, and saves screenshots', async () => {
    await page.goto(server.url);
    await page.getByTestId('map').waitFor();
    await page.getByTestId('zone-link-SH').waitFor();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toMatch(/^zh/);
    expect(await page.getByTestId('page-title').textContent()).toMatch(/[\u4e00-\u9fff]/);
    await page.waitForTimeout(800);
    await page.screenshot({ path: `${artifacts}home-zh.png`, fullPage: true });

    await page.getByTestId('lang-toggle').click();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
    await expect.poll(() => page.getByTestId('page-title').textContent()).not.toMatch(/[\u4e00-\u9fff]/);
    await page.screenshot({ path: `${artifacts}home-en.png`, fullPage: true });

    await page.getByTestId('zone-link-SH').first().click();
    const zonePage = page.getByTestId('zone-page');
    await zonePage.waitFor();
    expect(await zonePage.getAttribute('data-zone')).toBe('SH');
    await expect.poll(() => zonePage.textContent()).toContain('Lingang');
    await page.waitForTimeout(500);
    await page.screenshot({ path: `${artifacts}zone-SH-en.png`, fullPage: true });
    expect(readFileSync(`${artifacts}zone-SH-en.png`).length).toBeGreaterThan(10_000);
  });

  it('shows a GBK CSV imported by a user in the indicator explorer', async () => {
    const bytes = readFileSync(new URL('../fixtures/excel_gbk_wide.csv', import.meta.url));
    const res = await fetch(new URL('api/datasets?dataset=我的GDP&file_name=gdp.csv', server.url), { method: 'POST', body: bytes });
    expect(res.status).toBe(201);
    // The page was opened before the import: going to the explorer must show it without a reload.
    await page.getByTestId('nav-explorer').click();
    await page.getByTestId('explorer').waitFor();
    const select = page.getByTestId('indicator-select');
    await select.waitFor();
    await expect.poll(async () => (await select.locator('option').allTextContents()).join('|')).toContain('地区生产总值（亿元）');
    const value = await select.locator('option', { hasText: '地区生产总值（亿元）' }).first().getAttribute('value');
    await select.selectOption(value ?? '');
    await page.getByTestId('explorer-chart').waitFor();
    await page.waitForTimeout(500);
    await page.screenshot({ path: `${artifacts}explorer-user-dataset.png`, fullPage: true });
  });

  it('imports a GBK CSV from the explorer’s import form and draws it at once', async () => {
    await page.getByTestId('import-panel').locator('summary').click();
    await page.getByTestId('import-file').setInputFiles(fileURLToPath(new URL('../fixtures/excel_gbk_wide.csv', import.meta.url)));
    await page.getByTestId('import-name').fill('上传GDP');
    await page.getByTestId('import-submit').click();
    await page.getByTestId('import-done').waitFor();
    expect(await page.getByTestId('import-done').textContent()).toMatch(/18/);
    await expect.poll(() => page.getByTestId('indicator-select').inputValue()).toBe('上传GDP.地区生产总值（亿元）');
    await page.getByTestId('explorer-chart').waitFor();
    await page.screenshot({ path: `${artifacts}explorer-upload.png`, fullPage: true });
  });

  it('shows the server’s coded error when an uploaded file is bad', async () => {
    const bad = `${artifacts}bad.csv`;
    writeFileSync(bad, '地区,年份,x\n上海,2020,1\n北京,2020,2\n天津,2020,abc\n');
    await page.getByTestId('import-file').setInputFiles(bad);
    await page.getByTestId('import-submit').click();
    await page.getByTestId('import-error').waitFor();
    expect(await page.getByTestId('import-error').textContent()).toContain('import.non_numeric');
  });
});
