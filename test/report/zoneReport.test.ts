import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scorecardResult } from '../../src/analyses/scorecard/scorecardResult.js';
import { scorecards } from '../../src/analyses/scorecard/zoneScorecard.js';
import type { Result } from '../../src/core/result.js';
import { renderZoneReport } from '../../src/report/zoneReport/renderZoneReport.js';
import { fmt, rowsOf, tableOf } from '../../src/report/zoneReport/resultRows.js';
import { artifacts } from '../helpers/browserSession.js';
import { countColour, docxToPdf, pdfFonts, pdfPages, pdfText, type PageImage } from '../helpers/pdfPages.js';
import { tempStore, type TempStore } from '../helpers/tempStore.js';
import { unzipEntry } from '../helpers/unzip.js';

let t: TempStore;
let dir: string;
let zh: Result;
let en: Result;

beforeAll(async () => {
  t = await tempStore();
  dir = mkdtempSync(join(tmpdir(), 'ftzlab-report-'));
  mkdirSync(artifacts, { recursive: true });
  zh = scorecardResult(await scorecards(t.store, { zone: 'SH' }));
  en = zh;
}, 120_000);
afterAll(() => {
  t.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

// The chart colours: index and effect marks (blue), the zone's own host (red).
const BLUE: [number, number, number] = [0x1d, 0x4f, 0x91];
const RED: [number, number, number] = [0xc0, 0x39, 0x2b];
// Anti-aliased strokes rarely hit the exact colour: count pixels within 40 per channel, at 100 dpi.
const coloured = (pages: readonly PageImage[], rgb: [number, number, number]): number[] => pages.map((p) => countColour(p, rgb, 40));

async function write(r: Result, format: 'docx' | 'xlsx' | 'html' | 'pdf', lang: 'zh' | 'en'): Promise<string> {
  const file = join(dir, `sh-${lang}.${format}`);
  writeFileSync(file, await renderZoneReport(r, format, lang));
  return file;
}

const nqpf = (r: Result) => rowsOf(tableOf(r, 'scorecard')).find((x) => x.key === 'nqpf_index' && x.zone === 'SH');

describe('the Shanghai report as PDF', () => {
  it('renders to PNG pages that show the Chinese text, the numbers and the figures, with fonts embedded', async () => {
    const file = await write(zh, 'pdf', 'zh');
    const text = pdfText(file).replace(/\s+/g, '');
    for (const s of ['中国(上海)自由贸易试验区评分卡', '一基：制度型开放', '重点三：绿色发展', '22个自贸试验区比较', '附录：方法、设定与来源', '缺失']) expect(text).toContain(s.replace(/\s+/g, ''));
    // The summary states the index value and rank the table holds.
    const index = nqpf(zh);
    expect(text).toContain(`为${fmt(index?.value ?? null)}（${index?.year}年）`);
    expect(text).toContain(`居第${index?.rank}位`);
    for (let k = 1; k <= 5; k++) expect(text).toContain(`图${k}`);
    expect(pdfFonts(file).every((f) => f.embedded)).toBe(true);
    const pages = pdfPages(file, 100, { dir: artifacts, prefix: 'report-SH-zh-page' });
    expect(pages.length).toBeGreaterThanOrEqual(8);
    // Figures are drawn: chart blue on several pages, the zone's red mark on the rank chart and the map.
    const blue = coloured(pages, BLUE);
    expect(blue.filter((n) => n > 200).length).toBeGreaterThanOrEqual(3);
    expect(coloured(pages, RED).some((n) => n > 20)).toBe(true);
    // The cover is text only: no chart colour on page 1.
    expect(blue[0]).toBeLessThan(50);
  }, 120_000);

  it('in English', async () => {
    const file = await write(en, 'pdf', 'en');
    const text = pdfText(file).replace(/\s+/g, ' ');
    for (const s of ['China (Shanghai) Pilot Free Trade Zone: scorecard', 'Base: institutional opening-up', 'Task 3: green development', 'The 22 zones compared', 'Figure 5', 'missing']) expect(text).toContain(s);
    // Headings and narrative are English; Chinese appears only in the bilingual name columns of the tables.
    expect(text).not.toContain('一基');
    pdfPages(file, 50, { dir: artifacts, prefix: 'report-SH-en-page' });
  }, 120_000);
});

describe('the Shanghai report as Word', () => {
  it('holds three-line tables, the figures as images and the spec; LibreOffice opens and renders it', async () => {
    const file = await write(zh, 'docx', 'zh');
    const buf = (await import('node:fs')).readFileSync(file);
    const xml = unzipEntry(buf, 'word/document.xml');
    expect(xml).toContain('一基：制度型开放');
    expect((xml.match(/<w:drawing>/g) ?? []).length).toBe(5);
    expect(xml).toMatch(/<w:top w:val="single" w:color="000000" w:sz="12"\/>/);
    expect(unzipEntry(buf, 'docProps/core.xml')).toContain('&quot;zone&quot;: &quot;SH&quot;');
    const pdf = docxToPdf(file, dir);
    const text = pdfText(pdf).replace(/\s+/g, '');
    for (const s of ['中国(上海)自由贸易试验区评分卡', '重点一：科技创新', '表1', '图5']) expect(text).toContain(s);
    const pages = pdfPages(pdf, 100, { dir: artifacts, prefix: 'report-SH-docx-page' });
    expect(pages.length).toBeGreaterThanOrEqual(8);
    expect(coloured(pages, BLUE).filter((n) => n > 200).length).toBeGreaterThanOrEqual(3);
  }, 180_000);
});

describe('the Excel workbook and the HTML page', () => {
  it('the workbook holds every table of the Result, each row and column', async () => {
    const file = await write(zh, 'xlsx', 'zh');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.worksheets.length).toBe(zh.tables.length + 1);
    zh.tables.forEach((tb, k) => {
      const ws = wb.worksheets[k + 1];
      expect(ws?.getRow(1).getCell(1).value).toBe(tb.title.zh);
      expect(ws?.getRow(2).cellCount).toBe(tb.columns.length);
      expect((ws?.rowCount ?? 0) - 2).toBe(tb.columns[0]?.values.length ?? 0);
    });
    // missing values are empty cells, never 0
    const sc = zh.tables.findIndex((x) => x.name === 'scorecard');
    const ws = wb.worksheets[sc + 1];
    const valueCol = (zh.tables[sc]?.columns.findIndex((c) => c.name === 'value') ?? 0) + 1;
    const missingRow = (zh.tables[sc]?.columns.find((c) => c.name === 'missing_zh')?.values ?? []).findIndex((v) => v !== null);
    expect(missingRow).toBeGreaterThanOrEqual(0);
    expect(ws?.getRow(missingRow + 3).getCell(valueCol).value ?? null).toBeNull();
  });

  it('the HTML report is one self-contained file with five inline figures', async () => {
    const html = (await renderZoneReport(en, 'html', 'en')).toString('utf8');
    expect((html.match(/<svg[\s>]/g) ?? []).length).toBe(5);
    expect(html).not.toMatch(/(src|href)="https?:/);
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('ftzlab report --spec spec.json');
  });

  it('replays: the recorded spec gives the same tables', async () => {
    const again = scorecardResult(await scorecards(t.store, zh.spec));
    expect(again.tables).toEqual(zh.tables);
  }, 60_000);

  it('a report needs one zone', async () => {
    const all = scorecardResult(await scorecards(t.store, {}));
    await expect(renderZoneReport(all, 'html', 'zh')).rejects.toThrow(/one zone/);
  }, 60_000);
});
