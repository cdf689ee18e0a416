/**
 * One of the scorecard Result's figures, drawn from the same option builder the report renders with, so the
 * page and the report show the same chart. The province base map is registered for the map figure.
 */
import { useMemo, useState } from 'react';
import { scorecardChart } from '../../../../src/report/charts/scorecardCharts.js';
import type { BasemapInfo } from '../../basemap.js';
import { downloadChartPng } from '../../chartDownload.js';
import { BASEMAP_NAME, type ChartOption } from '../../chartOption.js';
import { useLang } from '../../lang.js';
import { EChart } from '../EChart.js';
import type { Result } from './scorecard.js';

export interface ScorecardChartProps {
  readonly result: Result;
  readonly figure: string;
  readonly height: number;
  readonly testId: string;
  /** needed by the map figure only */
  readonly basemap?: BasemapInfo | null;
  /** adjusts the shared option for a small multiple; the data and encoding stay the builder's */
  readonly adapt?: (option: Record<string, unknown>) => Record<string, unknown>;
  readonly ariaLabel?: string;
  /** file name (without extension) for the PNG download; no download button without it */
  readonly fileName?: string;
}

// the shared option is static for the report; on the page the transitions help follow a what-if
const ANIMATION = { animation: true, animationDuration: 500, animationDurationUpdate: 400 };

export function ScorecardChart({ result, figure, height, testId, basemap, adapt, ariaLabel, fileName }: ScorecardChartProps) {
  const { lang, t } = useLang();
  const fig = result.figures.find((f) => f.name === figure);
  const built = useMemo(() => {
    if (!fig) return null;
    const option = scorecardChart(result, figure, lang);
    return adapt ? adapt(option) : option;
  }, [result, figure, lang, adapt, fig]);
  const option = useMemo(() => (built ? ({ ...built, ...(adapt ? {} : ANIMATION) } as ChartOption) : null), [built, adapt]);
  const geoMap = useMemo(() => (fig?.kind === 'map' && basemap ? { name: BASEMAP_NAME, geojson: basemap.geojson } : undefined), [fig?.kind, basemap]);
  const [saving, setSaving] = useState(false);
  if (!fig || !option || (fig.kind === 'map' && !geoMap)) return null;
  const title = fig.title[lang];
  const save = async () => {
    if (!built || !fileName) return;
    setSaving(true);
    try {
      await downloadChartPng(built as ChartOption, { width: 1000, height: Math.max(420, height), fileName: `${fileName}.png` });
    } finally {
      setSaving(false);
    }
  };
  return (
    <div className="chart-with-tools">
      {fileName && (
        <div className="chart-tools">
          <button type="button" className="btn btn-small" data-testid={`${testId}-png`} title={t('scorecard.downloadPngHint')} disabled={saving} onClick={() => void save()}>
            ⤓ {t('scorecard.downloadPng')}
          </button>
        </div>
      )}
      <EChart option={option} height={height} testId={testId} ariaLabel={ariaLabel ?? title} {...(geoMap ? { geoMap, className: 'map' } : {})} />
    </div>
  );
}
