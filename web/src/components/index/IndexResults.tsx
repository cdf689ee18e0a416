/** Every panel of one index run, in reading order, under a summary of the run with the export buttons. */
import type { BasemapInfo } from '../../basemap.js';
import { formatDate } from '../../format.js';
import { useLang } from '../../lang.js';
import { ConventionsPanel } from './ConventionsPanel.js';
import { DagumPanel } from './DagumPanel.js';
import { ExportButtons } from './ExportButtons.js';
import type { Framework } from './framework.js';
import { IndexMapPanel } from './IndexMapPanel.js';
import { KdePanel } from './KdePanel.js';
import { MarkovPanel } from './MarkovPanel.js';
import { MoranPanel } from './MoranPanel.js';
import { MoreTablesPanel } from './MoreTablesPanel.js';
import { RankUncertaintyPanel } from './RankUncertaintyPanel.js';
import { findTable, labelOf, type Result } from './result.js';
import { aggKey, normKey, weightKey, type IndexRequest } from './spec.js';
import { TopsisPanel } from './TopsisPanel.js';
import { WeightsPanel } from './WeightsPanel.js';

export interface IndexResultsProps {
  readonly result: Result;
  readonly request: IndexRequest;
  readonly framework: Framework | undefined;
  readonly basemap: BasemapInfo;
  readonly busy: boolean;
}

export function IndexResults({ result, request, framework, basemap, busy }: IndexResultsProps) {
  const { lang, t } = useLang();
  const p = result.provenance;
  const sha = p.inputs[0]?.sha256.slice(0, 12) ?? '—';
  return (
    <div className={busy ? 'index-results busy' : 'index-results'} data-testid="index-results" aria-busy={busy}>
      <section className="panel run-summary">
        <div className="run-summary-head">
          <div>
            <h2 className="panel-title" data-testid="results-title">
              {t('index.resultsTitle')}
            </h2>
            <p className="run-summary-line">
              {t('index.runSummary', {
                framework: framework ? labelOf(framework.name, lang) : request.framework,
                norm: t(normKey(request.normalisation.method)),
                weights: t(weightKey(request.weights.method)),
                agg: t(aggKey(request.aggregation.method)),
              })}
            </p>
            <p className="muted small">{t('index.provenance', { version: p.package.version, date: formatDate(p.createdAt.slice(0, 10), lang), sha })}</p>
          </div>
          <ExportButtons request={request} />
        </div>
      </section>
      <IndexMapPanel result={result} basemap={basemap} />
      <WeightsPanel result={result} framework={framework} />
      {findTable(result, 'topsis') && <TopsisPanel result={result} />}
      <DagumPanel result={result} />
      <KdePanel result={result} />
      <MarkovPanel result={result} />
      <MoranPanel result={result} basemap={basemap} />
      <RankUncertaintyPanel result={result} />
      <ConventionsPanel result={result} />
      <MoreTablesPanel result={result} />
    </div>
  );
}
