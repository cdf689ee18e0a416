import type { Label, Warning } from '../core/result.js';
import type { Lang } from './cellText.js';
import { CONSTANT_LABEL, CONSTANT_TERMS, COUNT_STATS, DEFAULT_ROW_LABELS, HEADINGS, NORMAL_P_NOTE, standardNote } from './regressionLabels.js';
import { DEFAULT_STARS, validateRegressionSpec, type RegressionModelSpec, type RegressionTableSpec } from './regressionSpec.js';
import { fixedDecimals, normalTwoSidedP, significanceStars } from './significanceStars.js';

/**
 * A cell of the body. Numbers keep their digits and stars apart so LaTeX can set the stars as superscripts;
 * every other renderer prints {@link regressionCellText}.
 */
export type RegressionCell =
  | { readonly kind: 'empty' }
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'number'; readonly digits: string; readonly stars: string; readonly parens: boolean };

export type RegressionRowKind = 'coefficient' | 'uncertainty' | 'indicator' | 'stat' | 'estimator';

export interface RegressionRow {
  readonly kind: RegressionRowKind;
  /** the term, indicator or stat key ('' for the estimator row) */
  readonly key: string;
  /** printed in the first column; '' under a coefficient */
  readonly label: string;
  /** one per model */
  readonly cells: readonly RegressionCell[];
}

/** A header cell spanning `span` model columns. */
export interface RegressionHeaderCell {
  readonly text: string;
  readonly span: number;
}

export interface RegressionHeaderRow {
  readonly kind: 'number' | 'name' | 'dependent';
  readonly label: string;
  readonly cells: readonly RegressionHeaderCell[];
}

/** The numbers behind one coefficient cell, for recomputation. */
export interface RawCoefficient {
  /** 1-based model number, as in the column head (1), (2) … */
  readonly model: number;
  readonly modelName: string;
  readonly term: string;
  readonly label: string;
  readonly estimate: number | null;
  readonly se: number | null;
  readonly t: number | null;
  readonly p: number | null;
  /** where `p` came from: the estimator, or the normal approximation of this table */
  readonly pSource: 'reported' | 'normal' | null;
  readonly stars: string;
}

export interface RawStat {
  readonly model: number;
  readonly modelName: string;
  readonly key: string;
  readonly label: string;
  readonly value: number | string | null;
}

/** A regression table resolved to one language, ready for any renderer (DOCX, XLSX, LaTeX, Markdown). */
export interface RegressionTable {
  readonly lang: Lang;
  readonly title: string;
  readonly modelCount: number;
  readonly header: readonly RegressionHeaderRow[];
  readonly body: readonly RegressionRow[];
  readonly notes: readonly string[];
  readonly stars: readonly [number, number, number];
  readonly raw: { readonly coefficients: readonly RawCoefficient[]; readonly stats: readonly RawStat[] };
  readonly warnings: readonly Warning[];
}

const EMPTY: RegressionCell = { kind: 'empty' };

/** A cell as plain text: "0.1234***", "(0.0321)", "是", or "" (missing is blank, never 0). */
export function regressionCellText(cell: RegressionCell): string {
  if (cell.kind === 'empty') return '';
  if (cell.kind === 'text') return cell.text;
  return cell.parens ? `(${cell.digits})` : `${cell.digits}${cell.stars}`;
}

function termOrder(spec: RegressionTableSpec): string[] {
  if (spec.terms) return [...spec.terms];
  const seen = new Set<string>();
  for (const m of spec.models) for (const c of m.coefficients) seen.add(c.term);
  const all = [...seen];
  return [...all.filter((t) => !CONSTANT_TERMS.has(t)), ...all.filter((t) => CONSTANT_TERMS.has(t))];
}

function keyOrder(models: readonly RegressionModelSpec[], pick: (m: RegressionModelSpec) => readonly { key: string }[]): string[] {
  const seen = new Set<string>();
  for (const m of models) for (const x of pick(m)) seen.add(x.key);
  return [...seen];
}

/** Runs of equal texts become one spanning cell. */
function spans(texts: readonly string[]): RegressionHeaderCell[] {
  const out: { text: string; span: number }[] = [];
  for (const text of texts) {
    const last = out[out.length - 1];
    if (last && last.text === text) last.span++;
    else out.push({ text, span: 1 });
  }
  return out;
}

/**
 * Resolves a {@link RegressionTableSpec} to one language: the header (model numbers, names, dependent
 * variable), coefficient rows each followed by its standard error (or t) in parentheses, indicator rows,
 * statistics, the estimator row, and the notes. Stars use the reported p-value, else the two-sided normal
 * p-value of estimate/se (and a note says so). Invalid specs throw `api.bad_request`; incomplete ones
 * (unlabelled terms, missing standard errors) print blank or as is and add a warning.
 *
 * @example
 * const t = buildRegressionTable({ title, models: [m1, m2], termLabels: { treat: { zh: '自贸区', en: 'FTZ' } } }, 'zh');
 * renderRegressionLatex(t);
 */
export function buildRegressionTable(spec: RegressionTableSpec, lang: Lang): RegressionTable {
  validateRegressionSpec(spec);
  const stars = spec.stars ?? DEFAULT_STARS;
  const decimals = spec.decimals ?? 4;
  const statDecimals = spec.statDecimals ?? 3;
  const inParentheses = spec.inParentheses ?? 'se';
  const warnings: Warning[] = [];
  const warnOnce = new Set<string>();
  const warn = (code: string, key: string, message: Label): void => {
    if (warnOnce.has(`${code}\u0000${key}`)) return;
    warnOnce.add(`${code}\u0000${key}`);
    warnings.push({ code, message, details: { key } });
  };
  const rowLabel = (key: string): string => {
    const l = spec.statLabels?.[key] ?? DEFAULT_ROW_LABELS[key];
    if (l) return l[lang];
    warn('report.row_unlabelled', key, { zh: `行“${key}”没有名称，按键名打印。`, en: `Row "${key}" has no label: printed as its key.` });
    return key;
  };
  const termLabel = (term: string): string => {
    const l = spec.termLabels[term] ?? (CONSTANT_TERMS.has(term) ? CONSTANT_LABEL : undefined);
    if (l) return l[lang];
    warn('report.term_unlabelled', term, { zh: `变量“${term}”没有名称，按变量名打印。`, en: `Term "${term}" has no label: printed as its name.` });
    return term;
  };
  const models = spec.models;
  const modelName = (j: number): string => (models[j] as RegressionModelSpec).name[lang];

  const header: RegressionHeaderRow[] = [{ kind: 'number', label: '', cells: models.map((_, j) => ({ text: `(${j + 1})`, span: 1 })) }];
  if (models.some((m) => m.name[lang] !== '')) header.push({ kind: 'name', label: '', cells: models.map((m) => ({ text: m.name[lang], span: 1 })) });
  const depVars = models.map((m) => (m.dependentVariable ?? spec.dependentVariable)?.[lang] ?? '');
  if (depVars.some((d) => d !== '')) header.push({ kind: 'dependent', label: HEADINGS.dependentVariable[lang], cells: spans(depVars) });

  const body: RegressionRow[] = [];
  const rawCoefficients: RawCoefficient[] = [];
  let usedNormal = false;
  for (const term of termOrder(spec)) {
    const label = termLabel(term);
    const est: RegressionCell[] = [];
    const unc: RegressionCell[] = [];
    models.forEach((m, j) => {
      const c = m.coefficients.find((x) => x.term === term);
      if (!c || !Number.isFinite(c.estimate)) {
        est.push(EMPTY);
        unc.push(EMPTY);
        if (c) rawCoefficients.push({ model: j + 1, modelName: modelName(j), term, label, estimate: null, se: c.se, t: null, p: null, pSource: null, stars: '' });
        return;
      }
      const se = c.se !== null && c.se > 0 && Number.isFinite(c.se) ? c.se : null;
      if (c.se !== null && se === null) {
        warn('report.se_invalid', `${j + 1}:${term}`, { zh: `模型 (${j + 1}) 中“${term}”的标准误为 ${c.se}，按缺失处理。`, en: `Model (${j + 1}) term "${term}": standard error ${c.se} treated as missing.` });
      }
      const reported = c.p ?? null;
      const p = reported ?? normalTwoSidedP(c.estimate, se);
      const pSource = reported !== null ? 'reported' : p !== null ? 'normal' : null;
      if (pSource === 'normal') usedNormal = true;
      if (p === null) {
        warn('report.no_p_value', `${j + 1}:${term}`, { zh: `模型 (${j + 1}) 中“${term}”既无 p 值也无标准误，不标星号。`, en: `Model (${j + 1}) term "${term}" has neither a p-value nor a standard error: no stars.` });
      }
      const s = significanceStars(p, stars);
      const t = se === null ? null : c.estimate / se;
      est.push({ kind: 'number', digits: fixedDecimals(c.estimate, decimals), stars: s, parens: false });
      const inner = inParentheses === 't' ? t : se;
      unc.push(inner === null ? EMPTY : { kind: 'number', digits: fixedDecimals(inner, inParentheses === 't' ? 2 : decimals), stars: '', parens: true });
      rawCoefficients.push({ model: j + 1, modelName: modelName(j), term, label, estimate: c.estimate, se, t, p, pSource, stars: s });
    });
    if (!models.some((m) => m.coefficients.some((x) => x.term === term))) {
      warn('report.term_not_estimated', term, { zh: `没有模型估计“${term}”，该行为空。`, en: `No model estimates "${term}": its row is blank.` });
    }
    body.push({ kind: 'coefficient', key: term, label, cells: est });
    if (unc.some((u) => u.kind !== 'empty')) body.push({ kind: 'uncertainty', key: term, label: '', cells: unc });
  }

  for (const key of keyOrder(models, (m) => m.indicators)) {
    const cells = models.map((m): RegressionCell => {
      const v = m.indicators.find((x) => x.key === key)?.value;
      if (v === undefined || v === null || v === '') return EMPTY;
      if (typeof v === 'boolean') return { kind: 'text', text: (v ? HEADINGS.yes : HEADINGS.no)[lang] };
      return { kind: 'text', text: typeof v === 'string' ? v : v[lang] };
    });
    body.push({ kind: 'indicator', key, label: rowLabel(key), cells });
  }

  const rawStats: RawStat[] = [];
  for (const key of keyOrder(models, (m) => m.stats)) {
    const label = rowLabel(key);
    const cells = models.map((m, j): RegressionCell => {
      const v = m.stats.find((x) => x.key === key)?.value ?? null;
      if (m.stats.some((x) => x.key === key)) rawStats.push({ model: j + 1, modelName: modelName(j), key, label, value: v });
      if (v === null || (typeof v === 'number' && !Number.isFinite(v)) || v === '') return EMPTY;
      if (typeof v === 'string') return { kind: 'text', text: v };
      const integer = COUNT_STATS.has(key) || (Number.isInteger(v) && !key.startsWith('r2'));
      return { kind: 'number', digits: integer ? fixedDecimals(v, 0) : fixedDecimals(v, statDecimals), stars: '', parens: false };
    });
    body.push({ kind: 'stat', key, label, cells });
  }
  body.push({ kind: 'estimator', key: '', label: HEADINGS.estimator[lang], cells: models.map((m) => (m.estimator[lang] ? { kind: 'text', text: m.estimator[lang] } : EMPTY)) });

  const notes = [standardNote(lang, inParentheses, spec.standardErrors ?? 'clustered', stars)];
  if (usedNormal) notes.push(NORMAL_P_NOTE[lang]);
  for (const n of spec.notes ?? []) notes.push(n[lang]);

  return {
    lang,
    title: spec.title[lang],
    modelCount: models.length,
    header,
    body,
    notes,
    stars,
    raw: { coefficients: rawCoefficients, stats: rawStats },
    warnings,
  };
}
