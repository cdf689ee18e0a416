import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { z } from 'zod';
import { FtzError } from '../../core/errors.js';
import { zodIssues } from '../../core/zodIssues.js';
import { parseComponents } from '../../methods/neglist/parseComponents.js';
import type { Db } from '../../store/duckdb.js';
import { decodeText } from '../../store/import/decode.js';
import { htmlToText, parseListText } from '../../store/import/neglistText.js';

export interface EditionSummary {
  readonly id: string;
  readonly origin: 'bundled' | 'imported';
  readonly version: number | null;
  readonly kind: string;
  readonly jurisdiction: string;
  readonly title: string;
  readonly published: string | null;
  readonly effective: string | null;
  /** The count the official text states (null for an import, which is counted by its reader). */
  readonly officialCount: number | null;
  readonly transcribed: number;
  readonly status: string;
  readonly sourceUrl: string;
}

/**
 * Every edition of the timeline with its official count and how many of its measures are transcribed, then
 * the lists users imported (newest version of each).
 */
export async function listEditions(store: Db): Promise<EditionSummary[]> {
  const bundled = await store.all<{ id: string; kind: string; jurisdiction: string; title_zh: string | null; scope: string; edition: string; published: string | null; effective: string | null; official_count: number; transcribed: number; status: string; source_url: string | null }>(
    'SELECT * FROM neglist_edition ORDER BY published, id',
  );
  const imported = await store.all<{ id: string; version: number; title: string | null; kind: string | null; jurisdiction: string | null; effective: string | null; n: number; file_name: string }>(
    `SELECT e.id, e.version, e.title, e.kind, e.jurisdiction, e.effective, e.file_name, count(m.number)::INTEGER AS n
       FROM neglist_user_edition e JOIN neglist_user_measure m USING (id, version)
      WHERE e.version = (SELECT max(version) FROM neglist_user_edition x WHERE x.id = e.id)
      GROUP BY ALL ORDER BY e.id`,
  );
  return [
    ...bundled.map((e) => ({
      id: e.id, origin: 'bundled' as const, version: null, kind: e.kind, jurisdiction: e.jurisdiction, title: e.title_zh || `${e.scope} ${e.edition}`,
      published: e.published, effective: e.effective, officialCount: e.official_count, transcribed: e.transcribed, status: e.status, sourceUrl: e.source_url ?? '',
    })),
    ...imported.map((e) => ({
      id: e.id, origin: 'imported' as const, version: e.version, kind: e.kind ?? '', jurisdiction: e.jurisdiction ?? '', title: e.title ?? '',
      published: null, effective: e.effective, officialCount: null, transcribed: e.n, status: 'imported', sourceUrl: `file:${e.file_name}`,
    })),
  ];
}

export interface EditionMeasure {
  readonly number: number;
  readonly section: string;
  readonly textZh: string;
  readonly textEn: string;
  /** `transcribed`, or `not_transcribed`: the official number exists but its text was not available. */
  readonly status: string;
  /** Restriction components proposed from the text (with the words they were read from). */
  readonly proposed: readonly { kind: string; text: string }[];
  /** True when a person confirmed the proposed components (shipped measures: data/sources/neglist/reviewed.csv). */
  readonly reviewed: boolean;
  readonly reviewNote: string;
  readonly sourceUrl: string;
  readonly note: string;
}

/** One edition with every measure number, the ones not transcribed included (text empty, marked). */
export async function showEdition(store: Db, id: string, version?: number): Promise<{ edition: EditionSummary; notes: readonly { no: number | null; zh: string; en: string; sourceUrl: string }[]; measures: readonly EditionMeasure[] }> {
  const all = await listEditions(store);
  const bundled = all.find((e) => e.id === id && e.origin === 'bundled');
  if (bundled) {
    const measures = await store.all<{ number: number; section_letter: string | null; text_zh: string | null; text_en: string | null; status: string; source_url: string | null; note: string | null; reviewed: boolean | null; review_note: string | null }>(
      'SELECT * FROM neglist_measure WHERE edition_id = ? ORDER BY number', [id],
    );
    const notes = await store.all<{ paragraph_no: number | null; text_zh: string | null; text_en: string | null; source_url: string | null }>('SELECT * FROM neglist_note WHERE edition_id = ? ORDER BY paragraph_no', [id]);
    return {
      edition: bundled,
      notes: notes.map((n) => ({ no: n.paragraph_no, zh: n.text_zh ?? '', en: n.text_en ?? '', sourceUrl: n.source_url ?? '' })),
      measures: measures.map((m) => ({ number: m.number, section: m.section_letter ?? '', textZh: m.text_zh ?? '', textEn: m.text_en ?? '', status: m.status, sourceUrl: m.source_url ?? '', note: m.note ?? '', proposed: proposals(m.text_zh || m.text_en || ''), reviewed: m.reviewed === true, reviewNote: m.review_note ?? '' })),
    };
  }
  const versions = (await store.all<{ version: number }>('SELECT version FROM neglist_user_edition WHERE id = ? ORDER BY version', [id])).map((r) => r.version);
  if (versions.length === 0) throw new FtzError('neglist.edition_not_found', { id, known: [...new Set(all.map((e) => e.id))] });
  const v = version ?? (versions.at(-1) as number);
  if (!versions.includes(v)) throw new FtzError('dataset.version_not_found', { name: id, version: v, versions });
  const e = await store.one<{ title: string | null; kind: string | null; jurisdiction: string | null; effective: string | null; file_name: string; notes: string | null }>('SELECT * FROM neglist_user_edition WHERE id = ? AND version = ?', [id, v]);
  const measures = await store.all<{ number: number; section_letter: string; text_zh: string; text_en: string }>('SELECT * FROM neglist_user_measure WHERE id = ? AND version = ? ORDER BY number', [id, v]);
  return {
    edition: { id, origin: 'imported', version: v, kind: e?.kind ?? '', jurisdiction: e?.jurisdiction ?? '', title: e?.title ?? '', published: null, effective: e?.effective ?? null, officialCount: null, transcribed: measures.length, status: 'imported', sourceUrl: `file:${e?.file_name ?? ''}` },
    notes: (JSON.parse(e?.notes ?? '[]') as string[]).map((zh, i) => ({ no: i + 1, zh, en: '', sourceUrl: `file:${e?.file_name ?? ''}` })),
    measures: measures.map((m) => ({ number: m.number, section: m.section_letter, textZh: m.text_zh, textEn: m.text_en, status: 'transcribed', sourceUrl: `file:${e?.file_name ?? ''}`, note: '', proposed: proposals(m.text_zh || m.text_en), reviewed: false, reviewNote: '' })),
  };
}

const proposals = (text: string): { kind: string; text: string }[] => (text ? parseComponents(text).proposals.map((p) => ({ kind: p.component.kind, text: p.span.text })) : []);

/**
 * The text of a list file: DOCX through mammoth, a PDF's text layer through PDF.js, HTML with its markup
 * turned into lines, plain text decoded (UTF-8 or GBK).
 */
async function listText(bytes: Uint8Array, name: string): Promise<string> {
  if (/\.pdf$/i.test(name)) {
    const { pdfTextLines } = await import('../../store/import/pdfText.js');
    try {
      return (await pdfTextLines(bytes)).join('\n');
    } catch (e) {
      throw new FtzError('neglist.pdf_invalid', { file: name, reason: e instanceof Error ? e.message : String(e) });
    }
  }
  if (/\.docx$/i.test(name)) {
    const mammoth = (await import('mammoth')).default;
    try {
      return (await mammoth.extractRawText({ buffer: Buffer.from(bytes) })).value;
    } catch (e) {
      throw new FtzError('neglist.docx_invalid', { file: name, reason: e instanceof Error ? e.message : String(e) });
    }
  }
  const { text } = decodeText(bytes, 'auto', name);
  return /\.html?$/i.test(name) ? htmlToText(text) : text;
}

export const importSpecSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{1,63}$/, 'use lower-case letters, digits and hyphens'),
  title: z.string().max(300).optional(),
  kind: z.enum(['fdi', 'services']).default('fdi'),
  jurisdiction: z.string().max(64).optional(),
  effective: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  count: z.number().int().min(1).max(1000).optional(),
});

/**
 * Imports an official list text (plain text in UTF-8 or GBK, or HTML) as a new version of a user edition, in
 * one transaction; earlier versions stay. Returns the version and what was read.
 */
export async function importEdition(store: Db, file: { bytes: Uint8Array; fileName: string }, input: unknown, now = new Date()) {
  const parsed = importSpecSchema.safeParse(input);
  if (!parsed.success) throw new FtzError('api.bad_request', { issues: zodIssues(parsed.error) });
  const spec = parsed.data;
  const name = basename(file.fileName);
  const list = parseListText(await listText(file.bytes, name), name, spec.count !== undefined ? { count: spec.count } : {});
  const sha = createHash('sha256').update(file.bytes).digest('hex');
  const version = await store.transaction(async (tx) => {
    const last = await tx.one<{ v: number | null }>('SELECT max(version)::INTEGER AS v FROM neglist_user_edition WHERE id = ?', [spec.id]);
    const v = (last?.v ?? 0) + 1;
    await tx.run('INSERT INTO neglist_user_edition VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)', [
      spec.id, v, now.toISOString(), spec.title ?? list.title, spec.kind, spec.jurisdiction ?? null, spec.effective ?? null, name, sha, JSON.stringify(list.notes),
    ]);
    for (const m of list.measures) await tx.run('INSERT INTO neglist_user_measure VALUES (?, ?, ?, ?, ?, ?, ?)', [spec.id, v, m.number, m.section, m.textZh, m.textEn, m.line]);
    return v;
  });
  return {
    id: spec.id, version, title: spec.title ?? list.title, measures: list.measures.length, sections: list.sections.map((s) => s.letter), notes: list.notes.length, sha256: sha,
    proposed: list.measures.map((m) => ({ number: m.number, section: m.section, components: proposals(m.textZh || m.textEn) })),
  };
}
