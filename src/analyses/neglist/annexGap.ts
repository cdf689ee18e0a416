import { buildProvenance } from '../../core/provenance.js';
import { tableFromRows, type Label, type Result } from '../../core/result.js';
import { listSources } from '../../store/catalog.js';
import type { Obligation, RestrictionComponent } from '../../methods/neglist/components.js';
import type { Db } from '../../store/duckdb.js';
import { GBT4754_SECTIONS } from '../../store/import/neglistText.js';
import { editionVersion } from './editionAnalysis.js';
import { showEdition } from './lists.js';

/**
 * The elements of a CPTPP / TPP Annex I reservation entry (the schedules' headnotes list them; our own
 * checklist, not the treaty text): sector, sub-sector, industry classification, obligations concerned, level of
 * government, measures (the legal source), description. The ratchet applies to Annex I entries (Art. 9.12.1(c),
 * 10.7.1(c)); Annex II entries may be tightened.
 */
export const ANNEX_I_FIELDS = ['sector', 'subSector', 'industryClassification', 'obligationsConcerned', 'levelOfGovernment', 'measures', 'description'] as const;
type Field = (typeof ANNEX_I_FIELDS)[number];

const OBLIGATION_NAMES: Record<Obligation, string> = {
  national_treatment: 'National Treatment (Article 9.4)', market_access: 'Market Access (Article 10.5)', mfn: 'Most-Favoured-Nation Treatment (Article 9.5)',
  senior_management_boards: 'Senior Management and Boards of Directors (Article 9.11)', performance_requirements: 'Performance Requirements (Article 9.10)', local_presence: 'Local Presence (Article 10.6)',
};
const FIELD_LABELS: Record<Field, Label> = {
  sector: { zh: '部门', en: 'Sector' }, subSector: { zh: '分部门', en: 'Sub-Sector' }, industryClassification: { zh: '行业分类', en: 'Industry Classification' },
  obligationsConcerned: { zh: '涉及义务', en: 'Obligations Concerned' }, levelOfGovernment: { zh: '政府层级', en: 'Level of Government' },
  measures: { zh: '措施（法律依据）', en: 'Measures' }, description: { zh: '描述', en: 'Description' },
};

export interface AnnexEntry {
  readonly measure: string;
  readonly fields: Readonly<Record<Field, string>>;
  /** Fields the Chinese entry does not state and a schedule needs. */
  readonly missing: readonly Field[];
  readonly components: readonly string[];
}

const obligationsOf = (cs: readonly RestrictionComponent[]): string[] => [...new Set(cs.map((c) => OBLIGATION_NAMES[c.obligation]))];

/**
 * A draft Annex-I-style schedule from an edition, and what each Chinese entry lacks: the list gives a section
 * (not an industry code below it), no legal source per measure, and no obligation — obligations are read here
 * from the proposed components, so they are a proposal too.
 */
export async function annexGap(store: Db, id: string): Promise<{ id: string; entries: readonly AnnexEntry[]; summary: Readonly<Record<Field, number>>; notTranscribed: number; provenance: Result['provenance'] }> {
  const e = await editionVersion(store, id);
  const shown = await showEdition(store, id);
  const level = shown.edition.jurisdiction === 'national' ? 'Central' : shown.edition.jurisdiction ? `Central (applies in: ${shown.edition.jurisdiction})` : '';
  const entries = e.version.measures.map((m) => {
    const sub = [...new Set(m.components.map((c) => c.subSector).filter((x): x is string => Boolean(x)))].join('; ');
    const fields: Record<Field, string> = {
      sector: m.scope.sector ? `${m.scope.sector} ${GBT4754_SECTIONS[m.scope.sector] ?? ''}`.trim() : '',
      subSector: sub,
      // The list names a GB/T 4754 section; a schedule names the industry (a class code), which the list does not give.
      industryClassification: '',
      obligationsConcerned: obligationsOf(m.components).join('; '),
      levelOfGovernment: level,
      measures: '',
      description: m.text,
    };
    return { measure: m.id, fields, missing: ANNEX_I_FIELDS.filter((f) => fields[f] === ''), components: m.components.map((c) => c.kind) };
  });
  const summary = Object.fromEntries(ANNEX_I_FIELDS.map((f) => [f, entries.filter((x) => x.missing.includes(f)).length])) as Record<Field, number>;
  const sources = (await listSources(store)).filter((s) => s.id.startsWith('neglist.')).map((s) => ({ id: s.id, publisher: s.publisher, title: s.title, url: s.url, licence: s.licence }));
  return { id, entries, summary, notTranscribed: e.notTranscribed, provenance: await buildProvenance(store, { sources, options: { edition: id } }) };
}

/** The draft schedule as a Result of bilingual tables, for the XLSX / DOCX writers. */
export function annexResult(g: Awaited<ReturnType<typeof annexGap>>): Result {
  const schedule = tableFromRows('annex_i_draft', { zh: `${g.id}：附件一式不符措施清单草稿`, en: `${g.id}: draft Annex-I-style schedule` },
    [{ name: 'measure', type: 'text', label: { zh: '措施', en: 'Entry' } }, ...ANNEX_I_FIELDS.map((f) => ({ name: f, type: 'text' as const, label: FIELD_LABELS[f] })), { name: 'missing', type: 'text', label: { zh: '缺少的要素', en: 'Missing elements' } }],
    g.entries.map((x) => ({ measure: x.measure, ...x.fields, missing: x.missing.map((f) => FIELD_LABELS[f].en).join('; ') })));
  return {
    kind: 'neglist_annex', spec: { edition: g.id }, tables: [schedule], figures: [],
    warnings: [
      { code: 'neglist.annex_draft', message: { zh: '草稿：涉及义务由自动识别的限制要素推断，尚未人工复核；法律依据与行业代码需补充', en: 'Draft: obligations are inferred from proposed, unreviewed components; legal sources and industry codes must be added' } },
      ...(g.notTranscribed ? [{ code: 'neglist.partial_edition', message: { zh: `${g.notTranscribed} 条措施未录入，未列入草稿`, en: `${g.notTranscribed} measures not transcribed are not in the draft` } }] : []),
    ],
    provenance: g.provenance,
  };
}
