/** The index on the province map for a chosen year, the ranking beside it, and the sources of the numbers. */
import { useCallback, useMemo, useState } from 'react';
import type { BasemapInfo } from '../../basemap.js';
import { formatExact } from '../../format.js';
import { escapeHtml } from '../../html.js';
import { useLang } from '../../lang.js';
import { ProvenanceSources } from './ProvenanceSources.js';
import { RankingTable } from './RankingTable.js';
import { RegionMap } from './RegionMap.js';
import { ResultPanel } from './ResultPanel.js';
import { findTable, headerText, num, rowsOf, text, yearsOf, type Result } from './result.js';

export function IndexMapPanel({ result, basemap }: { readonly result: Result; readonly basemap: BasemapInfo }) {
  const { lang, t } = useLang();
  const scores = findTable(result, 'scores');
  const years = useMemo(() => yearsOf(scores), [scores]);
  const [chosen, setChosen] = useState<number | null>(null);
  const year = chosen !== null && years.includes(chosen) ? chosen : (years[years.length - 1] ?? null);

  const yearRows = useMemo(() => (scores ? rowsOf(scores).filter((r) => r['year'] === year) : []), [scores, year]);
  const values = useMemo(() => {
    const m = new Map<string, number>();
    for (const r of yearRows) {
      const v = num(r['score']);
      if (v !== null) m.set(text(r['region']), v);
    }
    return m;
  }, [yearRows]);
  const formatValue = useCallback((v: number) => formatExact(Math.round(v * 1000) / 1000, lang), [lang]);
  const tooltip = useCallback(
    (code: string) => {
      const r = yearRows.find((x) => x['region'] === code);
      const fallback = basemap.names.get(code);
      const name = r ? text(lang === 'zh' ? r['name_zh'] : r['name_en']) : fallback ? fallback[lang] : code;
      if (!r) return `<b>${escapeHtml(name)}</b><div style="color:#888">— ${escapeHtml(t('index.notCovered'))}</div>`;
      const dims = (scores?.columns ?? [])
        .filter((c) => c.name.startsWith('dim_'))
        .map((c) => {
          const v = num(r[c.name]);
          return `<div>${escapeHtml(headerText(c.label, lang))}: ${v === null ? '—' : escapeHtml(formatExact(v, lang))}</div>`;
        })
        .join('');
      const score = num(r['score']);
      return (
        `<div style="font-weight:600;margin-bottom:4px">${escapeHtml(name)} · ${year ?? ''}</div>` +
        `<div>${escapeHtml(t('index.score'))}: <b>${score === null ? '—' : escapeHtml(formatExact(score, lang))}</b> · ${escapeHtml(t('index.rank'))} ${escapeHtml(text(r['rank']))}</div>` +
        `<div style="color:#555;margin-top:4px">${dims}</div>`
      );
    },
    [yearRows, basemap, lang, t, scores, year],
  );

  if (!scores || year === null) return null;
  return (
    <ResultPanel
      title={t('index.mapTitle')}
      testId="index-map-panel"
      actions={
        <>
          <label className="control control-inline">
            <span className="control-label">{t('index.year')}</span>
            <select className="select select-small" data-testid="index-year" value={year} onChange={(e) => setChosen(Number(e.target.value))}>
              {years.map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </select>
          </label>
          {years.length > 1 && (
            <input
              className="year-slider"
              type="range"
              min={0}
              max={years.length - 1}
              step={1}
              value={years.indexOf(year)}
              aria-label={t('index.year')}
              onChange={(e) => setChosen(years[Number(e.target.value)] ?? null)}
            />
          )}
        </>
      }
    >
      <div className="map-layout">
        <div className="map-cell">
          <RegionMap mode="continuous" basemap={basemap} values={values} formatValue={formatValue} tooltip={tooltip} height={520} ariaLabel={t('index.mapAria')} testId="index-map" />
          <div className="map-foot">
            <span className="muted small">
              <span className="swatch swatch-nodata" aria-hidden="true" /> {t('index.notCovered')}
            </span>
          </div>
        </div>
        <div className="table-cell">
          <RankingTable scores={scores} year={year} />
        </div>
      </div>
      <ProvenanceSources sources={result.provenance.sources} />
    </ResultPanel>
  );
}
