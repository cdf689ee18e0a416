import { FtzError } from '../../core/errors.js';

/** A numbered measure of an official negative list, as printed. */
export interface ListMeasure {
  readonly number: number;
  /** GB/T 4754 section letter of the heading it stands under; '' before any heading. */
  readonly section: string;
  readonly textZh: string;
  /** The official English, when the text carries it after the Chinese. */
  readonly textEn: string;
  /** 1-based line of the text where the measure starts. */
  readonly line: number;
}

export interface ParsedList {
  readonly title: string;
  /** The 说明 paragraphs, as printed. */
  readonly notes: readonly string[];
  readonly sections: readonly { letter: string; heading: string; line: number }[];
  readonly measures: readonly ListMeasure[];
}

/** GB/T 4754-2017 section titles by letter (as list headings print them, punctuation normalised). */
export const GBT4754_SECTIONS: Readonly<Record<string, string>> = {
  A: '农、林、牧、渔业', B: '采矿业', C: '制造业', D: '电力、热力、燃气及水生产和供应业', E: '建筑业', F: '批发和零售业',
  G: '交通运输、仓储和邮政业', H: '住宿和餐饮业', I: '信息传输、软件和信息技术服务业', J: '金融业', K: '房地产业',
  L: '租赁和商务服务业', M: '科学研究和技术服务业', N: '水利、环境和公共设施管理业', O: '居民服务、修理和其他服务业',
  P: '教育', Q: '卫生和社会工作', R: '文化、体育和娱乐业', S: '公共管理、社会保障和社会组织', T: '国际组织',
};

const norm = (s: string): string => s.replace(/[\s，,]/g, '').replace(/、/g, '、');
const BY_TITLE = new Map(Object.entries(GBT4754_SECTIONS).map(([letter, title]) => [norm(title), letter]));
const CN_NUMERAL = /^[一二三四五六七八九十]+[、．.]\s*(.+)$/;
// "1 禁止…", "1. …", "1、…", "1．…", "（1）…" or a table row "1<TAB>…" / "1 | …".
const MEASURE = /^[（(]?(\d{1,3})[)）]?\s*(?:[.．、|\t]\s*|\s+)(.+)$/;
const HAS_CJK = /[\u4e00-\u9fff]/;

/** Text of an HTML page or fragment as lines: cells and rows and paragraphs become tabs and line breaks. */
export function htmlToText(html: string): string {
  return html
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, '')
    .replace(/<\/(td|th)>/gi, '\t')
    .replace(/<(br|\/p|\/tr|\/div|\/h\d|\/li)[^>]*>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&nbsp;/g, ' ').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
}

/**
 * Reads an official negative-list text as published — a title, the 说明 paragraphs, section headings such
 * as "一、农、林、牧、渔业" and numbered measures (one per line, or the 序号 / 特别管理措施 table as
 * tab- or bar-separated cells), with the official English after the Chinese where the text carries it. A line
 * that is neither a heading nor a new number continues the measure above. Numbering must run 1, 2, 3, …
 * without gaps or repeats, headings must be GB/T 4754 section titles, and with `count` the number of
 * measures must match; each problem is a coded error naming the line.
 */
export function parseListText(text: string, file: string, options: { count?: number } = {}): ParsedList {
  const raw = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  // A table exported cell by cell (DOCX text, some web pages) puts the number alone on its line, the measure
  // on a later one: join them, keeping the number's line for messages.
  const lines = raw.map((l, i) => {
    if (!/^\s*\d{1,3}\s*$/.test(l)) return l;
    let j = i + 1;
    while (j < raw.length && (raw[j] as string).trim() === '') j++;
    const next = (raw[j] ?? '').trim();
    if (next === '' || /^\d{1,3}\s*$/.test(next) || CN_NUMERAL.test(next)) return l;
    raw[j] = '';
    return `${l.trim()} ${next}`;
  });
  let title = '';
  const notes: string[] = [];
  const sections: { letter: string; heading: string; line: number }[] = [];
  const measures: { number: number; section: string; zh: string[]; en: string[]; line: number }[] = [];
  let inNotes = false;
  let section = '';
  const firstLine = new Map<number, number>();
  lines.forEach((raw, i) => {
    const lineNo = i + 1;
    const line = raw.replace(/\u3000/g, ' ').trim();
    if (line === '' || /^(序号|编号)\s*[|\t ]\s*(特别管理措施|措施)/.test(line)) return;
    if (/^说明[:：]?$/.test(line)) {
      inNotes = true;
      return;
    }
    const heading = CN_NUMERAL.exec(line);
    if (heading && !MEASURE.test(line)) {
      const body = (heading[1] as string).trim();
      const letter = BY_TITLE.get(norm(body));
      if (letter) {
        inNotes = false;
        section = letter;
        sections.push({ letter, heading: line, line: lineNo });
        return;
      }
      if (inNotes) {
        notes.push(line);
        return;
      }
      // A numbered heading outside the notes that is not a section title: the list is malformed.
      if (measures.length > 0 || sections.length > 0) throw new FtzError('neglist.unknown_section', { file, line: lineNo, heading: line });
    }
    const m = inNotes && sections.length === 0 && measures.length === 0 && !/^\d+\s*[|\t]/.test(line) ? null : MEASURE.exec(line);
    if (m && (sections.length > 0 || measures.length > 0 || !inNotes)) {
      const number = Number(m[1]);
      const expected = measures.length + 1;
      const first = firstLine.get(number);
      if (first !== undefined) throw new FtzError('neglist.numbering_repeat', { file, line: lineNo, number, first });
      if (number !== expected) throw new FtzError('neglist.numbering_gap', { file, line: lineNo, expected, found: number });
      firstLine.set(number, lineNo);
      const body = (m[2] as string).replace(/^\|\s*/, '').split(/\s*[|\t]\s*/).filter(Boolean);
      const zh = body.filter((c) => HAS_CJK.test(c));
      const en = body.filter((c) => !HAS_CJK.test(c));
      measures.push({ number, section, zh: zh.length ? zh : body.slice(0, 1), en: zh.length ? en : [], line: lineNo });
      inNotes = false;
      return;
    }
    if (inNotes) {
      // A paragraph wrapped over lines (PDF text, hard-wrapped pages) continues the paragraph above.
      if (notes.length > 0) notes[notes.length - 1] += line;
      else notes.push(line);
      return;
    }
    const last = measures.at(-1);
    if (last) {
      (HAS_CJK.test(line) ? last.zh : last.en).push(line);
      return;
    }
    if (!title) title = line;
    else if (sections.length === 0) title = `${title}${line}`;
  });
  if (measures.length === 0) throw new FtzError('neglist.no_measures', { file });
  if (options.count !== undefined && options.count !== measures.length) throw new FtzError('neglist.count_mismatch', { file, expected: options.count, found: measures.length });
  return {
    title, notes, sections,
    measures: measures.map((x) => ({ number: x.number, section: x.section, textZh: x.zh.join(''), textEn: x.en.join(' '), line: x.line })),
  };
}
