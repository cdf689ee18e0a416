/**
 * Every panel of one FTZ-effect run, in reading order, under a summary of the run with the CSV downloads: the
 * estimates, the event study, then (when asked for) the placebo test, heterogeneity and mechanism tests.
 */
import type { ApiIndicator } from '../../../../src/server/apiTypes.js';
import { formatDate, indicatorName } from '../../format.js';
import { useLang } from '../../lang.js';
import type { Result } from '../index/result.js';
import { CsvExport } from './CsvExport.js';
import { EffectConventionsPanel } from './EffectConventionsPanel.js';
import { EstimatesPanel } from './EstimatesPanel.js';
import { ruleKey } from './estimators.js';
import { EventStudyPanel } from './EventStudyPanel.js';
import { HeterogeneityPanel } from './HeterogeneityPanel.js';
import { MechanismPanel } from './MechanismPanel.js';
import { PlaceboPanel } from './PlaceboPanel.js';
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
  const outcomeLabel = `${outcome ? indicatorName(outcome, lang) : request.outcome}${request.log ? t('effect.inLogs') : ''}`;
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
                outcome: outcomeLabel,
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
      <EventStudyPanel result={result} request={request} outcomeLabel={outcomeLabel} />
      {request.placebo && <PlaceboPanel result={result} request={request} />}
      {request.heterogeneity.length > 0 && <HeterogeneityPanel result={result} request={request} />}
      {request.mediators.length > 0 && <MechanismPanel result={result} request={request} indicators={indicators} />}
      <TimingPanel result={result} request={request} />
      <EffectConventionsPanel result={result} request={request} indicators={indicators} />
    </div>
  );
}
