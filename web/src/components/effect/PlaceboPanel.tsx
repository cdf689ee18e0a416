/**
 * The placebo test of the TWFE estimate: the density of the estimates under fake assignments with the real
 * estimate marked, the permutation p-value in words, and the facts needed to reproduce it (draws, mode, seed).
 */
import { useMemo } from 'react';
import { formatFixed, formatInteger } from '../../format.js';
import { useLang } from '../../lang.js';
import { NoData } from '../States.js';
import { ResultPanel } from '../index/ResultPanel.js';
import { findColumn, findTable, num, rowsOf, type Result } from '../index/result.js';
import { PlaceboChart } from './PlaceboChart.js';
import { estimateDigits } from './labels.js';
import type { EffectRequest } from './spec.js';

export function PlaceboPanel({ result, request }: { readonly result: Result; readonly request: EffectRequest }) {
  const { lang, t } = useLang();
  const table = findTable(result, 'placebo');
  const row = table ? rowsOf(table)[0] : undefined;
  const densityTable = findTable(result, 'placebo_density');
  const curve = useMemo(() => {
    if (!densityTable) return null;
    const x = findColumn(densityTable, 'x')?.values ?? [];
    const d = findColumn(densityTable, 'density')?.values ?? [];
    const xs: number[] = [];
    const ds: number[] = [];
    x.forEach((v, i) => {
      const xv = num(v);
      const dv = num(d[i]);
      if (xv !== null && dv !== null) {
        xs.push(xv);
        ds.push(dv);
      }
    });
    return xs.length > 1 ? { x: xs, density: ds } : null;
  }, [densityTable]);

  const placebo = request.placebo;
  const mode = placebo ? t(`effect.placeboMode.${placebo.mode}`) : '';
  const real = num(row?.['real']);
  const p = num(row?.['p']);
  const tp = num(row?.['t_p']);
  const failed = num(row?.['failed']) ?? 0;
  const seed = num(row?.['seed']) ?? placebo?.seed ?? null;
  const digits = estimateDigits([real, num(row?.['mean']), num(row?.['sd'])]);
  const f4 = (v: number | null) => (v === null ? <NoData /> : formatFixed(v, lang, digits));
  const pText = (v: number | null) => (v === null ? <NoData /> : v < 0.001 ? '< 0.001' : formatFixed(v, lang, 3));

  return (
    <ResultPanel title={t('effect.placeboTitle')} lead={t('effect.placeboLead', { draws: placebo ? formatInteger(placebo.draws, lang) : '—', mode })} testId="effect-placebo-panel">
      {!row ? (
        <p className="muted">{t('effect.placeboMissing')}</p>
      ) : (
        <div className="robust-layout">
          <div className="robust-chart">
            {curve && real !== null ? <PlaceboChart x={curve.x} density={curve.density} real={real} /> : <p className="muted">{t('effect.placeboNoDensity')}</p>}
            <ul className="legend-list event-notes">
              <li>
                <span className="legend-line legend-solid-red" aria-hidden="true" />
                {t('effect.placeboLegendReal')}
              </li>
              <li>
                <span className="legend-line legend-dashed-dark" aria-hidden="true" />
                {t('effect.placeboLegendZero')}
              </li>
            </ul>
          </div>
          <div className="pretest robust-facts" data-testid="placebo-facts">
            <dl className="pretest-facts">
              <div>
                <dt>{t('effect.placeboReal')}</dt>
                <dd>{f4(real)}</dd>
              </div>
              <div>
                <dt>{t('effect.placeboP')}</dt>
                <dd data-testid="placebo-p">{pText(p)}</dd>
              </div>
              <div>
                <dt>{t('effect.placeboMean')}</dt>
                <dd>{f4(num(row['mean']))}</dd>
              </div>
              <div>
                <dt>{t('effect.placeboSd')}</dt>
                <dd>{f4(num(row['sd']))}</dd>
              </div>
              <div>
                <dt>{t('effect.placeboTp')}</dt>
                <dd>{pText(tp)}</dd>
              </div>
              <div>
                <dt>{t('effect.placeboDrawsShown')}</dt>
                <dd>
                  {placebo ? formatInteger(placebo.draws, lang) : <NoData />}
                  {failed > 0 && <span className="muted small">{t('effect.placeboFailed', { n: formatInteger(failed, lang) })}</span>}
                </dd>
              </div>
              <div>
                <dt>{t('effect.placeboMode')}</dt>
                <dd className="fact-text">{mode}</dd>
              </div>
              <div>
                <dt>{t('effect.placeboSeedShown')}</dt>
                <dd>{seed ?? <NoData />}</dd>
              </div>
            </dl>
            {p !== null && <p className={p < 0.05 ? 'pretest-verdict' : 'pretest-verdict reject'}>{t(p < 0.05 ? 'effect.placeboReject' : 'effect.placeboPass')}</p>}
            {placebo?.mode === 'timing' && <p className="muted small">{t('effect.placeboTimingNote')}</p>}
            <p className="muted small">{t('effect.placeboPNote')}</p>
          </div>
        </div>
      )}
    </ResultPanel>
  );
}
