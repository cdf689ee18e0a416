/**
 * Which regions are treated from when: the server's treatment-timing table, grouped by first treated year and
 * basis (the registry date the rule read), never-treated regions last.
 */
import { useMemo } from 'react';
import type { ApiRegion } from '../../../../src/server/apiTypes.js';
import { regionName } from '../../format.js';
import { useLang } from '../../lang.js';
import { useApi } from '../../useApi.js';
import { NoData } from '../States.js';
import { ResultPanel } from '../index/ResultPanel.js';
import { findTable, num, rowsOf, text, type Result } from '../index/result.js';
import { ruleKey } from './estimators.js';
import { basisText } from './labels.js';
import type { EffectRequest } from './spec.js';

interface Cohort {
  readonly year: number | null;
  readonly basis: string;
  readonly regions: { readonly code: string; readonly name: string }[];
}

export function TimingPanel({ result, request }: { readonly result: Result; readonly request: EffectRequest }) {
  const { lang, t } = useLang();
  const table = findTable(result, 'timing');
  const regions = useApi<{ regions: ApiRegion[] }>(`api/regions?level=${request.level === 'city' ? 'prefecture' : 'province'}`);
  const byCode = useMemo(() => new Map((regions.status === 'ok' ? regions.data.regions : []).map((r) => [r.code, r])), [regions.status, regions.data]);

  const cohorts = useMemo<Cohort[]>(() => {
    if (!table) return [];
    const groups = new Map<string, Cohort>();
    for (const r of rowsOf(table)) {
      const code = text(r['region']);
      const year = num(r['first_year']);
      const basis = text(r['basis']);
      const key = `${year ?? 'never'}|${basis}`;
      const region = byCode.get(code);
      const name = region ? regionName(region, code, lang) : text(r['name']) || code;
      const g = groups.get(key) ?? { year, basis, regions: [] };
      g.regions.push({ code, name });
      groups.set(key, g);
    }
    return [...groups.values()].sort((a, b) => (a.year ?? 99_999) - (b.year ?? 99_999) || a.basis.localeCompare(b.basis));
  }, [table, byCode, lang]);

  if (!table) return null;
  const treated = cohorts.filter((c) => c.year !== null).reduce((n, c) => n + c.regions.length, 0);
  const never = cohorts.filter((c) => c.year === null).reduce((n, c) => n + c.regions.length, 0);
  const years = new Set(cohorts.filter((c) => c.year !== null).map((c) => c.year)).size;
  const unit = t(request.level === 'city' ? 'effect.unitCity' : 'effect.unitProvince');

  return (
    <ResultPanel title={t('effect.timingTitle')} lead={t('effect.timingLead', { rule: t(ruleKey(request.rule)) })} testId="effect-timing-panel">
      <p className="run-summary-line">{t('effect.timingSummary', { n: treated + never, unit, treated, cohorts: years, never })}</p>
      <div className="table-scroll table-wide-nomax" data-testid="effect-timing">
        <table className="table timing-table">
          <thead>
            <tr>
              <th>{t('effect.firstYear')}</th>
              <th className="num">{t('effect.count')}</th>
              <th>{t('effect.regions')}</th>
              <th>{t('effect.basis')}</th>
            </tr>
          </thead>
          <tbody>
            {cohorts.map((c) => (
              <tr key={`${c.year ?? 'never'}|${c.basis}`} className={c.year === null ? 'never-row' : undefined}>
                <td className="strong">{c.year === null ? <NoData /> : c.year}</td>
                <td className="num">{c.regions.length}</td>
                <td className="wrap">
                  {c.regions.map((r) => (
                    <span key={r.code} className="chip region-chip" title={r.code}>
                      {r.name}
                    </span>
                  ))}
                </td>
                <td className="wrap small">{basisText(c.basis, lang, t)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </ResultPanel>
  );
}
