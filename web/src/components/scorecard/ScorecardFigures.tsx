/** The scorecard's five figures, each drawn from the Result's own figure spec. */
import type { BasemapInfo } from '../../basemap.js';
import { useLang } from '../../lang.js';
import { ErrorBox } from '../States.js';
import type { ApiState } from '../../useApi.js';
import { ScorecardChart } from './ScorecardChart.js';
import { findTable, rowsOf, type Result } from './scorecard.js';

const ROW_HEIGHT = 19;

export function ScorecardFigures({ result, basemap, basemapState, fileStem }: {
  readonly result: Result;
  readonly basemap: BasemapInfo | null;
  readonly basemapState: ApiState<unknown> & { readonly retry: () => void };
  readonly fileStem: string;
}) {
  const { t } = useLang();
  const provinces = findTable(result, 'nqpf_provinces');
  const ranked = provinces ? rowsOf(provinces).filter((r) => typeof r['rank'] === 'number').length : 0;
  const chart = (name: string, height: number, wide = false) => (
    <div className={wide ? 'sc-figure sc-figure-wide' : 'sc-figure'} data-figure={name}>
      <ScorecardChart result={result} figure={name} height={height} testId={`sc-chart-${name}`} basemap={basemap} fileName={`${fileStem}-${name}`} />
    </div>
  );
  return (
    <section className="panel sc-figures" data-testid="sc-figures">
      <h2 className="panel-title">{t('scorecard.figures')}</h2>
      <div className="sc-figure-grid">
        {chart('profile', 440)}
        {chart('effects', 440)}
        {/* the map keeps its aspect from the height it is given, so it takes the full width rather than overflow a column */}
        {basemapState.status === 'error' ? <ErrorBox error={basemapState.error} onRetry={basemapState.retry} /> : chart('index_map', 560, true)}
        {chart('index_rank', Math.max(360, ranked * ROW_HEIGHT + 120))}
        {chart('index_trend', 420)}
      </div>
    </section>
  );
}
