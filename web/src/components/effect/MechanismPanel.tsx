/**
 * Mechanism tests by the stepwise method: the limits of the method first and prominently (it does not identify
 * a causal mediation effect), then for each channel α (FTZ → mediator) with its p-value, β (mediator → outcome),
 * the indirect effect α·β and the Sobel p-value.
 */
import { useCallback, useMemo } from 'react';
import type { ApiIndicator } from '../../../../src/server/apiTypes.js';
import { formatFixed, indicatorName } from '../../format.js';
import { useLang } from '../../lang.js';
import { NoData } from '../States.js';
import { DataTable, type DisplayColumn } from '../index/DataTable.js';
import { ResultPanel } from '../index/ResultPanel.js';
import { findTable, num, rowsOf, text, type Result } from '../index/result.js';
import { stars } from './estimators.js';
import { estimateDigits } from './labels.js';
import type { EffectRequest } from './spec.js';

export function MechanismPanel({ result, request, indicators }: { readonly result: Result; readonly request: EffectRequest; readonly indicators: readonly ApiIndicator[] }) {
  const { lang, t } = useLang();
  const table = findTable(result, 'mechanisms');
  const rows = useMemo(() => (table ? rowsOf(table) : []), [table]);
  const limits = findTable(result, 'mechanism_limitations');
  const notes = limits ? rowsOf(limits).map((r) => text(r[lang]) || text(r['en'])) : [];
  const byCode = useMemo(() => new Map(indicators.map((i) => [i.code, i])), [indicators]);
  // each column to the decimals its size needs (α of a mediator in levels can be in the millions)
  const digitsOf = useMemo(() => {
    const d = (key: string) => estimateDigits(rows.map((r) => num(r[key])));
    return { alpha: d('alpha'), beta: d('beta'), indirect: d('indirect') };
  }, [rows]);
  const fmt = useCallback((key: 'alpha' | 'beta' | 'indirect') => (v: number) => formatFixed(v, lang, digitsOf[key]), [lang, digitsOf]);
  const pText = useCallback((p: number) => (p < 0.001 ? '< 0.001' : formatFixed(p, lang, 3)), [lang]);

  const columns = useCallback((): DisplayColumn[] => {
    const cell = (i: number, key: string, fmt: (v: number) => string) => {
      const v = num(rows[i]?.[key]);
      return v === null ? <NoData /> : fmt(v);
    };
    return [
      {
        key: 'mediator',
        header: t('effect.mechMediator'),
        numeric: false,
        cell: (i) => {
          const code = text(rows[i]?.['mediator']);
          const ind = byCode.get(code);
          return (
            <span className="estimator-cell" data-mediator={code}>
              <span>{ind ? indicatorName(ind, lang) : code}</span>
              <code className="muted small">{code}</code>
            </span>
          );
        },
      },
      {
        key: 'alpha',
        header: t('effect.mechAlpha'),
        numeric: true,
        cell: (i) => {
          const v = num(rows[i]?.['alpha']);
          return v === null ? (
            <NoData />
          ) : (
            <strong>
              {fmt('alpha')(v)}
              <span className="stars">{stars(num(rows[i]?.['alpha_p']))}</span>
            </strong>
          );
        },
      },
      { key: 'alpha_p', header: t('effect.mechAlphaP'), numeric: true, cell: (i) => cell(i, 'alpha_p', pText) },
      { key: 'beta', header: t('effect.mechBeta'), numeric: true, cell: (i) => cell(i, 'beta', fmt('beta')) },
      { key: 'indirect', header: t('effect.mechIndirect'), numeric: true, cell: (i) => cell(i, 'indirect', fmt('indirect')) },
      { key: 'sobel_p', header: t('effect.mechSobel'), numeric: true, cell: (i) => cell(i, 'sobel_p', pText) },
    ];
  }, [rows, byCode, lang, t, fmt, pText]);

  return (
    <ResultPanel title={t('effect.mechTitle')} lead={t('effect.mechLead', { log: t(request.log ? 'effect.mediatorLogOn' : 'effect.mediatorLogOff') })} testId="effect-mechanism-panel">
      {notes.length > 0 && (
        <div className="mech-limits" role="note" data-testid="mechanism-limitations">
          <strong className="mech-limits-title">{t('effect.mechLimitsTitle')}</strong>
          <ol>
            {notes.map((n, i) => (
              <li key={i}>{n}</li>
            ))}
          </ol>
        </div>
      )}
      {table && rows.length > 0 ? (
        <>
          <div className="mech-table">
            <DataTable table={table} testId="effect-mechanisms" columns={columns} />
          </div>
          <p className="muted small table-foot">
            {t('effect.mechAlphaNote')}
            {lang === 'zh' ? '' : ' '}
            {t('effect.mechStars')}
          </p>
        </>
      ) : (
        <p className="muted">{t('effect.mechMissing')}</p>
      )}
    </ResultPanel>
  );
}
