/** Indicator explorer: one indicator, chosen provinces, a line chart over years and the table behind it. */
import { useEffect, useMemo, useState } from 'react';
import type { ApiIndicator, ApiObservation, ApiRegion, ObservationsResponse, ZonesResponse } from '../../../src/server/apiTypes.js';
import { IndicatorSelect } from '../components/IndicatorSelect.js';
import { LineChart } from '../components/LineChart.js';
import { PageTitle } from '../components/PageTitle.js';
import { SourceNote } from '../components/SourceNote.js';
import { ErrorBox, Loading, NoData } from '../components/States.js';
import { columnFormatter, indicatorName, indicatorUnit, regionName } from '../format.js';
import { defaultIndicator } from '../indicators.js';
import { useLang } from '../lang.js';
import { hrefOf, replaceRoute, type Route } from '../route.js';
import { useApi } from '../useApi.js';

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

interface RegionOption {
  readonly code: string;
  readonly label: string;
  readonly hasData: boolean;
}

interface RegionGroup {
  readonly key: string;
  readonly label: string;
  readonly items: readonly RegionOption[];
}

function RegionPicker({
  groups,
  selected,
  onChange,
  presets,
  legend,
}: {
  readonly groups: readonly RegionGroup[];
  readonly selected: readonly string[];
  readonly onChange: (codes: string[]) => void;
  readonly presets: readonly { readonly label: string; readonly codes: readonly string[] }[];
  readonly legend: string;
}) {
  const { t } = useLang();
  const toggle = (code: string) => onChange(selected.includes(code) ? selected.filter((c) => c !== code) : [...selected, code]);
  return (
    <fieldset className="region-picker">
      <legend>
        {legend} <span className="muted small">{t('explorer.selected', { n: selected.length })}</span>
      </legend>
      <div className="preset-row">
        {presets.map((p) => (
          <button key={p.label} type="button" className="btn btn-small" disabled={p.codes.length === 0} onClick={() => onChange([...p.codes])}>
            {p.label}
          </button>
        ))}
        <button type="button" className="btn btn-small btn-ghost" onClick={() => onChange([])}>
          {t('explorer.clear')}
        </button>
      </div>
      <div className="region-groups">
      {groups
        .filter((g) => g.items.length > 0)
        .map((g) => (
          <div key={g.key} className="region-group">
            <div className="region-group-label">{g.label}</div>
            <div className="region-options">
              {g.items.map((o) => (
                <label key={o.code} className={`region-option${selected.includes(o.code) ? ' checked' : ''}${o.hasData ? '' : ' no-data'}`} title={o.hasData ? undefined : t('state.noData')}>
                  <input type="checkbox" checked={selected.includes(o.code)} onChange={() => toggle(o.code)} />
                  {o.label}
                </label>
              ))}
            </div>
          </div>
        ))}
      </div>
    </fieldset>
  );
}

function ValuesTable({
  rows,
  series,
  unit,
  regionLabel,
}: {
  readonly rows: readonly ApiObservation[];
  readonly series: readonly { code: string; label: string }[];
  readonly unit: string;
  readonly regionLabel: string;
}) {
  const { lang, t } = useLang();
  const fmt = columnFormatter(rows.map((r) => r.value), lang);
  const years = [...new Set(rows.map((r) => r.year))].sort((a, b) => a - b);
  const byKey = new Map(rows.map((r) => [`${r.region}|${r.year}`, r.value]));
  return (
    <div className="table-scroll table-wide">
      <table className="table">
        <caption>
          {t('explorer.unit')}: {unit || '—'}
        </caption>
        <thead>
          <tr>
            <th>{regionLabel}</th>
            {years.map((y) => (
              <th key={y} className="num">
                {y}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {series.map((s) => (
            <tr key={s.code}>
              <td>{s.label}</td>
              {years.map((y) => {
                const v = byKey.get(`${s.code}|${y}`);
                return (
                  <td key={y} className="num">
                    {v === undefined ? <NoData /> : fmt(v)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
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
            {effective.length > 0 && obs.data.rows.length > 0 && <ValuesTable rows={chosenRows} series={series} unit={unit} regionLabel={cityLevel ? t('explorer.regions') : t('table.province')} />}
          </>
        )}
      </div>
    </div>
  );
}

export function ExplorerPage({ route }: { readonly route: ExplorerRoute }) {
  const { t } = useLang();
  const indicators = useApi<{ indicators: ApiIndicator[] }>('api/indicators');
  const regions = useApi<{ regions: ApiRegion[] }>('api/regions?level=province');
  const zones = useApi<ZonesResponse>('api/zones');
  const firstError = [indicators, regions, zones].find((s) => s.status === 'error');
  return (
    <div className="page" data-testid="explorer">
      <PageTitle title={t('explorer.title')} />
      <p className="lead">{t('explorer.lead')}</p>
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
