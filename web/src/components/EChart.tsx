/** One ECharts instance bound to a div: created on mount, resized with its box, disposed on unmount. */
import { useEffect, useRef, useState } from 'react';
import type { ChartOption } from '../chartOption.js';
import type { EChartsType } from '../echarts.js';
import { useLang } from '../lang.js';

export interface ChartClick {
  readonly componentType: string;
  readonly seriesType?: string;
  readonly name: string;
  readonly data: unknown;
}

export interface EChartProps {
  readonly option: ChartOption;
  readonly height: number;
  readonly ariaLabel: string;
  readonly testId?: string;
  readonly className?: string;
  /** a GeoJSON map the option refers to, registered before the option is set */
  readonly geoMap?: { readonly name: string; readonly geojson: unknown };
  readonly onClick?: (event: ChartClick) => void;
}

export function EChart({ option, height, ariaLabel, testId, className, geoMap, onClick }: EChartProps) {
  const { t } = useLang();
  const elRef = useRef<HTMLDivElement>(null);
  const [chart, setChart] = useState<EChartsType | null>(null);
  const [failed, setFailed] = useState(false);
  // The click handler changes on every render; the chart keeps one listener that reads the latest.
  const clickRef = useRef(onClick);
  clickRef.current = onClick;
  const registerRef = useRef<((name: string, geojson: unknown) => void) | null>(null);
  const registeredRef = useRef<unknown>(null);

  useEffect(() => {
    const el = elRef.current;
    if (!el) return undefined;
    let instance: EChartsType | null = null;
    let observer: ResizeObserver | null = null;
    let cancelled = false;
    import('../echarts.js').then(
      (mod) => {
        if (cancelled) return;
        registerRef.current = mod.registerGeoJson;
        instance = mod.createChart(el);
        instance.on('click', (params) => clickRef.current?.(params as unknown as ChartClick));
        const chartInstance = instance;
        observer = new ResizeObserver(() => chartInstance.resize());
        observer.observe(el);
        setChart(instance);
      },
      () => {
        if (!cancelled) setFailed(true);
      },
    );
    return () => {
      cancelled = true;
      observer?.disconnect();
      instance?.dispose();
    };
  }, []);

  useEffect(() => {
    if (!chart) return;
    // re-registering parses the GeoJSON again, so only a new map is registered
    if (geoMap && registeredRef.current !== geoMap.geojson) {
      registerRef.current?.(geoMap.name, geoMap.geojson);
      registeredRef.current = geoMap.geojson;
    }
    // notMerge: a new indicator or language must not inherit series or labels from the previous option
    chart.setOption(option, { notMerge: true });
  }, [chart, option, geoMap]);

  return (
    <div
      ref={elRef}
      className={className ? `chart ${className}` : 'chart'}
      style={{ height }}
      role="img"
      aria-label={ariaLabel}
      aria-busy={chart === null}
      {...(testId ? { 'data-testid': testId } : {})}
    >
      {failed && <div className="state state-error">{t('state.chartError')}</div>}
    </div>
  );
}
