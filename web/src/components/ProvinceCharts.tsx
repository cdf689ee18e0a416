/** Small line charts of a few host-province indicators on a zone page, each with its source. */
import type { ApiIndicator, ApiRegion, ObservationsResponse } from '../../../src/server/apiTypes.js';
import { indicatorName, indicatorUnit, regionName } from '../format.js';
import { findIndicator } from '../indicators.js';
import { useLang } from '../lang.js';
import { hrefOf } from '../route.js';
import { useApi } from '../useApi.js';
import { LineChart } from './LineChart.js';
import { SourceNote } from './SourceNote.js';
import { Await } from './States.js';

function ProvinceChart({ indicator, province }: { readonly indicator: ApiIndicator; readonly province: ApiRegion }) {
  const { lang } = useLang();
  const obs = useApi<ObservationsResponse>(`api/observations?indicator=${encodeURIComponent(indicator.code)}&region=${province.code}`);
  const name = indicatorName(indicator, lang);
  return (
    <figure className="mini-chart">
      <figcaption className="mini-chart-title">{name}</figcaption>
      <Await state={obs}>
        {(d) =>
          d.rows.length === 0 ? (
            <p className="muted">—</p>
          ) : (
            <>
              <LineChart
                indicator={d.indicator}
                rows={d.rows}
                series={[{ code: province.code, label: regionName(province, province.code, lang) }]}
                height={220}
                ariaLabel={`${name}, ${regionName(province, province.code, lang)}`}
                compact
              />
              <SourceNote sources={d.sources} unit={indicatorUnit(d.indicator, lang)} />
            </>
          )
        }
      </Await>
    </figure>
  );
}

export function ProvinceCharts({ province }: { readonly province: ApiRegion }) {
  const { lang, t } = useLang();
  const indicators = useApi<{ indicators: ApiIndicator[] }>('api/indicators');
  return (
    <section className="section">
      <h2 className="section-title">{t('zone.provinceIndicators', { province: regionName(province, province.code, lang) })}</h2>
      <p className="muted">{t('zone.provinceIndicatorsLead')}</p>
      <Await state={indicators}>
        {(d) => {
          const picks = [
            findIndicator(d.indicators, ['rd_expenditure'], /r&?d.?expenditure|rd_exp/i),
            findIndicator(d.indicators, ['patent_grant_invention', 'patent_grants_invention'], /invention.*patent.*grant|patent.*grant.*invention/i),
            findIndicator(d.indicators, ['co2_total', 'co2_emissions'], /co2/i),
          ].filter((x): x is ApiIndicator => x !== undefined);
          if (picks.length === 0) return <p className="muted">{t('zone.noIndicators')}</p>;
          return (
            <div className="mini-charts">
              {picks.map((ind) => (
                <div key={ind.code}>
                  <ProvinceChart indicator={ind} province={province} />
                  <a className="small" href={hrefOf({ page: 'explorer', indicator: ind.code, regions: [province.code] })}>
                    {t('zone.openExplorer')} →
                  </a>
                </div>
              ))}
            </div>
          );
        }}
      </Await>
    </section>
  );
}

