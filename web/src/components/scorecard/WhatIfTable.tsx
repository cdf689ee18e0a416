/** The items a what-if changes: baseline and what-if value, the change, and the rank before and after. */
import { useLang } from '../../lang.js';
import { NoData } from '../States.js';
import { formatSigned, formatValue, itemText, num, tableRows, text, unitText, withUnit, type Result, type Row } from './scorecard.js';

function RankChange({ before, after }: { readonly before: number | null; readonly after: number | null }) {
  const { t } = useLang();
  if (before === null && after === null) return <NoData />;
  const moved = before !== null && after !== null && before !== after;
  // a smaller rank number is a better place
  const better = moved && (after as number) < (before as number);
  return (
    <span className={moved ? (better ? 'sc-rank-move better' : 'sc-rank-move worse') : 'sc-rank-move'} data-testid="sc-whatif-rank">
      {before ?? '—'} → {after ?? '—'}
      {moved && (
        <span className="sc-rank-mark" title={better ? t('scorecard.rankBetter') : t('scorecard.rankWorse')} aria-label={better ? t('scorecard.rankBetter') : t('scorecard.rankWorse')}>
          {better ? ' ▲' : ' ▼'}
        </span>
      )}
    </span>
  );
}

export function WhatIfTable({ result }: { readonly result: Result }) {
  const { lang, t } = useLang();
  const rows = tableRows(result, 'what_if');
  const items = tableRows(result, 'scorecard');
  // the what-if table carries neither the part's name nor the unit: both are read off the scorecard's items
  const partLabel = (code: string) => {
    const r = items.find((x) => x['part'] === code);
    return r ? text(lang === 'zh' ? r['part_zh'] : r['part_en']) : code;
  };
  const unitOf = (r: Row) => unitText(text(items.find((x) => x['part'] === r['part'] && x['item_zh'] === r['item_zh'])?.['unit']), t);
  const valueOf = (n: number | null, s: string, unit: string) => (n !== null ? withUnit(formatValue(n, lang), unit) : s || <NoData />);

  return (
    <section className="panel sc-whatif" data-testid="sc-whatif">
      <h2 className="panel-title">{findTitle(result, lang) ?? t('scorecard.whatIf.title')}</h2>
      {rows.length === 0 ? (
        <p className="muted" data-testid="sc-whatif-none">
          {t('scorecard.whatIf.none')}
        </p>
      ) : (
        <>
          <p className="muted small">{t('scorecard.whatIf.tableLead')}</p>
          <div className="table-scroll">
            <table className="table sc-whatif-table" data-testid="sc-whatif-table">
              <thead>
                <tr>
                  <th>{t('scorecard.col.part')}</th>
                  <th>{t('scorecard.col.item')}</th>
                  <th className="num">{t('scorecard.col.baseline')}</th>
                  <th className="num">{t('scorecard.col.whatIf')}</th>
                  <th className="num">{t('scorecard.col.change')}</th>
                  <th className="num">{t('scorecard.col.rankChange')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r, i) => {
                  const unit = unitOf(r);
                  const change = num(r['change']);
                  return (
                    <tr key={i} data-testid="sc-whatif-row" data-part={text(r['part'])} data-zone={text(r['zone'])}>
                      <td>{partLabel(text(r['part']))}</td>
                      <th scope="row" className="sc-item-name">
                        {itemText(text(lang === 'zh' ? r['item_zh'] : r['item_en']), lang)}
                      </th>
                      <td className="num">{valueOf(num(r['baseline']), text(r['baseline_text']), unit)}</td>
                      <td className="num strong">{valueOf(num(r['what_if']), text(r['what_if_text']), unit)}</td>
                      <td className="num">{change !== null ? withUnit(formatSigned(change, lang), unit) : <NoData />}</td>
                      <td className="num">
                        <RankChange before={num(r['rank_baseline'])} after={num(r['rank_what_if'])} />
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}

function findTitle(result: Result, lang: 'zh' | 'en'): string | null {
  const t = result.tables.find((x) => x.name === 'what_if');
  return t ? t.title[lang] : null;
}
