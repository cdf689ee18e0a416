import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importEdition } from '../../src/analyses/neglist/lists.js';
import { pdfTextLines } from '../../src/store/import/pdfText.js';
import { parseListText } from '../../src/store/import/neglistText.js';
import { CHROMIUM } from '../helpers/browserSession.js';
import { caught, tempStore, type TempStore } from '../helpers/tempStore.js';

const text = readFileSync(new URL('../fixtures/neglist/national_2021_items_1-10.txt', import.meta.url), 'utf8');
let pdf: Uint8Array;
let t: TempStore;

// The PDF is printed by Chromium from the fixture's lines, so the test has a real text layer with Chinese fonts.
beforeAll(async () => {
  const browser = await chromium.launch({ executablePath: CHROMIUM });
  try {
    const page = await browser.newPage();
    const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
    await page.setContent(`<html><body style="font-family: 'WenQuanYi Micro Hei', sans-serif; font-size: 12pt">${text.split('\n').map((l) => `<p>${esc(l)}</p>`).join('')}</body></html>`);
    pdf = new Uint8Array(await page.pdf({ format: 'A4' }));
  } finally {
    await browser.close();
  }
  t = await tempStore();
}, 60_000);
afterAll(() => t?.cleanup());

describe('a list published as PDF', () => {
  it('reads the text layer and imports the numbered measures, sections and notes', async () => {
    const lines = await pdfTextLines(pdf);
    expect(lines[0]).toBe('外商投资准入特别管理措施（负面清单）（2021年版）');
    const list = parseListText(lines.join('\n'), 'list.pdf', { count: 10 });
    expect(list.notes).toHaveLength(2);
    expect(list.measures.map((m) => m.section)).toEqual(['A', 'A', 'A', 'A', 'B', 'C', 'C', 'D', 'F', 'G']);
    expect(list.measures[1]?.textZh).toBe('禁止投资中国稀有和特有的珍贵优良品种的研发、养殖、种植以及相关繁殖材料的生产（包括种植业、畜牧业、水产业的优良基因）。');
    const r = await importEdition(t.store, { bytes: pdf, fileName: 'list.pdf' }, { id: 'pdf-2021', count: 10 });
    expect(r).toMatchObject({ version: 1, measures: 10 });
    expect(await caught(() => importEdition(t.store, { bytes: new TextEncoder().encode('%PDF-1.4 broken'), fileName: 'bad.pdf' }, { id: 'bad' }))).toMatchObject({ code: 'neglist.pdf_invalid' });
  });
});
