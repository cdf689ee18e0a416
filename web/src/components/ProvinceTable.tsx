/** The numbers behind the map, one row per province, sortable by any column; gaps stay at the bottom. */
import { useMemo, useState } from 'react';
import type { ApiRegion, ZoneSummary } from '../../../src/server/apiTypes.js';
import { batchColour } from '../batches.js';
import { columnFormatter, regionName } from '../format.js';
import { localeOf } from '../i18n.js';
import { useLang } from '../lang.js';
import { hrefOf } from '../route.js';
import { NoData } from './States.js';

type SortKey = 'province' | 'value' | 'macro';

interface Row {
  readonly code: string;
  readonly name: string;
  readonly value: number | null;
  readonly rank: number | null;
  readonly macro: ApiRegion['macro_region'];
  readonly zones: readonly ZoneSummary[];
}

export interface ProvinceTableProps {
  readonly regions: readonly ApiRegion[];
  readonly values: ReadonlyMap<string, number>;
  readonly zones: readonly ZoneSummary[];
  readonly unit: string;
  readonly caption: string;
}

const MACRO_ORDER = ['east', 'central', 'west', 'northeast'];

export function ProvinceTable({ regions, values, zones, unit, caption }: ProvinceTableProps) {
  const { lang, t } = useLang();
  const [sort, setSort] = useState<{ key: SortKey; desc: boolean }>({ key: 'value', desc: true });

  const rows = useMemo<Row[]>(() => {
    const ranked = [...values.entries()].sort((a, b) => b[1] - a[1]);
    const rankOf = new Map<string, number>();
    // ties share a rank (1, 2, 2, 4), as in statistical yearbooks
    let prev: { value: number; rank: number } | null = null;
    ranked.forEach(([code, value], i) => {
      const rank = prev !== null && prev.value === value ? prev.rank : i + 1;
      rankOf.set(code, rank);
      prev = { value, rank };
    });
    return regions.map((r) => ({
      code: r.code,
      name: regionName(r, r.code, lang),
      value: values.get(r.code) ?? null,
      rank: rankOf.get(r.code) ?? null,
      macro: r.macro_region,
      zones: zones.filter((z) => z.province_code === r.code),
    }));
  }, [regions, values, zones, lang]);

  const fmt = useMemo(() => columnFormatter(values.values(), lang), [values, lang]);

  const sorted = useMemo(() => {
    const collator = new Intl.Collator(localeOf(lang));
    const sign = sort.desc ? -1 : 1;
    return [...rows].sort((a, b) => {
      if (sort.key === 'province') return sign * collator.compare(a.name, b.name);
      if (sort.key === 'macro') {
        const d = MACRO_ORDER.indexOf(a.macro ?? '') - MACRO_ORDER.indexOf(b.macro ?? '');
        return sign * d || (b.value ?? -Infinity) - (a.value ?? -Infinity);
      }
      if (a.value === null) return b.value === null ? collator.compare(a.name, b.name) : 1;
      if (b.value === null) return -1;
      return sign * (a.value - b.value);
    });
  }, [rows, sort, lang]);

  const header = (key: SortKey, label: string, className?: string) => {
    const active = sort.key === key;
    return (
      <th className={className} aria-sort={active ? (sort.desc ? 'descending' : 'ascending') : 'none'}>
        <button
          type="button"
          className="th-sort"
          title={t('table.sortBy')}
          onClick={() => setSort((s) => ({ key, desc: s.key === key ? !s.desc : key === 'value' }))}
        >
          {label}
          <span className="sort-mark" aria-hidden="true">
            {active ? (sort.desc ? '▼' : '▲') : '↕'}
          </span>
        </button>
      </th>
    );
  };

  return (
    <div className="table-scroll">
      <table className="table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            {header('province', t('table.province'))}
            {header('value', `${t('table.value')}${unit ? ` (${unit})` : ''}`, 'num')}
            <th className="num" title={t('table.rankTitle')}>
              {t('table.rank')}
            </th>
            {header('macro', t('table.macro'))}
            <th>{t('table.ftz')}</th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((r) => (
            <tr key={r.code}>
              <td>{r.name}</td>
              <td className="num">{r.value === null ? <NoData /> : fmt(r.value)}</td>
              <td className="num">{r.rank === null ? <NoData /> : r.rank}</td>
              <td>{r.macro ? t(`macro.${r.macro}`) : <NoData />}</td>
              <td>
                {r.zones.map((z) => (
                  <a key={z.id} className="zone-dot-link" href={hrefOf({ page: 'zone', id: z.id })} title={lang === 'zh' ? z.name_zh : z.name_en}>
                    <span className="dot" style={{ background: batchColour(z.batch_year) }} aria-hidden="true" />
                    {z.batch_year}
                  </a>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
