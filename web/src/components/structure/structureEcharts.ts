/**
 * The chart types only the industrial-structure pages draw (the similarity heatmap and the chain sankey),
 * registered on top of the dashboard's ECharts build. Loaded dynamically, like `echarts.ts`, so the first bundle
 * does not carry them.
 */
import { HeatmapChart, SankeyChart } from 'echarts/charts';
import { use } from 'echarts/core';

let installed = false;

export function installStructureCharts(): void {
  if (installed) return;
  use([HeatmapChart, SankeyChart]);
  installed = true;
}
