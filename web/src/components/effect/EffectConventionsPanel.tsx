/**
 * Every convention the run used, worded in the UI language from the spec that was run (the server's own wording
 * is kept as a tooltip), the warnings it raised, and the sources of the data.
 */
import type { ApiIndicator } from '../../../../src/server/apiTypes.js';
import { indicatorName, indicatorUnit } from '../../format.js';
import type { MessageKey } from '../../i18n.js';
import { useLang } from '../../lang.js';
import { ProvenanceSources } from '../index/ProvenanceSources.js';
import { ResultPanel } from '../index/ResultPanel.js';
import { findTable, rowsOf, text, type Result } from '../index/result.js';
import { WarningList } from '../index/WarningList.js';
import { ruleKey } from './estimators.js';
import type { EffectRequest } from './spec.js';

const OPTION_KEYS: Readonly<Record<string, MessageKey>> = {
  outcome: 'effect.opt.outcome',
  log: 'effect.opt.log',
  level: 'effect.opt.level',
  'timing rule': 'effect.opt.rule',
  years: 'effect.opt.years',
  controls: 'effect.opt.controls',
  clustering: 'effect.opt.clustering',
  'event window': 'effect.opt.window',
  covariates: 'effect.opt.covariates',
};

export function EffectConventionsPanel({ result, request, indicators }: { readonly result: Result; readonly request: EffectRequest; readonly indicators: readonly ApiIndicator[] }) {
  const { lang, t } = useLang();
  const table = findTable(result, 'conventions');
  const rows = table ? rowsOf(table) : [];
  const byCode = new Map(indicators.map((i) => [i.code, i]));
  const named = (code: string) => {
    const ind = byCode.get(code);
    if (!ind) return code;
    const unit = indicatorUnit(ind, lang);
    return `${indicatorName(ind, lang)}${unit ? ` (${unit})` : ''}`;
  };
  const list = (items: string[]) => items.join(lang === 'zh' ? '、' : ', ');
  const valueOf = (option: string, raw: string): string => {
    switch (option) {
      case 'outcome':
        return `${named(request.outcome)} · ${request.outcome}`;
      case 'log':
        return t(request.log ? 'effect.logYes' : 'effect.logNo');
      case 'level':
        return t(`effect.level.${request.level}`);
      case 'timing rule':
        return t(ruleKey(request.rule));
      case 'controls':
        return t('effect.controlsValue', { cs: t(`effect.control.${request.control}`) });
      case 'clustering':
        return t(request.level === 'city' ? 'effect.clusterCity' : 'effect.clusterProvince');
      case 'event window':
        return t('effect.windowValue', { from: request.window[0], to: request.window[1] });
      case 'covariates':
        return request.covariates.length ? list(request.covariates.map(named)) : t('effect.noCovariates');
      default:
        return raw;
    }
  };

  return (
    <ResultPanel title={t('effect.conventionsTitle')} testId="effect-conventions-panel">
      <WarningList warnings={result.warnings} testId="effect-warnings" empty={t('effect.noWarnings')} />
      {table && (
        <div className="table-scroll table-wide-nomax" data-testid="effect-conventions">
          <table className="table conventions">
            <thead>
              <tr>
                <th>{t('index.option')}</th>
                <th>{t('index.value')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => {
                const option = text(r['option']);
                const raw = text(r['value']);
                const key = OPTION_KEYS[option];
                return (
                  <tr key={option}>
                    <th scope="row">{key ? t(key) : option}</th>
                    <td className="wrap" title={raw}>
                      {valueOf(option, raw)}
                    </td>
                  </tr>
                );
              })}
              <tr>
                <th scope="row">{t('effect.opt.csMethod')}</th>
                <td className="wrap">{request.estimators.includes('cs') ? t(`effect.method.${request.method}`) : '—'}</td>
              </tr>
              <tr>
                <th scope="row">{t('effect.opt.se')}</th>
                <td className="wrap">{t('effect.seValue')}</td>
              </tr>
            </tbody>
          </table>
        </div>
      )}
      <ProvenanceSources sources={result.provenance.sources} testId="effect-sources" />
    </ResultPanel>
  );
}
