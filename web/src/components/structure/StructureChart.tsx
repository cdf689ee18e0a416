/**
 * An `EChart` whose option may use the heatmap or sankey series: those are registered (once, in their own
 * chunk) before the chart is created, so the option never meets an unknown series type.
 */
import { useEffect, useState } from 'react';
import { useLang } from '../../lang.js';
import { EChart, type EChartProps } from '../EChart.js';

let ready = false;

export function StructureChart(props: EChartProps) {
  const { t } = useLang();
  const [loaded, setLoaded] = useState(ready);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (loaded) return undefined;
    let cancelled = false;
    import('./structureEcharts.js').then(
      (mod) => {
        mod.installStructureCharts();
        ready = true;
        if (!cancelled) setLoaded(true);
      },
      () => {
        if (!cancelled) setFailed(true);
      },
    );
    return () => {
      cancelled = true;
    };
  }, [loaded]);
  if (loaded) return <EChart {...props} />;
  return (
    <div className={props.className ? `chart ${props.className}` : 'chart'} style={{ height: props.height }} role="img" aria-label={props.ariaLabel} aria-busy="true">
      {failed && <div className="state state-error">{t('state.chartError')}</div>}
    </div>
  );
}
