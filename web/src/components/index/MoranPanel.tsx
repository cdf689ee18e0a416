/** Spatial autocorrelation: global Moran's I by year, the Moran scatter plot and the LISA cluster map. */
import { useMemo } from 'react';
import type { BasemapInfo } from '../../basemap.js';
import { useLang } from '../../lang.js';
import { DataTable } from './DataTable.js';
import { LisaMap, type LisaRegion } from './LisaMap.js';
import { MoranScatter, type MoranPoint } from './MoranScatter.js';
import { MoranTrend } from './MoranTrend.js';
import { QUADRANTS, type Quadrant } from './palette.js';
import { ResultPanel } from './ResultPanel.js';
import { findTable, nameIn, num, regionNames, rowsOf, text, yearsOf, type Result } from './result.js';

function asQuadrant(v: string): Quadrant | null {
  return (QUADRANTS as readonly string[]).includes(v) ? (v as Quadrant) : null;
}

export function MoranPanel({ result, basemap }: { readonly result: Result; readonly basemap: BasemapInfo }) {
  const { lang, t } = useLang();
  const moran = findTable(result, 'moran');
  const lisa = findTable(result, 'lisa');
  const names = useMemo(() => regionNames(result), [result]);
  const moranRows = useMemo(() => (moran ? rowsOf(moran) : []), [moran]);
  // the LISA table is for the last year of the run (the server names it in the title)
  const year = yearsOf(findTable(result, 'scores')).at(-1) ?? 0;
  const slope = num(moranRows.find((r) => r['year'] === year)?.['I'] ?? null);

  const { points, regions } = useMemo(() => {
    const rs = lisa ? rowsOf(lisa) : [];
    const values = rs.map((r) => num(r['value'])).filter((v): v is number => v !== null);
    const mean = values.reduce((a, b) => a + b, 0) / (values.length || 1);
    // population standard deviation, as the lag column (W·z) was computed with
    const sd = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / (values.length || 1));
    const pts: MoranPoint[] = [];
    const regs: LisaRegion[] = [];
    for (const r of rs) {
      const code = text(r['region']);
      const quadrant = asQuadrant(text(r['quadrant']));
      const v = num(r['value']);
      const lag = num(r['lag']);
      if (!quadrant) continue;
      const name = nameIn(names, code, lang);
      const pSim = num(r['p_sim']);
      if (v !== null && lag !== null && sd > 0) pts.push({ code, name, z: (v - mean) / sd, lag, quadrant, pSim });
      const cluster = asQuadrant(text(r['cluster'])) ?? 'ns';
      regs.push({ code, name, quadrant, cluster, pSim, localI: num(r['Ii']) });
    }
    return { points: pts, regions: regs };
  }, [lisa, names, lang]);

  if (!moran && !lisa) return null;
  return (
    <ResultPanel title={t('index.moranTitle')} testId="moran-panel">
      {moran && (
        <div className="two-col two-col-wide-left">
          <div>
            <div className="table-title">{t('index.moranTrend')}</div>
            <MoranTrend rows={moranRows} />
            <p className="muted small">{t('index.moranSig')}</p>
          </div>
          <DataTable table={moran} caption={t('index.moranTable')} compact testId="moran-table" columns={(cols) => cols.filter((c) => c.key !== 'expected')} />
        </div>
      )}
      {lisa && (
        <div className="two-col">
          <div>
            <div className="table-title">{t('index.moranScatter', { year })}</div>
            <MoranScatter points={points} slope={slope} year={year} />
          </div>
          <div>
            <div className="table-title">{t('index.lisaMap', { year })}</div>
            <LisaMap basemap={basemap} regions={regions} year={year} />
          </div>
        </div>
      )}
      {lisa && <p className="muted small">{t('index.lisaNote')}</p>}
    </ResultPanel>
  );
}
