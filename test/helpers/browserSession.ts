import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { webDistDir } from '../../src/core/paths.js';
import { startServer, type ServerHandle } from '../../src/server/index.js';
import { tempStore, type TempStore } from './tempStore.js';

export const CHROMIUM = process.env.FTZLAB_CHROMIUM ?? '/usr/bin/chromium';
export const artifacts = fileURLToPath(new URL('../artifacts/', import.meta.url));

export interface BrowserSession {
  readonly store: TempStore;
  readonly server: ServerHandle;
  readonly browser: Browser;
  readonly page: Page;
  close(): Promise<void>;
}

/**
 * A fresh database, the real server on a free loopback port and Debian's headless Chromium with one page
 * (Chinese locale), for the end-to-end tests. Chromium's background networking is off: this machine has no
 * network, and its refused connections would slow every start.
 */
export async function openBrowserSession(): Promise<BrowserSession> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: install Debian's chromium (see .ci/run)`);
  if (!existsSync(`${webDistDir()}index.html`)) throw new Error('web/dist is missing: run `npm run build` first');
  mkdirSync(artifacts, { recursive: true });
  const store = await tempStore();
  const server = await startServer({ store: store.store, port: 0 });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 }, locale: 'zh-CN', acceptDownloads: true });
  return {
    store, server, browser, page,
    close: async () => {
      await browser.close();
      await server.close();
      store.cleanup();
    },
  };
}

/** A chart container has drawn once ECharts has put its canvas (or SVG) inside it. */
export async function expectChart(page: Page, testId: string): Promise<void> {
  const chart = page.getByTestId(testId);
  await chart.waitFor();
  await chart.locator('canvas, svg').first().waitFor();
  expect(await chart.locator('canvas, svg').count()).toBeGreaterThan(0);
}

/** Switches the dashboard to `lang` with its toggle (if it is not already there) and waits for the page to follow. */
export async function switchLanguage(page: Page, lang: 'zh' | 'en'): Promise<void> {
  const now = await page.locator('html').getAttribute('lang');
  if ((lang === 'en') !== (now === 'en')) await page.getByTestId('lang-toggle').click();
  await expect.poll(() => page.locator('html').getAttribute('lang')).toMatch(lang === 'en' ? /^en$/ : /^zh/);
}

/** A full-page screenshot into test/artifacts, taken from the top once the page has settled. */
export async function fullPageShot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${artifacts}${name}`, fullPage: true });
}
