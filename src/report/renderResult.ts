import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Result } from '../core/result.js';
import type { Lang } from './cellText.js';
import { writeTablesDocx } from './docxReport.js';
import { writeTablesXlsx, type ReportNotes } from './xlsxReport.js';

/** The notes a referee needs first: every convention, every source, every warning, and the provenance. */
export function resultNotes(r: Result, lang: Lang, title: { zh: string; en: string }): ReportNotes {
  const conv = r.tables.find((t) => t.name === 'conventions');
  const lines: string[] = [];
  if (conv) {
    const n = conv.columns[0]?.values.length ?? 0;
    const get = (name: string, i: number): string => String(conv.columns.find((c) => c.name === name)?.values[i] ?? '');
    for (let i = 0; i < n; i++) lines.push(`${get('option', i)}: ${get('value', i)} — ${get(lang === 'zh' ? 'note_zh' : 'note_en', i)}`);
  }
  for (const s of r.provenance.sources) lines.push(`${lang === 'zh' ? '来源' : 'Source'}: ${s.id} — ${s.publisher}, ${s.title}, ${s.url} (${s.licence})`);
  for (const w of r.warnings) lines.push(`${lang === 'zh' ? '提示' : 'Warning'}: ${w.message[lang]}`);
  lines.push(`ftzlab ${r.provenance.package.version}; ${r.provenance.inputs.map((i) => `${i.name} sha256 ${i.sha256}`).join('; ')}; ${r.provenance.createdAt}`);
  return { title: title[lang], lines };
}

const TITLES: Record<string, { zh: string; en: string }> = {
  nqpf_index: { zh: '新质生产力综合指数', en: 'NQPF composite index' },
};

/** A Result's tables as an XLSX or DOCX file, in memory. */
export async function renderTables(r: Result, format: 'xlsx' | 'docx', lang: Lang): Promise<Buffer> {
  const dir = await mkdtemp(join(tmpdir(), 'ftzlab-report-'));
  try {
    const out = join(dir, `report.${format}`);
    const notes = resultNotes(r, lang, TITLES[r.kind] ?? { zh: r.kind, en: r.kind });
    if (format === 'xlsx') await writeTablesXlsx(r.tables, notes, lang, out);
    else await writeTablesDocx(r.tables, notes, lang, out);
    return await readFile(out);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
