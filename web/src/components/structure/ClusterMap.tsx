/**
 * The zones' host provinces coloured by similarity cluster, with a marker per zone. Each of the 22 zones has a
 * province of its own, so a province takes one cluster colour; were two zones to share a province, it would
 * take the first zone's colour and both markers would show.
 */
import { useMemo } from 'react';
import type { ZoneSimilarityOutput } from '../../../../src/analyses/structure/zoneSimilarity.js';
import type { ZoneSummary } from '../../../../src/server/apiTypes.js';
import type { BasemapInfo } from '../../basemap.js';
import { BASEMAP_NAME, CHART_FONT, type ChartOption } from '../../chartOption.js';
import { escapeHtml } from '../../html.js';
import { useLang } from '../../lang.js';
import { EChart } from '../EChart.js';
import { clusterColour, NOT_SCORED, shortZoneName } from './labels.js';

const EMPTY = '#eef0f3';

interface Marker {
  readonly name: string;
  readonly value: [number, number];
  readonly zoneId: string;
}

export function ClusterMap({ result, zones, basemap }: { readonly result: ZoneSimilarityOutput; readonly zones: readonly ZoneSummary[]; readonly basemap: BasemapInfo }) {
  const { lang, t } = useLang();
  const option = useMemo<ChartOption>(() => {
    const province = new Map(zones.map((z) => [z.id, z.province_code]));
    const clusters = [...new Set(result.zones.map((z) => z.cluster).filter((c): c is number => c !== null))].sort((a, b) => a - b);
    const regions: { name: string; itemStyle: { areaColor: string } }[] = [];
    const coloured = new Set<string>();
    const placed = new Map<string, number>();
    const series = [...clusters.map((c) => ({ cluster: c as number | null })), { cluster: null }].map(({ cluster }) => {
      const data: Marker[] = [];
      for (const z of result.zones.filter((x) => x.cluster === cluster)) {
        const code = province.get(z.id);
        if (!code) continue;
        if (!coloured.has(code)) {
          coloured.add(code);
          regions.push({ name: code, itemStyle: { areaColor: cluster === null ? NOT_SCORED : clusterColour(cluster) } });
        }
        const cp = basemap.centres.get(code);
        if (!cp) continue;
        const rank = placed.get(code) ?? 0;
        placed.set(code, rank + 1);
        data.push({ name: shortZoneName(z.name, z.id, lang), value: [cp[0] + rank * 0.8, cp[1]], zoneId: z.id });
      }
      return {
        type: 'scatter' as const,
        name: cluster === null ? t('structure.notScored') : t('structure.clusterN', { n: cluster }),
        coordinateSystem: 'geo',
        geoIndex: 0,
        symbolSize: 10,
        z: 5,
        itemStyle: { color: cluster === null ? '#8a939d' : clusterColour(cluster), borderColor: '#fff', borderWidth: 1.5 },
        label: { show: true, position: 'right', formatter: '{b}', fontSize: 11, color: '#1f2328', textBorderColor: '#fff', textBorderWidth: 2 },
        labelLayout: { hideOverlap: true },
        tooltip: {
          formatter: (p: unknown) => {
            const d = (p as { data?: Marker }).data;
            const z = d ? result.zones.find((x) => x.id === d.zoneId) : undefined;
            if (!z) return '';
            const full = lang === 'zh' ? z.name.zh : z.name.en;
            return `<div style="font-weight:600">${escapeHtml(full)}</div><div>${escapeHtml(z.cluster === null ? t('structure.notScored') : t('structure.clusterN', { n: z.cluster }))}</div>`;
          },
        },
        data,
      };
    }).filter((s) => s.data.length > 0);
    return {
      textStyle: { fontFamily: CHART_FONT },
      tooltip: { trigger: 'item', confine: true, backgroundColor: 'rgba(255,255,255,0.97)', borderColor: '#d0d7de', textStyle: { color: '#1f2328', fontSize: 13 } },
      legend: { type: 'scroll', bottom: 4, left: 'center', itemWidth: 12, itemHeight: 12, icon: 'circle', textStyle: { fontSize: 12, color: '#444' } },
      geo: {
        map: BASEMAP_NAME,
        nameProperty: 'code',
        roam: true,
        scaleLimit: { min: 0.8, max: 8 },
        top: 8,
        bottom: 40,
        left: 8,
        right: 8,
        preserveAspect: 'contain',
        itemStyle: { areaColor: EMPTY, borderColor: '#ffffff', borderWidth: 0.8 },
        emphasis: { disabled: true },
        select: { disabled: true },
        label: { show: false },
        regions,
        silent: true,
      },
      series,
    } as ChartOption;
  }, [result, zones, basemap, lang, t]);
  const geoMap = useMemo(() => ({ name: BASEMAP_NAME, geojson: basemap.geojson }), [basemap]);
  return <EChart option={option} height={520} testId="cluster-map" className="map" ariaLabel={t('structure.clusterMapAria')} geoMap={geoMap} />;
}
