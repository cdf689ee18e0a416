/** The ranking for one year: rank, province, index and the dimension scores, best first. */
import { useMemo } from 'react';
import { columnFormatter } from '../../format.js';
import { useLang } from '../../lang.js';
import { NoData } from '../States.js';
import { headerText, num, rowsOf, text, type Row, type Table } from './result.js';

export function RankingTable({ scores, year }: { readonly scores: Table; readonly year: number }) {
  const { lang, t } = useLang();
  const dims = useMemo(() => scores.columns.filter((c) => c.name.startsWith('dim_')), [scores]);
  const rows = useMemo<Row[]>(
    () => rowsOf(scores).filter((r) => r['year'] === year).sort((a, b) => (num(a['rank']) ?? Infinity) - (num(b['rank']) ?? Infinity)),
    [scores, year],
  );
  const fmt = useMemo(() => {
    const of = (key: string) => columnFormatter(rows.map((r) => num(r[key])).filter((v): v is number => v !== null), lang);
    return new Map(['score', ...dims.map((d) => d.name)].map((k) => [k, of(k)]));
  }, [rows, dims, lang]);
  const cell = (r: Row, key: string) => {
    const v = num(r[key]);
    const f = fmt.get(key);
    return v === null || !f ? <NoData /> : f(v);
  };
  return (
    <div className="table-scroll" data-testid="index-ranking">
      <table className="table">
        <caption>{t('index.rankingCaption', { year })}</caption>
        <thead>
          <tr>
            <th className="num">{t('index.rank')}</th>
            <th>{t('index.province')}</th>
            <th className="num">{t('index.score')}</th>
            {dims.map((d) => (
              <th key={d.name} className="num">
                {headerText(d.label, lang)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={text(r['region'])}>
              <td className="num">{num(r['rank']) ?? <NoData />}</td>
              <td>{text(lang === 'zh' ? r['name_zh'] : r['name_en']) || text(r['region'])}</td>
              <td className="num strong">{cell(r, 'score')}</td>
              {dims.map((d) => (
                <td key={d.name} className="num">
                  {cell(r, d.name)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
