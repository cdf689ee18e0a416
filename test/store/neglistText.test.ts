import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { htmlToText, parseListText } from '../../src/store/import/neglistText.js';
import { caught } from '../helpers/tempStore.js';

const text = readFileSync(new URL('../fixtures/neglist/national_2021_items_1-10.txt', import.meta.url), 'utf8');

describe('reading an official negative-list text', () => {
  it('reads the title, the 说明 paragraphs, sections with their GB/T 4754 letters and the numbered measures', () => {
    const r = parseListText(text, 'list.txt', { count: 10 });
    expect(r.title).toBe('外商投资准入特别管理措施（负面清单）（2021年版）');
    expect(r.notes).toHaveLength(2);
    expect(r.sections.map((s) => s.letter)).toEqual(['A', 'B', 'C', 'D', 'F', 'G']);
    expect(r.measures.map((m) => m.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(r.measures.map((m) => m.section)).toEqual(['A', 'A', 'A', 'A', 'B', 'C', 'C', 'D', 'F', 'G']);
    expect(r.measures[5]).toMatchObject({ textZh: '出版物印刷须由中方控股。', line: 13 });
  });

  it('reads the 序号 / 特别管理措施 table as bar-separated, tab-separated or HTML cells, and continuation lines', () => {
    const rows = text.split('\n').map((l) => l.replace(/^(\d+) /, '$1 | '));
    const table = ['序号 | 特别管理措施', ...rows].join('\n');
    expect(parseListText(table, 't.txt').measures).toHaveLength(10);
    const html = `<h1>外商投资准入特别管理措施（负面清单）（2021年版）</h1><table><tr><td>一、农、林、牧、渔业</td></tr>
      <tr><td>1</td><td>小麦新品种选育和种子生产的中方股比不低于34%、</td></tr><tr><td>2</td><td>禁止投资中国稀有和特有的珍贵优良品种的研发。</td></tr></table>`;
    const h = parseListText(htmlToText(html), 'list.html');
    expect(h.measures.map((m) => [m.number, m.section])).toEqual([[1, 'A'], [2, 'A']]);
    // A measure broken over two lines stays one measure.
    const broken = text.replace('6 出版物印刷须由中方控股。', '6 出版物印刷\n须由中方控股。');
    expect(parseListText(broken, 'b.txt').measures[5]?.textZh).toBe('出版物印刷须由中方控股。');
  });

  it('keeps the official English given after the Chinese', () => {
    const bi = text.replace('6 出版物印刷须由中方控股。', '6 出版物印刷须由中方控股。\nPrinting of publications shall be controlled by Chinese parties.');
    expect(parseListText(bi, 'bi.txt').measures[5]).toMatchObject({ textEn: 'Printing of publications shall be controlled by Chinese parties.' });
  });

  it('names the line of a gap, a repeat, an unknown section, and a count that differs', async () => {
    const gap = text.replace('10 国内水上运输公司须由中方控股。', '16 禁止投资社会调查。');
    expect(await caught(async () => parseListText(gap, 'g.txt'))).toMatchObject({ code: 'neglist.numbering_gap', params: { line: 20, expected: 10, found: 16 } });
    const rep = text.replace('10 国内水上运输公司须由中方控股。', '9 国内水上运输公司须由中方控股。');
    expect(await caught(async () => parseListText(rep, 'r.txt'))).toMatchObject({ code: 'neglist.numbering_repeat', params: { number: 9, first: 18 } });
    const sec = text.replace('五、批发和零售业', '五、批发零售');
    expect(await caught(async () => parseListText(sec, 's.txt'))).toMatchObject({ code: 'neglist.unknown_section', params: { line: 17 } });
    expect(await caught(async () => parseListText(text, 'c.txt', { count: 31 }))).toMatchObject({ code: 'neglist.count_mismatch', params: { expected: 31, found: 10 } });
    expect(await caught(async () => parseListText('标题\n没有措施', 'e.txt'))).toMatchObject({ code: 'neglist.no_measures' });
  });
});
