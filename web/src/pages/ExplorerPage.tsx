/** Indicator explorer: one indicator, chosen provinces, a line chart over years and the table behind it. */
import { useEffect, useMemo, useState } from 'react';
import type { ApiIndicator, ApiObservation, ApiRegion, DatasetsResponse, ObservationsResponse, ZonesResponse } from '../../../src/server/apiTypes.js';
import { ImportPanel } from '../components/ImportPanel.js';
import { IndicatorSelect } from '../components/IndicatorSelect.js';
import { LineChart } from '../components/LineChart.js';
import { RegionPicker, type RegionGroup, type RegionOption } from '../components/RegionPicker.js';
import { PageTitle } from '../components/PageTitle.js';
import { SourceNote } from '../components/SourceNote.js';
import { ErrorBox, Loading } from '../components/States.js';
import { YearTable } from '../components/YearTable.js';
import { formatDate, indicatorName, indicatorUnit, regionName } from '../format.js';
import { defaultIndicator } from '../indicators.js';
import { useLang } from '../lang.js';
import { hrefOf, replaceRoute, type Route } from '../route.js';
import { useApi, useInvalidate } from '../useApi.js';

type ExplorerRoute = Extract<Route, { page: 'explorer' }>;

const MACRO_ORDER = ['east', 'central', 'west', 'northeast'] as const;

/** The hosts of the first two batches (2013, 2015): the zones with the longest record. */
function firstBatchHosts(zones: ZonesResponse['zones']): string[] {
  return [...new Set(zones.filter((z) => z.batch_year <= 2015).map((z) => z.province_code))];
}

function topByLatest(rows: readonly ApiObservation[], n: number): string[] {
  const last = Math.max(...rows.map((r) => r.year));
  return rows
    .filter((r) => r.year === last)
    .sort((a, b) => b.value - a.value)
    .slice(0, n)
    .map((r) => r.region);
}

/** A user's dataset has no publisher record: say which import the numbers came from instead. */
function UserDatasetNote({ name }: { readonly name: string }) {
  const { lang, t } = useLang();
  const datasets = useApi<DatasetsResponse>('api/datasets');
  const d = datasets.status === 'ok' ? datasets.data.datasets.find((x) => x.name === name) : undefined;
  if (!d) return null;
  return (
    <div className="source-note">
      <div>
        <span className="label">{t('source.indicatorSource')}</span>{' '}
        {t('explorer.userSource', { name: d.name, file: d.file_name, date: formatDate(d.imported_at.slice(0, 10), lang), version: d.version })}
      </div>
    </div>
  );
}

function ExplorerBody({
  route,
  indicators,
  regions,
  zones,
}: {
  readonly route: ExplorerRoute;
  readonly indicators: readonly ApiIndicator[];
  readonly regions: readonly ApiRegion[];
  readonly zones: ZonesResponse['zones'];
}) {
  const { lang, t } = useLang();
  const known = route.indicator !== null && indicators.some((i) => i.code === route.indicator);
  const [code, setCode] = useState(() => (known && route.indicator ? route.indicator : (defaultIndicator(indicators)?.code ?? '')));
  const [selected, setSelected] = useState<string[] | null>(route.regions ? [...route.regions] : null);
  const obs = useApi<ObservationsResponse>(code ? `api/observations?indicator=${encodeURIComponent(code)}` : null);
  const rows = obs.status === 'ok' ? obs.data.rows : null;

  const current = indicators.find((i) => i.code === code);
  const cityLevel = current !== undefined && current.region_level !== 'province';
  // City names are fetched only for an indicator that has cities; without them the codes are shown.
  const prefectures = useApi<{ regions: ApiRegion[] }>(cityLevel ? 'api/regions?level=prefecture' : null);
  const regionMap = useMemo(() => {
    const all = [...regions, ...(prefectures.status === 'ok' ? prefectures.data.regions : [])];
    return new Map(all.map((r) => [r.code, r]));
  }, [regions, prefectures.status, prefectures.data]);
  const withData = useMemo(() => new Set(rows?.map((r) => r.region) ?? []), [rows]);
  const groups = useMemo<RegionGroup[]>(() => {
    const option = (code: string): RegionOption => ({ code, label: regionName(regionMap.get(code), code, lang), hasData: withData.has(code) });
    const provinceCodes = new Set(regions.map((r) => r.code));
    const out: RegionGroup[] = MACRO_ORDER.map((m) => ({
      key: m,
      label: t(`macro.${m}`),
      items: regions.filter((r) => r.macro_region === m && (!cityLevel || withData.has(r.code))).map((r) => option(r.code)),
    }));
    // other codes in the data (cities, or a user's own codes), grouped under their province where known
    const byParent = new Map<string, RegionOption[]>();
    for (const code of [...withData].sort()) {
      if (provinceCodes.has(code)) continue;
      const parent = regionMap.get(code)?.parent ?? '';
      byParent.set(parent, [...(byParent.get(parent) ?? []), option(code)]);
    }
    for (const [parent, items] of [...byParent.entries()].sort((a, b) => a[0].localeCompare(b[0]))) {
      out.push({ key: `p${parent}`, label: parent ? regionName(regionMap.get(parent), parent, lang) : t('topic.other'), items });
    }
    return out;
  }, [regions, regionMap, withData, cityLevel, lang, t]);

  const firstHosts = useMemo(() => firstBatchHosts(zones), [zones]);
  const allHosts = useMemo(() => [...new Set(zones.map((z) => z.province_code))], [zones]);
  const top5 = useMemo(() => (rows && rows.length ? topByLatest(rows, 5) : []), [rows]);

  // With no choice in the address bar, start from the first FTZ hosts if the indicator covers them, else the top 5.
  const effective = useMemo(() => {
    if (selected !== null) return selected;
    const hosts = firstHosts.filter((c) => withData.has(c));
    return hosts.length > 0 ? hosts : top5;
  }, [selected, firstHosts, withData, top5]);

  useEffect(() => {
    replaceRoute({ page: 'explorer', indicator: code || null, regions: selected });
  }, [code, selected]);

  const indicator = obs.status === 'ok' ? obs.data.indicator : indicators.find((i) => i.code === code);
  const unit = indicator ? indicatorUnit(indicator, lang) : '';
  const series = effective.map((c) => ({ code: c, label: regionName(regionMap.get(c), c, lang) }));
  const chosenRows = useMemo(() => {
    const set = new Set(effective);
    return rows?.filter((r) => set.has(r.region)) ?? [];
  }, [rows, effective]);
  const years = rows && rows.length ? [Math.min(...rows.map((r) => r.year)), Math.max(...rows.map((r) => r.year))] : null;

  return (
    <div className="explorer-layout">
      <aside className="explorer-side">
        <label className="control control-block">
          <span className="control-label">{t('home.indicator')}</span>
          <IndicatorSelect id="explorer-indicator" indicators={indicators} value={code} onChange={setCode} />
        </label>
        {indicator && (
          <p className="muted small">
            {indicator.namespace === 'user' ? `${t('topic.user')} · ${indicator.dataset}` : indicator.dataset}
            {years ? ` · ${t('explorer.years', { from: years[0] ?? '', to: years[1] ?? '' })}` : ''}
          </p>
        )}
        <RegionPicker
          legend={cityLevel ? t('explorer.regions') : t('explorer.provinces')}
          groups={groups}
          selected={effective}
          onChange={setSelected}
          presets={[
            { label: t('explorer.presetFtz'), codes: firstHosts },
            { label: t('explorer.presetAllFtz'), codes: allHosts },
            { label: t('explorer.presetTop5'), codes: top5 },
          ]}
        />
      </aside>
      <div className="explorer-main">
        {indicator && <h2 className="section-title">{indicatorName(indicator, lang)}</h2>}
        {obs.status === 'error' && <ErrorBox error={obs.error} onRetry={obs.retry} />}
        {obs.status === 'loading' && <Loading />}
        {obs.status === 'ok' && indicator && (
          <>
            {obs.data.rows.length === 0 ? (
              <p className="state">{t('explorer.noRows')}</p>
            ) : effective.length === 0 ? (
              <p className="state">{t('explorer.pickProvinces')}</p>
            ) : (
              <div className="panel">
                <LineChart indicator={indicator} rows={chosenRows} series={series} height={420} ariaLabel={t('explorer.chartAria')} testId="explorer-chart" zoom />
              </div>
            )}
            <SourceNote sources={obs.data.sources} unit={unit} />
            {indicator.namespace === 'user' && <UserDatasetNote name={indicator.dataset} />}
            {effective.length > 0 && obs.data.rows.length > 0 && <YearTable rows={chosenRows} series={series} unit={unit} regionLabel={cityLevel ? t('explorer.regions') : t('table.province')} />}
          </>
        )}
      </div>
    </div>
  );
}

export function ExplorerPage({ route }: { readonly route: ExplorerRoute }) {
  const { t } = useLang();
  const invalidate = useInvalidate();
  // User datasets may have changed since the list was cached (an import from the CLI beside the dashboard).
  useEffect(() => invalidate(['api/indicators', 'api/datasets']), [invalidate]);
  const indicators = useApi<{ indicators: ApiIndicator[] }>('api/indicators');
  const regions = useApi<{ regions: ApiRegion[] }>('api/regions?level=province');
  const zones = useApi<ZonesResponse>('api/zones');
  const firstError = [indicators, regions, zones].find((s) => s.status === 'error');
  return (
    <div className="page" data-testid="explorer">
      <PageTitle title={t('explorer.title')} />
      <p className="lead">{t('explorer.lead')}</p>
      <ImportPanel
        onImported={(code) => {
          window.location.hash = hrefOf({ page: 'explorer', indicator: code, regions: null });
        }}
      />
      {firstError?.error ? (
        <ErrorBox error={firstError.error} onRetry={firstError.retry} />
      ) : indicators.status === 'ok' && regions.status === 'ok' && zones.status === 'ok' ? (
        <ExplorerBody key={hrefOf(route)} route={route} indicators={indicators.data.indicators} regions={regions.data.regions.filter((r) => r.level === 'province')} zones={zones.data.zones} />
      ) : (
        <Loading />
      )}
    </div>
  );
}
