/**
 * The overall effect by estimator: the server's estimates table (effect with significance stars, clustered
 * standard error, 95 % confidence interval, p-value, observations) beside a coefficient plot, under a note on
 * why TWFE is compared with the heterogeneity-robust estimators.
 */
import { useCallback, useMemo } from 'react';
import { formatFixed } from '../../format.js';
import { useLang } from '../../lang.js';
import { NoData } from '../States.js';
import { DataTable, type DisplayColumn } from '../index/DataTable.js';
import { ResultPanel } from '../index/ResultPanel.js';
import { findColumn, findTable, num, rowsOf, text, type Result } from '../index/result.js';
import { CoefficientPlot, type CoefficientPoint } from './CoefficientPlot.js';
import { stars } from './estimators.js';
import { estimatorLabel } from './labels.js';
import { ESTIMATORS, type EffectRequest } from './spec.js';

function rank(code: string): number {
  const i = (ESTIMATORS as readonly string[]).indexOf(code);
  return i < 0 ? 99 : i;
}

export function EstimatesPanel({ result, request }: { readonly result: Result; readonly request: EffectRequest }) {
  const { lang, t } = useLang();
  const table = findTable(result, 'estimates');
  const rows = useMemo(() => (table ? rowsOf(table) : []), [table]);
  // in the form's order (TWFE first, then the heterogeneity-robust estimators), as the charts have them
  const order = useMemo(() => rows.map((r, i) => ({ i, k: rank(text(r['estimator'])) })).sort((a, b) => a.k - b.k || a.i - b.i).map((x) => x.i), [rows]);
  const events = findTable(result, 'event_study');
  const f4 = useCallback((v: number) => formatFixed(v, lang, 4), [lang]);
  const pText = useCallback((p: number) => (p < 0.001 ? '< 0.001' : formatFixed(p, lang, 3)), [lang]);

  const columns = useCallback(
    (base: DisplayColumn[]): DisplayColumn[] => {
      const keep = (key: string) => base.find((c) => c.key === key);
      const label = (i: number) => {
        const r = rows[i];
        const code = text(r?.['estimator']);
        const robust = code === 'cs' || code === 'sunab' || code === 'impute';
        return (
          <span className="estimator-cell" data-estimator={code}>
            <span>{estimatorLabel(code, t, text(lang === 'zh' ? r?.['label_zh'] : r?.['label_en']))}</span>
            <span className={robust ? 'tag tag-robust' : 'tag tag-classic'}>{t(robust ? 'effect.tagRobust' : 'effect.tagClassic')}</span>
          </span>
        );
      };
      const numCell = (key: string, fmt: (v: number) => string) => (i: number) => {
        const v = num(rows[i]?.[key]);
        return v === null ? <NoData /> : fmt(v);
      };
      const att = (i: number) => {
        const v = num(rows[i]?.['att']);
        if (v === null) return <NoData />;
        const s = stars(num(rows[i]?.['p']));
        return (
          <strong>
            {f4(v)}
            <span className="stars">{s}</span>
          </strong>
        );
      };
      const ci = (i: number) => {
        const lo = num(rows[i]?.['ci_low']);
        const hi = num(rows[i]?.['ci_high']);
        return lo === null || hi === null ? <NoData /> : `[${f4(lo)}, ${f4(hi)}]`;
      };
      const out: DisplayColumn[] = [
        { key: 'label', header: t('effect.estimator'), numeric: false, cell: label },
        { key: 'att', header: t('effect.att'), numeric: true, cell: att },
        { key: 'se', header: t('effect.se'), numeric: true, cell: numCell('se', f4) },
        { key: 'ci', header: t('effect.ci95'), numeric: true, cell: ci },
        { key: 'p', header: t('effect.p'), numeric: true, cell: numCell('p', pText) },
      ];
      const n = keep('n');
      if (n) out.push(n);
      const note = keep('note');
      if (note) out.push({ ...note, cell: (i) => <span className="muted small cell-note">{note.cell(i)}</span> });
      return out;
    },
    [rows, lang, t, f4, pText],
  );

  const points = useMemo<CoefficientPoint[]>(
    () =>
      order.flatMap((i) => {
        const r = rows[i] ?? {};
        const att = num(r['att']);
        if (att === null) return [];
        const code = text(r['estimator']);
        return [{ estimator: code, label: estimatorLabel(code, t, text(r['label_en'])), att, low: num(r['ci_low']), high: num(r['ci_high']), p: num(r['p']) }];
      }),
    [rows, order, t],
  );

  // estimators that were asked for and report only event-time effects (or failed: see the warnings)
  const overall = new Set(rows.map((r) => text(r['estimator'])));
  const dynamicOnly = request.estimators.filter((e) => e !== 'twfe' && !overall.has(e) && (events ? findColumn(events, 'estimator')?.values.includes(e) : false));
  const missing = request.estimators.filter((e) => !overall.has(e) && !dynamicOnly.includes(e) && e !== 'event_study');

  return (
    <ResultPanel title={t('effect.estimatesTitle')} testId="effect-estimates-panel">
      <div className="effect-note" data-testid="effect-note">
        <strong>{t('effect.noteTitle')}</strong> {t('effect.note')}
      </div>
      {table && rows.length > 0 ? (
        <div className="effect-estimates">
          <DataTable table={table} testId="effect-estimates" columns={columns} rows={order} />
          <p className="muted small table-foot">
            {t('effect.starsNote')} {request.log ? t('effect.logNote') : ''}
          </p>
          {overall.has('cs') && <p className="muted small table-foot">{t('effect.csUnits')}</p>}
          {dynamicOnly.length > 0 && <p className="muted small table-foot">{t('effect.dynamicOnly', { names: dynamicOnly.map((e) => estimatorLabel(e, t)).join(lang === 'zh' ? '、' : ', ') })}</p>}
          {missing.length > 0 && <p className="muted small table-foot">{t('effect.notEstimated', { names: missing.map((e) => estimatorLabel(e, t)).join(lang === 'zh' ? '、' : ', ') })}</p>}
          <div className="coef-block">
            <div className="table-title">{t('effect.coefTitle')}</div>
            <CoefficientPlot points={points} axisName={request.log ? t('effect.axisLog') : t('effect.axisLevel')} />
          </div>
        </div>
      ) : (
        <p className="muted">{t('effect.noEstimates')}</p>
      )}
    </ResultPanel>
  );
}
