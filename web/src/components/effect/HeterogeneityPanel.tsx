/**
 * Heterogeneity of the TWFE effect: for each grouping asked for (FTZ batch, coastal / inland / border zone) a
 * coefficient plot of the groups with 95 % confidence intervals, the χ² test of equal effects in words, and a
 * table of the group estimates. Group labels are worded in the UI language; batches are shown by year.
 */
import { useCallback, useMemo } from 'react';
import { batchColour } from '../../batches.js';
import { formatFixed } from '../../format.js';
import type { MessageKey } from '../../i18n.js';
import { useLang } from '../../lang.js';
import { NoData } from '../States.js';
import { DataTable, type DisplayColumn } from '../index/DataTable.js';
import { ResultPanel } from '../index/ResultPanel.js';
import { findTable, num, rowsOf, text, type Result } from '../index/result.js';
import { CoefficientPlot, type CoefficientPoint } from './CoefficientPlot.js';
import { stars } from './estimators.js';
import { estimateDigits } from './labels.js';
import type { EffectRequest, Grouping } from './spec.js';

const LOCATIONS = ['coastal', 'inland', 'border'] as const;
const LOCATION_COLOURS: Readonly<Record<string, string>> = { coastal: '#4e79a7', inland: '#59a14f', border: '#e15759' };

function locationKey(g: string): MessageKey | null {
  return (LOCATIONS as readonly string[]).includes(g) ? (`loc.${g}` as MessageKey) : null;
}

function GroupingBlock({ result, by, axisName }: { readonly result: Result; readonly by: Grouping; readonly axisName: string }) {
  const { lang, t } = useLang();
  const table = findTable(result, `heterogeneity_${by}`);
  const rows = useMemo(() => (table ? rowsOf(table) : []), [table]);
  const label = useCallback(
    (g: string): string => {
      if (by === 'batch') return /^\d{4}$/.test(g) ? t('batch.year', { year: Number(g) }) : g;
      const key = locationKey(g);
      const s = key ? t(key) : g;
      return lang === 'en' ? s.charAt(0).toUpperCase() + s.slice(1) : s;
    },
    [by, lang, t],
  );
  // batches by year; locations coastal, inland, border
  const order = useMemo(() => {
    const rank = (g: string) => (by === 'batch' ? Number(g) || 9999 : (LOCATIONS as readonly string[]).indexOf(g) + 1 || 99);
    return rows.map((r, i) => ({ i, k: rank(text(r['group'])) })).sort((a, b) => a.k - b.k || a.i - b.i).map((x) => x.i);
  }, [rows, by]);
  // as many decimals as the size of the effects needs: four in log points, none for an outcome in levels
  const digits = useMemo(() => estimateDigits(rows.flatMap((r) => [num(r['att']), num(r['se'])])), [rows]);
  const f4 = useCallback((v: number) => formatFixed(v, lang, digits), [lang, digits]);
  const pText = useCallback((p: number) => (p < 0.001 ? '< 0.001' : formatFixed(p, lang, 3)), [lang]);

  const points = useMemo<CoefficientPoint[]>(
    () =>
      order.flatMap((i) => {
        const r = rows[i] ?? {};
        const att = num(r['att']);
        if (att === null) return [];
        const se = num(r['se']);
        const g = text(r['group']);
        return [
          {
            estimator: g,
            label: label(g),
            att,
            low: se === null ? null : att - 1.96 * se,
            high: se === null ? null : att + 1.96 * se,
            p: num(r['p']),
            colour: by === 'batch' ? batchColour(Number(g)) : (LOCATION_COLOURS[g] ?? '#9c755f'),
          },
        ];
      }),
    [rows, order, by, label],
  );

  const columns = useCallback((): DisplayColumn[] => {
    const cell = (i: number, key: string, fmt: (v: number) => string) => {
      const v = num(rows[i]?.[key]);
      return v === null ? <NoData /> : fmt(v);
    };
    return [
      { key: 'group', header: t('effect.hetGroup'), numeric: false, cell: (i) => <span data-group={text(rows[i]?.['group'])}>{label(text(rows[i]?.['group']))}</span> },
      {
        key: 'att',
        header: t('effect.att'),
        numeric: true,
        cell: (i) => {
          const v = num(rows[i]?.['att']);
          return v === null ? (
            <NoData />
          ) : (
            <strong>
              {f4(v)}
              <span className="stars">{stars(num(rows[i]?.['p']))}</span>
            </strong>
          );
        },
      },
      { key: 'se', header: t('effect.seShort'), numeric: true, cell: (i) => cell(i, 'se', f4) },
      {
        key: 'ci',
        header: t('effect.ci95'),
        numeric: true,
        cell: (i) => {
          const att = num(rows[i]?.['att']);
          const se = num(rows[i]?.['se']);
          return att === null || se === null ? <NoData /> : `[${f4(att - 1.96 * se)}, ${f4(att + 1.96 * se)}]`;
        },
      },
      { key: 'p', header: t('effect.p'), numeric: true, cell: (i) => cell(i, 'p', pText) },
      { key: 'treated_obs', header: t('effect.hetTreatedObs'), numeric: true, cell: (i) => cell(i, 'treated_obs', (v) => String(v)) },
    ];
  }, [rows, label, t, f4, pText]);

  const chi2 = num(rows[0]?.['equal_chi2']);
  const equalP = num(rows[0]?.['equal_p']);
  const verdict =
    rows.length < 2 || chi2 === null || equalP === null
      ? t('effect.hetOneGroup')
      : t(`effect.${equalP < 0.05 ? 'hetDiffer' : 'hetSame'}.${by}`, { chi2: formatFixed(chi2, lang, 2), p: equalP < 0.001 ? 'p < 0.001' : `p = ${formatFixed(equalP, lang, 3)}` });

  return (
    <div className="het-block" data-testid={`heterogeneity-${by}`}>
      <div className="table-title">{t(`effect.hetBy.${by}`)}</div>
      {!table || rows.length === 0 ? (
        <p className="muted small">{t('effect.hetMissing')}</p>
      ) : (
        <>
          <p className={rows.length >= 2 && equalP !== null && equalP < 0.05 ? 'het-verdict differ' : 'het-verdict'} data-testid={`heterogeneity-${by}-verdict`}>
            {verdict}
          </p>
          <div className="robust-layout het-layout">
            <div className="robust-chart">
              <CoefficientPlot points={points} axisName={axisName} testId={`het-plot-${by}`} ariaLabel={t('effect.hetAria')} />
            </div>
            <DataTable table={table} testId={`het-table-${by}`} columns={columns} rows={order} compact />
          </div>
        </>
      )}
    </div>
  );
}

export function HeterogeneityPanel({ result, request }: { readonly result: Result; readonly request: EffectRequest }) {
  const { lang, t } = useLang();
  const axisName = request.log ? t('effect.axisLog') : t('effect.axisLevel');
  return (
    <ResultPanel title={t('effect.hetTitle')} lead={t('effect.hetLead')} testId="effect-heterogeneity-panel">
      {request.heterogeneity.map((by) => (
        <GroupingBlock key={by} result={result} by={by} axisName={axisName} />
      ))}
      <p className="muted small table-foot">
        {t('effect.starsNote')}
        {lang === 'zh' ? '' : ' '}
        {t('effect.hetNote')}
      </p>
    </ResultPanel>
  );
}
