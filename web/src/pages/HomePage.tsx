/** Home: the province map coloured by an indicator, its table and source, the base-map note and the zones. */
import { useMemo, useState } from 'react';
import type { ApiIndicator, ApiRegion, MetaResponse, ObservationsResponse, ZonesResponse } from '../../../src/server/apiTypes.js';
import { readBasemap, type BasemapInfo } from '../basemap.js';
import { IndicatorSelect } from '../components/IndicatorSelect.js';
import { PageTitle } from '../components/PageTitle.js';
import { ProvinceMap } from '../components/ProvinceMap.js';
import { ProvinceTable } from '../components/ProvinceTable.js';
import { SourceNote } from '../components/SourceNote.js';
import { Await, ErrorBox, Loading } from '../components/States.js';
import { ZoneGrid } from '../components/ZoneGrid.js';
import { formatNumber, indicatorUnit } from '../format.js';
import { defaultIndicator, mappable } from '../indicators.js';
import { useLang } from '../lang.js';
import { hrefOf } from '../route.js';
import { useApi } from '../useApi.js';

function BasemapNote({ meta }: { readonly meta: MetaResponse }) {
  const { lang, t } = useLang();
  return (
    <aside className="notice" aria-label={t('home.basemapTitle')}>
      <strong>{t('home.basemapTitle')}</strong> {lang === 'zh' ? meta.basemap.note_zh : meta.basemap.note_en}
    </aside>
  );
}

interface MapPanelProps {
  readonly indicators: readonly ApiIndicator[];
  readonly regions: readonly ApiRegion[];
  readonly zones: ZonesResponse['zones'];
  readonly basemap: BasemapInfo;
}

function MapPanel({ indicators, regions, zones, basemap }: MapPanelProps) {
  const { lang, t } = useLang();
  const choices = useMemo(() => indicators.filter(mappable), [indicators]);
  const [code, setCode] = useState(() => defaultIndicator(choices)?.code ?? '');
  const [chosenYear, setChosenYear] = useState<number | null>(null);
  const obs = useApi<ObservationsResponse>(code ? `api/observations?indicator=${encodeURIComponent(code)}` : null);

  const regionMap = useMemo(() => new Map(regions.map((r) => [r.code, r])), [regions]);
  const provinceRows = useMemo(() => (obs.status === 'ok' ? obs.data.rows.filter((r) => regionMap.has(r.region)) : []), [obs.status, obs.data, regionMap]);
  const years = useMemo(() => [...new Set(provinceRows.map((r) => r.year))].sort((a, b) => a - b), [provinceRows]);
  const year = chosenYear !== null && years.includes(chosenYear) ? chosenYear : (years[years.length - 1] ?? null);
  const values = useMemo(() => new Map(provinceRows.filter((r) => r.year === year && Number.isFinite(r.value)).map((r) => [r.region, r.value])), [provinceRows, year]);

  const indicator = obs.status === 'ok' ? obs.data.indicator : indicators.find((i) => i.code === code);
  const unit = indicator ? indicatorUnit(indicator, lang) : '';

  return (
    <section className="panel">
      <div className="controls">
        <label className="control">
          <span className="control-label">{t('home.indicator')}</span>
          <IndicatorSelect id="home-indicator" indicators={choices} value={code} onChange={setCode} />
        </label>
        <label className="control">
          <span className="control-label">{t('home.year')}</span>
          <select className="select" data-testid="year-select" value={year ?? ''} disabled={years.length === 0} onChange={(e) => setChosenYear(Number(e.target.value))}>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </label>
        {years.length > 1 && year !== null && (
          <input
            className="year-slider"
            type="range"
            min={0}
            max={years.length - 1}
            step={1}
            value={years.indexOf(year)}
            aria-label={t('home.year')}
            onChange={(e) => setChosenYear(years[Number(e.target.value)] ?? null)}
          />
        )}
        {indicator && (
          <a className="control-link" href={hrefOf({ page: 'explorer', indicator: indicator.code, regions: null })}>
            {t('zone.openExplorer')} →
          </a>
        )}
      </div>

      <div className="map-layout">
        <div className="map-cell">
          {obs.status === 'error' && <ErrorBox error={obs.error} onRetry={obs.retry} />}
          {obs.status === 'loading' && <div className="map-placeholder"><Loading /></div>}
          {obs.status === 'ok' && indicator && year === null && <p className="state">{t('home.noProvinceData')}</p>}
          {obs.status === 'ok' && indicator && year !== null && (
            <ProvinceMap basemap={basemap} indicator={indicator} year={year} values={values} regions={regionMap} zones={zones} onZone={(id) => (window.location.hash = hrefOf({ page: 'zone', id }))} />
          )}
          <div className="map-foot">
            <span className="muted small">
              <span className="swatch swatch-nodata" aria-hidden="true" /> {t('home.greyNoData')} · {t('home.markerHint')}
            </span>
            {obs.status === 'ok' && <SourceNote sources={obs.data.sources} unit={unit} />}
          </div>
        </div>
        <div className="table-cell">
          {obs.status === 'ok' && year !== null && (
            <ProvinceTable regions={regions} values={values} zones={zones} unit={unit} caption={t('home.tableTitle', { year })} />
          )}
        </div>
      </div>
    </section>
  );
}

export function HomePage() {
  const { lang, t } = useLang();
  const meta = useApi<MetaResponse>('api/meta');
  const zones = useApi<ZonesResponse>('api/zones');
  const regions = useApi<{ regions: ApiRegion[] }>('api/regions?level=province');
  const indicators = useApi<{ indicators: ApiIndicator[] }>('api/indicators');
  const basemapRaw = useApi<unknown>('api/basemap');
  const basemap = useMemo(() => (basemapRaw.status === 'ok' ? readBasemap(basemapRaw.data) : null), [basemapRaw.status, basemapRaw.data]);
  const provinces = useMemo(() => (regions.status === 'ok' ? regions.data.regions.filter((r) => r.level === 'province') : []), [regions.status, regions.data]);

  const firstError = [meta, zones, regions, indicators, basemapRaw].find((s) => s.status === 'error');
  const ready = zones.status === 'ok' && regions.status === 'ok' && indicators.status === 'ok' && basemap !== null;

  return (
    <div className="page">
      <PageTitle title={t('home.title')} />
      <p className="lead">{t('home.lead')}</p>
      {meta.status === 'ok' && (
        <p className="muted small counts">
          {t('home.counts', {
            zones: meta.data.counts.zones,
            indicators: meta.data.counts.indicators,
            observations: formatNumber(meta.data.counts.observations, lang),
          })}
        </p>
      )}

      {firstError?.error ? (
        <ErrorBox error={firstError.error} onRetry={firstError.retry} />
      ) : ready ? (
        <MapPanel indicators={indicators.data.indicators} regions={provinces} zones={zones.data.zones} basemap={basemap} />
      ) : (
        <div className="panel map-placeholder">
          <Loading />
        </div>
      )}

      {meta.status === 'ok' && <BasemapNote meta={meta.data} />}

      <section className="section">
        <h2 className="section-title">{zones.status === 'ok' ? t('home.zonesTitle', { n: zones.data.zones.length }) : t('table.ftz')}</h2>
        <p className="muted">{t('home.zonesLead')}</p>
        <Await state={zones}>{(d) => <ZoneGrid zones={d.zones} />}</Await>
      </section>
    </div>
  );
}
