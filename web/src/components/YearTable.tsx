/** Values of one indicator with a row per region and a column per year; gaps shown as dashes. */
import type { ApiObservation } from '../../../src/server/apiTypes.js';
import { columnFormatter } from '../format.js';
import { useLang } from '../lang.js';
import { NoData } from './States.js';

export function YearTable({
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
        {unit && (
          <caption>
            {t('explorer.unit')}: {unit}
          </caption>
        )}
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

