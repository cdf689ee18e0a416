import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectChart, fullPageShot, openBrowserSession, switchLanguage, type BrowserSession } from '../helpers/browserSession.js';

let session: BrowserSession;
let page: Page;
let server: BrowserSession['server'];

const HAN = /[\u4e00-\u9fff]/;
const EDITION = 'cn-fdi-national-2021';

const toggleTo = (lang: 'zh' | 'en'): Promise<void> => switchLanguage(page, lang);
const shoot = (name: string): Promise<void> => fullPageShot(page, name);

/** The number a key figure shows, read from the page as the user sees it. */
async function shown(testId: string): Promise<number> {
  const text = (await page.getByTestId(testId).textContent()) ?? '';
  return Number(text.replace(/[^\d.+-]/g, ''));
}

beforeAll(async () => {
  session = await openBrowserSession();
  ({ page, server } = session);
});

afterAll(async () => {
  await session?.close();
});

for (const lang of ['zh', 'en'] as const) {
  describe(`negative-list pages in headless Chromium (${lang})`, () => {
    it('simulates removing a measure: the simulated total falls, and saving a scenario shows version 1 then 2', async () => {
      await page.goto(`${server.url}#/neglist/simulator?edition=${EDITION}`);
      await page.getByTestId('neglist-page').waitFor();
      await toggleTo(lang);
      expect(await page.getByTestId('nav-neglist').getAttribute('aria-current')).toBe('page');
      expect(await page.getByTestId('nav-neglist').textContent()).toBe(lang === 'zh' ? '负面清单' : 'Negative lists');
      expect(await page.getByTestId('neglist-tab-simulator').textContent()).toBe(lang === 'zh' ? '模拟器' : 'Simulator');
      expect(await page.getByTestId('sim-edition').inputValue()).toBe(EDITION);
      expect(await page.getByTestId('sim-official-note').textContent()).toContain(lang === 'zh' ? '官方清单' : 'official list is never changed');
      expect(await page.getByTestId('sim-components-note').textContent()).toContain(lang === 'zh' ? '人工核对' : 'reviewed');

      await page.getByTestId('sim-measures').waitFor();
      const rows = page.getByTestId('sim-measure');
      expect(await rows.count()).toBe(16);
      // Item 1 was reviewed by hand; item 21 (text truncated) was not.
      expect(await rows.first().getByTestId('reviewed-badge').textContent()).toBe(lang === 'zh' ? '已复核' : 'reviewed');
      expect(await rows.last().getByTestId('unreviewed-badge').textContent()).toBe(lang === 'zh' ? '未复核' : 'unreviewed');
      expect(await rows.first().getByTestId('sim-relax').count()).toBeGreaterThan(0);
      await expectChart(page, 'sim-chart');

      const baseline = await shown('sim-total-baseline');
      expect(baseline).toBeGreaterThan(0);
      expect(await shown('sim-total-simulated')).toBeCloseTo(baseline, 4);

      // a measure whose removal alone changes the total (a prohibition in a section without another one)
      const target = page.locator('[data-testid="sim-measure"]').filter({ has: page.locator('[data-figure="contribution"]') });
      let chosen = -1;
      for (let i = 0; i < (await target.count()); i++) {
        if (Number(await target.nth(i).getAttribute('data-contribution')) > 0.01) {
          chosen = i;
          break;
        }
      }
      expect(chosen).toBeGreaterThanOrEqual(0);
      const row = target.nth(chosen);
      const contribution = Number(await row.getAttribute('data-contribution'));
      await row.getByTestId('sim-remove').check();
      await expect.poll(() => shown('sim-total-simulated')).toBeLessThan(baseline);
      expect(await shown('sim-total-simulated')).toBeCloseTo(baseline - contribution, 3);
      expect(await shown('sim-total-baseline')).toBeCloseTo(baseline, 4);
      expect(await page.getByTestId('sim-score-panel').locator('.result-lead').textContent()).toContain(lang === 'zh' ? '取消 1 条' : '1 measures removed');
      await expectChart(page, 'sim-chart');

      const name = `e2e-${lang}`;
      await page.getByTestId('sim-scenario-name').fill(name);
      await page.getByTestId('sim-save').click();
      await expect.poll(() => page.getByTestId('sim-saved').getAttribute('data-version')).toBe('1');
      expect(await page.getByTestId('sim-saved').textContent()).toContain(lang === 'zh' ? '第 1 版' : 'version 1');
      await page.getByTestId('sim-save').click();
      await expect.poll(() => page.getByTestId('sim-saved').getAttribute('data-version')).toBe('2');
      expect(await page.getByTestId('sim-saved').textContent()).toContain(lang === 'zh' ? '第 2 版' : 'version 2');
      if (lang === 'en') expect(await page.getByTestId('sim-score-panel').textContent()).not.toMatch(HAN);
      await page.waitForTimeout(600);
      await shoot(`neglist-simulator-${lang}.png`);

      // the official list is untouched: the saved scenario is a description of edits only
      const res = await fetch(`${server.url}api/neglist/score/${EDITION}`);
      const score = (await res.json()) as { stri: { total: number } };
      expect(score.stri.total).toBeCloseTo(baseline, 4);
    });

    it('lists the editions with a not-transcribed row visible in an edition', async () => {
      await page.goto(`${server.url}#/neglist/editions`);
      await page.getByTestId('neglist-page').waitFor();
      await toggleTo(lang);
      await page.getByTestId('editions-table').waitFor();
      expect(await page.getByTestId('edition-row').count()).toBeGreaterThanOrEqual(19);
      await expectChart(page, 'editions-chart');
      await page.locator(`[data-testid="edition-row"][data-edition="${EDITION}"] [data-testid="edition-open"]`).click();
      await page.getByTestId('edition-detail').waitFor();
      const missing = page.locator('[data-testid="edition-measure"][data-status="not_transcribed"]');
      expect(await missing.count()).toBeGreaterThan(0);
      expect(await missing.first().getByTestId('not-transcribed').textContent()).toBe(lang === 'zh' ? '未录入' : 'not transcribed');
      expect(await missing.first().isVisible()).toBe(true);
      const transcribed = page.locator('[data-testid="edition-measure"][data-status="transcribed"]').first();
      expect(await transcribed.getByTestId('measure-source').getAttribute('href')).toMatch(/^https?:\/\//);
      expect(await page.getByTestId('edition-notes').textContent()).toContain(lang === 'zh' ? '说明' : 'Notes');
      await page.waitForTimeout(400);
      await shoot(`neglist-editions-${lang}.png`);
    });

    it('compares cn-fdi-national-2019 with cn-fdi-national-2021 and shows the verdicts and warnings', async () => {
      await page.goto(`${server.url}#/neglist/compare`);
      await page.getByTestId('neglist-page').waitFor();
      await toggleTo(lang);
      await page.getByTestId('compare-from').selectOption('cn-fdi-national-2019');
      await page.getByTestId('compare-to').selectOption('cn-fdi-national-2021');
      await page.getByTestId('diff-table').waitFor();
      const rows = page.getByTestId('diff-row');
      expect(await rows.count()).toBeGreaterThan(5);
      const verdicts = await page.getByTestId('diff-table').getByTestId('verdict').allTextContents();
      const words = lang === 'zh' ? ['放宽', '收紧', '不变', '不可比'] : ['relaxed', 'tightened', 'equal', 'incomparable'];
      expect(verdicts.length).toBe(await rows.count());
      for (const v of verdicts) expect(words).toContain(v);
      expect(await page.getByTestId('diff-warnings').locator('[data-code="neglist.partial_edition"]').count()).toBeGreaterThan(0);
      const warningText = (await page.getByTestId('diff-warnings').textContent()) ?? '';
      if (lang === 'zh') expect(warningText).toContain('未录入');
      else expect(warningText).not.toMatch(HAN);
      const uncertain = page.locator('[data-testid="diff-row"][data-uncertain="true"]');
      if ((await uncertain.count()) > 0) expect(await uncertain.first().getByTestId('uncertain').textContent()).toBe('?');
      await page.getByTestId('ratchet-result').waitFor();
      expect(await page.getByTestId('ratchet-summary').textContent()).toMatch(lang === 'zh' ? /棘轮|未通过|符合/ : /ratchet|compliant/i);
      await page.waitForTimeout(400);
      await shoot(`neglist-compare-${lang}.png`);
    });

    it('scores an edition by section beside its row count, with the weights', async () => {
      await page.goto(`${server.url}#/neglist/scores?edition=${EDITION}`);
      await page.getByTestId('neglist-page').waitFor();
      await toggleTo(lang);
      await expectChart(page, 'scores-chart');
      expect(await page.getByTestId('scores-figures').locator('[data-figure="rows"] .key-figure-value').textContent()).toBe('31');
      expect(await shown('scores-stri-total')).toBeGreaterThan(0);
      expect(await page.getByTestId('scores-weights').textContent()).toContain(lang === 'zh' ? '类别权重' : 'Category weights');
      await shoot(`neglist-scores-${lang}.png`);
    });
  });
}
