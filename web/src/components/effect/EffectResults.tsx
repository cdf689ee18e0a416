/** Every panel of one FTZ-effect run, in reading order, under a summary of the run with the CSV downloads. */
import type { ApiIndicator } from '../../../../src/server/apiTypes.js';
import { formatDate, indicatorName } from '../../format.js';
import { useLang } from '../../lang.js';
import type { Result } from '../index/result.js';
import { CsvExport } from './CsvExport.js';
import { EffectConventionsPanel } from './EffectConventionsPanel.js';
import { EstimatesPanel } from './EstimatesPanel.js';
import { ruleKey } from './estimators.js';
import { EventStudyPanel } from './EventStudyPanel.js';
import type { EffectRequest } from './spec.js';
import { TimingPanel } from './TimingPanel.js';

export interface EffectResultsProps {
  readonly result: Result;
  readonly request: EffectRequest;
  readonly indicators: readonly ApiIndicator[];
  readonly busy: boolean;
}

export function EffectResults({ result, request, indicators, busy }: EffectResultsProps) {
  const { lang, t } = useLang();
  const p = result.provenance;
  const sha = p.inputs[0]?.sha256.slice(0, 12) ?? '—';
  const outcome = indicators.find((i) => i.code === request.outcome);
  return (
    <div className={busy ? 'index-results busy' : 'index-results'} data-testid="effect-results" aria-busy={busy}>
      <section className="panel run-summary">
        <div className="run-summary-head">
          <div>
            <h2 className="panel-title" data-testid="effect-results-title">
              {t('effect.resultsTitle')}
            </h2>
            <p className="run-summary-line">
              {t('effect.runSummary', {
                outcome: `${outcome ? indicatorName(outcome, lang) : request.outcome}${request.log ? t('effect.inLogs') : ''}`,
                level: t(`effect.level.${request.level}`),
                rule: t(ruleKey(request.rule)),
              })}
            </p>
            <p className="muted small">{t('index.provenance', { version: p.package.version, date: formatDate(p.createdAt.slice(0, 10), lang), sha })}</p>
          </div>
          <CsvExport result={result} />
        </div>
      </section>
      <EstimatesPanel result={result} request={request} />
      <EventStudyPanel result={result} request={request} />
      <TimingPanel result={result} request={request} />
      <EffectConventionsPanel result={result} request={request} indicators={indicators} />
    </div>
  );
}
