/** Distributional dynamics: kernel density curves for a few years (first, middle and last by default). */
import { useMemo, useState } from 'react';
import { useLang } from '../../lang.js';
import { KdeChart, type DensityCurve } from './KdeChart.js';
import { ResultPanel } from './ResultPanel.js';
import { findTable, labelOf, num, rowsOf, yearsOf, type Result } from './result.js';

function defaultYears(years: readonly number[]): number[] {
  if (years.length <= 3) return [...years];
  const picks = [years[0], years[Math.floor((years.length - 1) / 2)], years[years.length - 1]];
  return [...new Set(picks.filter((y): y is number => y !== undefined))];
}

export function KdePanel({ result }: { readonly result: Result }) {
  const { lang, t } = useLang();
  const table = findTable(result, 'kde');
  const years = useMemo(() => yearsOf(table), [table]);
  const [chosen, setChosen] = useState<readonly number[] | null>(null);
  const shown = (chosen ?? defaultYears(years)).filter((y) => years.includes(y));
  const shownKey = shown.join(',');
  const curves = useMemo<DensityCurve[]>(() => {
    if (!table) return [];
    const wanted = new Set(shownKey.split(',').filter(Boolean).map(Number));
    const byYear = new Map<number, [number, number][]>();
    for (const r of rowsOf(table)) {
      const y = num(r['year']);
      const x = num(r['x']);
      const d = num(r['density']);
      if (y === null || x === null || d === null || !wanted.has(y)) continue;
      byYear.set(y, [...(byYear.get(y) ?? []), [x, d]]);
    }
    return [...byYear.entries()].sort((a, b) => a[0] - b[0]).map(([year, points]) => ({ year, points }));
  }, [table, shownKey]);
  const toggle = (y: number) => {
    const now = new Set(shown);
    if (now.has(y)) now.delete(y);
    else now.add(y);
    setChosen([...now].sort((a, b) => a - b));
  };
  if (!table || years.length === 0) return null;
  return (
    <ResultPanel title={t('index.kdeTitle')} lead={labelOf(table.title, lang)} testId="kde-panel">
      <div className="chip-row" role="group" aria-label={t('index.kdeYears')}>
        <span className="control-label">{t('index.kdeYears')}</span>
        {years.map((y) => (
          <button key={y} type="button" className={shown.includes(y) ? 'chip-toggle active' : 'chip-toggle'} aria-pressed={shown.includes(y)} onClick={() => toggle(y)}>
            {y}
          </button>
        ))}
      </div>
      <KdeChart curves={curves} />
    </ResultPanel>
  );
}
