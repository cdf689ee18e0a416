/** LISA cluster map: provinces with a significant local Moran's I coloured by quadrant, the rest grey. */
import { useCallback, useMemo } from 'react';
import type { BasemapInfo } from '../../basemap.js';
import { formatExact } from '../../format.js';
import { escapeHtml } from '../../html.js';
import { useLang } from '../../lang.js';
import { LISA_COLOURS, QUADRANTS, type Quadrant } from './palette.js';
import { OUTSIDE, RegionMap } from './RegionMap.js';

export interface LisaRegion {
  readonly code: string;
  readonly name: string;
  readonly quadrant: Quadrant;
  /** the significant cluster, or `ns` */
  readonly cluster: Quadrant | 'ns';
  readonly pSim: number | null;
  readonly localI: number | null;
}

export function LisaMap({ basemap, regions, year }: { readonly basemap: BasemapInfo; readonly regions: readonly LisaRegion[]; readonly year: number }) {
  const { lang, t } = useLang();
  const colours = useMemo(() => new Map(regions.map((r) => [r.code, LISA_COLOURS[r.cluster]])), [regions]);
  const tooltip = useCallback(
    (code: string) => {
      const r = regions.find((x) => x.code === code);
      const fallback = basemap.names.get(code);
      if (!r) return `<b>${escapeHtml(fallback ? fallback[lang] : code)}</b><div style="color:#888">— ${escapeHtml(t('index.notCovered'))}</div>`;
      const r3 = (v: number | null) => (v === null ? '—' : formatExact(Math.round(v * 1000) / 1000, lang));
      return (
        `<div style="font-weight:600">${escapeHtml(r.name)} · ${year}</div>` +
        `<div>${escapeHtml(t(`index.lisa.${r.cluster}`))}${r.cluster === 'ns' ? ` (${escapeHtml(t(`index.lisa.${r.quadrant}`))})` : ''}</div>` +
        `<div>I<sub>i</sub> = ${r3(r.localI)} · p (sim) = ${r3(r.pSim)}</div>`
      );
    },
    [regions, basemap, year, lang, t],
  );
  const counts = new Map<string, number>();
  for (const r of regions) counts.set(r.cluster, (counts.get(r.cluster) ?? 0) + 1);
  return (
    <div>
      <RegionMap mode="categorical" basemap={basemap} colours={colours} tooltip={tooltip} height={420} ariaLabel={t('index.lisaAria')} testId="lisa-map" />
      <ul className="legend-list" aria-label={t('index.lisaMap', { year })}>
        {[...QUADRANTS, 'ns' as const].map((q) => (
          <li key={q}>
            <span className="swatch" style={{ background: LISA_COLOURS[q], border: '1px solid #c8d0d9' }} aria-hidden="true" />
            {q !== 'ns' && <strong className="mono">{q}</strong>} {t(`index.lisa.${q}`)} ({counts.get(q) ?? 0})
          </li>
        ))}
        <li>
          <span className="swatch" style={{ background: OUTSIDE, border: '1px solid #c8d0d9' }} aria-hidden="true" /> {t('index.notCovered')}
        </li>
      </ul>
    </div>
  );
}
