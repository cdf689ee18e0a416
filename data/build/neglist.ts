/**
 * Builds `neglist/editions.csv`, `neglist/measures.csv` and `neglist/notes.csv` from data/sources/neglist:
 * one row per list edition of the timeline (timeline.csv), one row per official item number of every edition
 * whose text file exists (texts/<id>.json), transcribed or not, and the explanatory notes (说明) seen.
 * Items no page showed are kept as `not_transcribed` rows with empty text: they are never filled here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BuildContext, BuiltTable } from './lib/context.js';
import { readCsvObjects, writeCsv } from './lib/csv.js';

interface TextMeasure {
  number: number;
  number_basis: string;
  section: string | null;
  text_zh: string | null;
  text_zh_status: string;
  text_en: string | null;
  text_en_status: string;
  text_en_source?: string;
  source_url: string;
  remark?: string;
}
interface TextNote {
  number: string | null;
  text: string;
  status: string;
  source_url: string;
}
interface TextSection {
  code: string;
  name_zh: string;
  name_en?: string;
  source_url: string;
}
interface EditionText {
  id: string;
  title_zh: string | null;
  title_en: string | null;
  issuer: string | null;
  doc_number: string | null;
  published: string | null;
  effective: string | null;
  official_count: number;
  explanatory_notes_zh: TextNote[];
  explanatory_notes_en: TextNote[];
  sections: TextSection[];
  measures: TextMeasure[];
  missing_numbers: number[];
  partial_numbers: number[];
  items_with_full_text: number[];
  corrections: string[];
  retrieval_note?: string;
  sources: string[];
  completeness: string;
  counts: { official: number; missing: number };
}

/** timeline list_family → id prefix, kind and jurisdiction */
const FAMILIES: Readonly<Record<string, { prefix: string; kind: 'fdi' | 'services'; jurisdiction: string }>> = {
  FTZ_FDI: { prefix: 'cn-ftz-fdi', kind: 'fdi', jurisdiction: 'ftz' },
  NATIONAL_FDI: { prefix: 'cn-fdi-national', kind: 'fdi', jurisdiction: 'national' },
  HAINAN_FDI: { prefix: 'cn-fdi-hainan', kind: 'fdi', jurisdiction: 'hainan' },
  SH_FTZ_XBS: { prefix: 'cn-xbs-shanghai-ftz', kind: 'services', jurisdiction: 'shanghai_ftz' },
  HAINAN_XBS: { prefix: 'cn-xbs-hainan', kind: 'services', jurisdiction: 'hainan' },
  NATIONAL_XBS: { prefix: 'cn-xbs-national', kind: 'services', jurisdiction: 'national' },
  FTZ_XBS: { prefix: 'cn-xbs-ftz', kind: 'services', jurisdiction: 'ftz' },
};

const ZH_NUM: Readonly<Record<string, number>> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };
const ROMAN: Readonly<Record<string, number>> = { I: 1, II: 2, III: 3, IV: 4, V: 5, VI: 6, VII: 7, VIII: 8, IX: 9, X: 10 };

function paragraphNo(label: string | null, where: string): number {
  if (label === null) throw new Error(`neglist: ${where}: no paragraph number`);
  const s = label.trim();
  const n = /^\d+$/.test(s) ? Number(s) : (ZH_NUM[s] ?? ROMAN[s]);
  if (n === undefined) throw new Error(`neglist: ${where}: unreadable paragraph number "${label}"`);
  return n;
}

const ISO = /\d{4}-\d{2}-\d{2}/;
const firstDate = (s: string | null | undefined): string => (s ?? '').match(ISO)?.[0] ?? '';
/** what a date string says besides its first ISO date ("UNVERIFIED", "made public …") */
const dateQualifier = (s: string | null | undefined): string => (s ?? '').replace(ISO, '').replace(/^[\s()]+|[\s()]+$/g, '').trim();
const isUrl = (s: string | null | undefined): boolean => /^https?:\/\//.test(s ?? '');
const urlsIn = (s: string): string[] => s.match(/https?:\/\/[^\s;]+/g) ?? [];

export async function build(ctx: BuildContext): Promise<BuiltTable[]> {
  const dir = join(ctx.sourcesDir, 'neglist');
  const log = (m: string): void => ctx.log(`neglist: ${m}`);
  const fail = (m: string): never => {
    throw new Error(`neglist: ${m}`);
  };

  const letters = new Map(readCsvObjects(join(dir, 'gbt4754_sections.csv')).map((r) => [r['section'] ?? '', r['name_zh'] ?? '']));
  if (letters.size !== 20) fail(`gbt4754_sections.csv has ${letters.size} sections, expected 20 (A-T)`);

  // ---- timeline → edition ids
  const timeline = readCsvObjects(join(dir, 'timeline.csv'));
  const editions = timeline.map((r) => {
    const fam = FAMILIES[r['list_family'] ?? ''] ?? fail(`unknown list_family ${r['list_family']}`);
    const year = (r['edition'] ?? '').match(/^\d{4}/)?.[0] ?? fail(`no year in edition "${r['edition']}"`);
    const scope = r['jurisdiction'] ?? '';
    const jurisdiction = fam.jurisdiction === 'ftz' && scope === 'Shanghai FTZ' ? 'shanghai_ftz' : fam.jurisdiction;
    const count = Number(r['measure_count']);
    if (!Number.isInteger(count) || count <= 0) fail(`${fam.prefix}-${year}: bad measure_count "${r['measure_count']}"`);
    return { id: `${fam.prefix}-${year}`, kind: fam.kind, jurisdiction, year, count, row: r };
  });
  const ids = new Set<string>();
  for (const e of editions) {
    if (ids.has(e.id)) fail(`edition id ${e.id} derived twice from timeline.csv`);
    ids.add(e.id);
  }
  log(`check: ${editions.length} timeline editions, ids unique`);
  if (editions.length !== 19) fail(`timeline has ${editions.length} editions, expected 19`);

  // ---- texts
  const texts = new Map<string, EditionText>();
  for (const f of readdirSync(join(dir, 'texts')).filter((f) => f.endsWith('.json')).sort()) {
    const t = JSON.parse(readFileSync(join(dir, 'texts', f), 'utf8')) as EditionText;
    if (`${t.id}.json` !== f) fail(`texts/${f} has id ${t.id}`);
    if (!ids.has(t.id)) fail(`texts/${f}: id ${t.id} is not a timeline edition`);
    texts.set(t.id, t);
  }
  log(`check: ${texts.size} texts files, every id matches a timeline edition`);

  const measureRows: (string | number)[][] = [];
  const noteRows: (string | number)[][] = [];
  const transcribedBy = new Map<string, { any: number; zhFull: number }>();
  let nonUrlNotes = 0;

  for (const e of editions) {
    const t = texts.get(e.id);
    if (t === undefined) continue;
    const n = t.official_count;
    if (n !== e.count) fail(`${e.id}: official_count ${n} in texts, ${e.count} in timeline`);
    if (t.counts.official !== n) fail(`${e.id}: counts.official ${t.counts.official} ≠ official_count ${n}`);

    // section headings
    const headings = new Map<string, TextSection>();
    for (const s of t.sections) {
      if (!letters.has(s.code)) fail(`${e.id}: section heading letter "${s.code}" is not a GB/T 4754 section`);
      if (headings.has(s.code)) fail(`${e.id}: section ${s.code} listed twice`);
      const bare = s.name_zh.replace(/^[一二三四五六七八九十]+、/, '');
      if (bare !== letters.get(s.code)) log(`warning: ${e.id} heading ${s.code} "${s.name_zh}" differs from GB/T name "${letters.get(s.code)}"`);
      headings.set(s.code, s);
    }

    // numbers: measures ∪ missing = 1..n, disjoint, unique
    const byNumber = new Map<number, TextMeasure>();
    for (const m of t.measures) {
      if (!Number.isInteger(m.number) || m.number < 1 || m.number > n) fail(`${e.id}: measure number ${m.number} outside 1..${n}`);
      if (byNumber.has(m.number)) fail(`${e.id}: measure number ${m.number} twice`);
      byNumber.set(m.number, m);
    }
    const missing = new Set<number>();
    for (const k of t.missing_numbers) {
      if (!Number.isInteger(k) || k < 1 || k > n) fail(`${e.id}: missing number ${k} outside 1..${n}`);
      if (missing.has(k)) fail(`${e.id}: missing number ${k} twice`);
      if (byNumber.has(k)) fail(`${e.id}: number ${k} is both a measure and missing`);
      missing.add(k);
    }
    if (t.counts.missing !== missing.size) fail(`${e.id}: counts.missing ${t.counts.missing} ≠ ${missing.size} missing_numbers`);
    for (const k of [...t.partial_numbers, ...t.items_with_full_text]) {
      if (!byNumber.has(k)) fail(`${e.id}: partial/full number ${k} has no measure`);
    }

    let any = 0;
    let zhFull = 0;
    let notTranscribed = 0;
    for (let k = 1; k <= n; k++) {
      const m = byNumber.get(k);
      if (m === undefined) {
        if (!missing.has(k)) fail(`${e.id}: number ${k} is neither a measure nor missing`);
        notTranscribed++;
        measureRows.push([e.id, k, '', '', '', '', 'not_seen', '', 'not_seen', 'not_transcribed', '', 'not seen in the public pages available; transcribe from the official text', 'neglist.official_texts']);
        continue;
      }
      for (const [lang, text, status] of [['zh', m.text_zh, m.text_zh_status], ['en', m.text_en, m.text_en_status]] as const) {
        if ((text ?? '') === '' && status !== 'not_seen') fail(`${e.id} item ${k}: ${lang} status ${status} without text`);
        if ((text ?? '') !== '' && status === 'not_seen') fail(`${e.id} item ${k}: ${lang} text with status not_seen`);
      }
      const hasText = (m.text_zh ?? '') !== '' || (m.text_en ?? '') !== '';
      if (!hasText) fail(`${e.id} item ${k}: listed as a measure but has no text (should be in missing_numbers)`);
      if (!isUrl(m.source_url)) fail(`${e.id} item ${k}: transcribed measure without a source URL`);
      const letter = m.section ?? '';
      if (letter !== '' && !letters.has(letter)) fail(`${e.id} item ${k}: section "${letter}" is not a GB/T 4754 section`);
      if (letter !== '' && !headings.has(letter)) log(`warning: ${e.id} item ${k} in section ${letter}, whose heading was not seen (title left empty)`);
      any++;
      if (m.text_zh_status === 'full') zhFull++;
      const note: string[] = [];
      if (m.text_zh_status === 'truncated') note.push('Chinese text truncated in the source');
      if (m.text_zh_status === 'quoted_in_news') note.push('Chinese text as quoted in news (may be abridged)');
      if (m.text_en_status === 'truncated') note.push('English text truncated in the source');
      if (m.text_en_source !== undefined && m.text_en_source !== m.source_url) note.push(`English: ${m.text_en_source}`);
      if (m.remark !== undefined) note.push(m.remark);
      measureRows.push([
        e.id, k, m.number_basis, letter, headings.get(letter)?.name_zh ?? '', m.text_zh ?? '', m.text_zh_status,
        m.text_en ?? '', m.text_en_status, 'transcribed', m.source_url, note.join('; '), 'neglist.official_texts',
      ]);
    }
    if (any + notTranscribed !== n) fail(`${e.id}: ${any} transcribed + ${notTranscribed} not transcribed ≠ ${n}`);
    transcribedBy.set(e.id, { any, zhFull });
    log(`${e.id}: ${n} items, ${any} transcribed (${zhFull} full Chinese), ${notTranscribed} not transcribed; ${t.sections.length} section headings`);

    // explanatory notes (说明), zh and en matched by paragraph number
    const paras = new Map<number, { zh?: TextNote; en?: TextNote }>();
    const unnumbered: { zh?: TextNote; en?: TextNote }[] = [];
    for (const [lang, list] of [['zh', t.explanatory_notes_zh], ['en', t.explanatory_notes_en]] as const) {
      for (const p of list) {
        if (p.number === null || p.number === '') {
          // a paragraph quoted without its number: kept, never given a guessed number
          unnumbered.push({ [lang]: p });
          log(`warning: ${e.id} ${lang} note without a paragraph number (kept with paragraph_no empty)`);
          continue;
        }
        const no = paragraphNo(p.number, `${e.id} ${lang} note`);
        const slot = paras.get(no) ?? {};
        if (slot[lang] !== undefined) fail(`${e.id}: ${lang} note ${no} twice`);
        slot[lang] = p;
        paras.set(no, slot);
      }
    }
    for (const no of [...paras.keys()].sort((a, b) => a - b)) {
      const { zh, en } = paras.get(no)!;
      for (const p of [zh, en]) if (p !== undefined && !isUrl(p.source_url)) nonUrlNotes++;
      noteRows.push([e.id, no, zh?.text ?? '', zh?.status ?? '', en?.text ?? '', en?.status ?? '', (zh ?? en)!.source_url, zh !== undefined && en !== undefined && en.source_url !== zh.source_url ? en.source_url : '', 'neglist.official_texts']);
    }
    for (const { zh, en } of unnumbered) {
      for (const p of [zh, en]) if (p !== undefined && !isUrl(p.source_url)) nonUrlNotes++;
      noteRows.push([e.id, '', zh?.text ?? '', zh?.status ?? '', en?.text ?? '', en?.status ?? '', (zh ?? en)!.source_url, '', 'neglist.official_texts']);
    }
  }
  log(`check: numbers unique and within 1..official_count, transcribed + not transcribed = official count, every transcribed measure has a source URL, section letters in GB/T 4754 A-T`);
  if (nonUrlNotes > 0) log(`warning: ${nonUrlNotes} note text(s) cite a page without an address (kept as given)`);

  // ---- editions
  const editionRows = editions.map((e) => {
    const r = e.row;
    const t = texts.get(e.id);
    const issuerField = r['issuer_and_instrument'] ?? '';
    const tlDate = firstDate(issuerField);
    const published = firstDate(t?.published) || tlDate;
    const effective = firstDate(t?.effective) || firstDate(r['effective_date']);
    const dateNote: string[] = [];
    if (t?.published && dateQualifier(t.published)) dateNote.push(`published: ${dateQualifier(t.published)}`);
    if (!t?.published && tlDate) dateNote.push('published: date given with the instrument in the timeline');
    if (t?.effective && !firstDate(t.effective)) dateNote.push(`effective per text: ${t.effective}; date from timeline: ${r['effective_date']}`);
    else if (!firstDate(t?.effective) && dateQualifier(r['effective_date'])) dateNote.push(`effective: ${dateQualifier(r['effective_date'])}`);
    if (firstDate(t?.effective) && firstDate(r['effective_date']) && firstDate(t?.effective) !== firstDate(r['effective_date'])) {
      dateNote.push(`timeline effective date ${r['effective_date']} differs`);
      log(`warning: ${e.id} effective ${firstDate(t?.effective)} in texts, ${r['effective_date']} in timeline`);
    }
    const tlSource = r['source'] ?? '';
    const textUrls = t === undefined ? [] : t.sources.filter(isUrl);
    if (urlsIn(tlSource).length === 0) {
      if (textUrls.length === 0) fail(`${e.id}: no source URL for the edition (timeline: "${tlSource}")`);
      log(`warning: ${e.id} timeline source has no address ("${tlSource}"); edition carries the texts pages`);
    }
    const note = [r['other_counts'] ? `counts: ${r['other_counts']}` : '', r['sector_classification'] ? `classification: ${r['sector_classification']}` : '', `issuer/instrument (timeline): ${issuerField}`]
      .filter((s) => s !== '')
      .join('; ');
    const tr = transcribedBy.get(e.id);
    return [
      e.id, e.kind, e.jurisdiction, r['jurisdiction'] ?? '', r['edition'] ?? '', t?.title_zh ?? '', t?.title_en ?? '',
      t?.issuer ?? issuerField, t?.doc_number ?? '', published, effective, dateNote.join('; '), e.count,
      tr?.any ?? 0, tr?.zhFull ?? 0, r['status'] ?? '', t === undefined ? 'no text' : t.completeness, tlSource,
      textUrls.join(' ; '), note, t === undefined ? 'neglist.timeline' : 'neglist.timeline;neglist.official_texts',
    ];
  });

  const out = join(ctx.bundledDir, 'neglist');
  const nE = writeCsv(join(out, 'editions.csv'), ['id', 'kind', 'jurisdiction', 'scope', 'edition', 'title_zh', 'title_en', 'issuer', 'doc_number', 'published', 'effective', 'date_note', 'official_count', 'transcribed', 'transcribed_zh_full', 'status', 'texts_completeness', 'source_url', 'texts_source_urls', 'note', 'source_ids'], editionRows);
  // The hand review of the components the parser proposes for each transcribed measure (reviewed.csv):
  // `confirmed` marks the measure reviewed; `incomplete` and `unparsed` leave it unreviewed, with the reason.
  const review = new Map(readCsvObjects(join(ctx.sourcesDir, 'neglist', 'reviewed.csv')).map((r) => [`${r['edition_id']}#${r['number']}`, r]));
  for (const m of measureRows) {
    const rv = review.get(`${m[0]}#${m[1]}`);
    if (m[9] === 'transcribed' && !rv) fail(`${m[0]}#${m[1]}: transcribed but not in reviewed.csv`);
    if (rv && !['confirmed', 'incomplete', 'unparsed'].includes(rv['verdict'] ?? '')) fail(`reviewed.csv: verdict ${rv['verdict']} for ${m[0]}#${m[1]}`);
    m.push(rv?.['verdict'] === 'confirmed' ? 1 : 0, rv ? `${rv['verdict']}: ${rv['note']}` : '');
  }
  if (review.size !== measureRows.filter((m) => m[9] === 'transcribed').length) fail('reviewed.csv lists measures that are not transcribed');
  log(`components reviewed by hand: ${measureRows.filter((m) => m[13] === 1).length} confirmed of ${review.size} transcribed`);
  const nM = writeCsv(join(out, 'measures.csv'), ['edition_id', 'number', 'number_basis', 'section_letter', 'section_title_zh', 'text_zh', 'text_zh_status', 'text_en', 'text_en_status', 'status', 'source_url', 'note', 'source_id', 'reviewed', 'review_note'], measureRows);
  const nN = writeCsv(join(out, 'notes.csv'), ['edition_id', 'paragraph_no', 'text_zh', 'text_zh_status', 'text_en', 'text_en_status', 'source_url', 'source_url_en', 'source_id'], noteRows);
  const transcribed = measureRows.filter((m) => m[9] === 'transcribed').length;
  log(`${nE} editions (${texts.size} with texts), ${nM} measure rows (${transcribed} transcribed, ${nM - transcribed} not transcribed), ${nN} note paragraphs`);
  return [
    { name: 'neglist.editions', file: 'neglist/editions.csv', rows: nE, sources: ['neglist.timeline', 'neglist.official_texts'] },
    { name: 'neglist.measures', file: 'neglist/measures.csv', rows: nM, sources: ['neglist.official_texts'] },
    { name: 'neglist.notes', file: 'neglist/notes.csv', rows: nN, sources: ['neglist.official_texts'] },
  ];
}
