/**
 * One part of the scorecard ("base", a wing, a focal task) with its items: value with unit and year, rank and
 * among whom, interval, trend, note and source. An item without a value says so and why; it is never a zero.
 */
import type { ReactNode } from 'react';
import type { Lang, ZoneSummary } from '../../../../src/server/apiTypes.js';
import type { SourceCitation } from '../../../../src/core/result.js';
import { useLang } from '../../lang.js';
import { hrefOf } from '../../route.js';
import { NoData } from '../States.js';
import { changeKey, formatRank, formatSigned, formatValue, itemText, num, parseSource, text, unitText, withUnit, type Part, type Row } from './scorecard.js';

type T = ReturnType<typeof useLang>['t'];

function zoneName(z: ZoneSummary, lang: Lang): string {
  return lang === 'zh' ? z.name_zh : z.name_en;
}

/** A text value that is a list of zone ids ("HI SN ZJ") reads as zone names, each linked to its scorecard. */
function TextValue({ value, zones }: { readonly value: string; readonly zones: ReadonlyMap<string, ZoneSummary> }) {
  const { lang } = useLang();
  const codes = value.split(/\s+/).filter(Boolean);
  if (codes.length === 0 || !codes.every((c) => zones.has(c))) return <span className="sc-value-text">{value}</span>;
  return (
    <span className="sc-zone-list">
      {codes.map((c, i) => {
        const z = zones.get(c) as ZoneSummary;
        return (
          <span key={c}>
            {i > 0 && (lang === 'zh' ? '、' : ', ')}
            <a href={hrefOf({ page: 'scorecard', zone: c })} title={c}>
              {zoneName(z, lang)}
            </a>
          </span>
        );
      })}
    </span>
  );
}

function trendOf(trend: number, unit: string, lang: Lang, t: T): ReactNode {
  const shown = formatSigned(trend, lang);
  const flat = trend === 0;
  const arrow = flat ? '→' : trend > 0 ? '↑' : '↓';
  const word = flat ? t('scorecard.trendFlat') : trend > 0 ? t('scorecard.trendUp') : t('scorecard.trendDown');
  const unitShown = unitText(unit, t);
  return (
    <span className={flat ? 'sc-trend flat' : trend > 0 ? 'sc-trend up' : 'sc-trend down'} title={t('scorecard.trendTitle')} data-testid="sc-trend">
      <span className="sc-arrow" aria-label={word}>
        {arrow}
      </span>{' '}
      {t('scorecard.perYear', { v: withUnit(shown, unitShown) })}
    </span>
  );
}

function intervalOf(row: Row, lang: Lang, t: T): ReactNode {
  const of = text(row['interval_of']);
  const low = num(row['low']);
  const high = num(row['high']);
  if (!of || low === null || high === null) return null;
  if (of === 'rank') return <span data-testid="sc-interval">{t('scorecard.rankRange', { low: formatRank(low), high: formatRank(high) })}</span>;
  return <span data-testid="sc-interval">{t('scorecard.ci', { low: formatValue(low, lang), high: formatValue(high, lang) })}</span>;
}

function SourceCell({ source, citations }: { readonly source: string; readonly citations: ReadonlyMap<string, SourceCitation> }) {
  const { t } = useLang();
  const { ids, command } = parseSource(source);
  if (ids.length === 0 && !command) return <span className="muted small">{t('scorecard.noSource')}</span>;
  return (
    <div className="sc-source" data-testid="sc-source">
      {command && (
        <code className="sc-command" title={t('scorecard.command')} data-testid="sc-command">
          ftzlab {command}
        </code>
      )}
      {ids.length > 0 && (
        <span className="sc-source-ids">
          {ids.map((id) => (
            <a key={id} className="source-id" href={hrefOf({ page: 'sources' })} title={t('scorecard.sourceLink', { title: citations.get(id)?.title ?? id })} data-testid="sc-source-id">
              {id}
            </a>
          ))}
        </span>
      )}
    </div>
  );
}

function ItemRow({ row, zones, citations, changed }: { readonly row: Row; readonly zones: ReadonlyMap<string, ZoneSummary>; readonly citations: ReadonlyMap<string, SourceCitation>; readonly changed: boolean }) {
  const { lang, t } = useLang();
  const value = num(row['value']);
  const valueText = text(row['value_text']);
  const unit = unitText(text(row['unit']), t);
  const year = num(row['year']);
  const rank = num(row['rank']);
  const of = num(row['of']);
  const among = text(row['among']);
  const trend = num(row['trend']);
  const note = text(lang === 'zh' ? row['note_zh'] : row['note_en']);
  const reason = text(lang === 'zh' ? row['missing_zh'] : row['missing_en']);
  const missing = value === null && !valueText;
  const amongText = among === 'hosts' ? t('scorecard.among.hosts') : among === 'provinces' ? t('scorecard.among.provinces') : among;
  return (
    <tr
      className={`sc-item${missing ? ' missing' : ''}${changed ? ' changed' : ''}`}
      data-testid="sc-item"
      data-part={text(row['part'])}
      data-key={text(row['key'])}
      data-missing={missing ? 'true' : 'false'}
      data-changed={changed ? 'true' : 'false'}
    >
      <th scope="row" className="sc-item-name">
        <span>{itemText(text(lang === 'zh' ? row['item_zh'] : row['item_en']), lang)}</span>
        {changed && <span className="chip sc-changed">{t('scorecard.whatIf.changed')}</span>}
        {note && <span className="sc-note">{note}</span>}
      </th>
      {missing ? (
        <td colSpan={4} className="sc-missing-cell">
          <span className="sc-missing" data-testid="sc-missing" title={t('scorecard.missingTitle')}>
            <span className="sc-missing-badge">{t('scorecard.missing')}</span>
            <span className="sc-missing-reason">{reason || t('scorecard.noReason')}</span>
          </span>
        </td>
      ) : (
        <>
          <td className="sc-value-cell">
            <span className="sc-value" data-testid="sc-value" {...(value !== null ? { 'data-value': String(value) } : {})}>
              {value !== null ? withUnit(formatValue(value, lang), unit) : <TextValue value={valueText} zones={zones} />}
            </span>
            {year !== null && <span className="sc-year">{t('scorecard.yearOf', { year })}</span>}
          </td>
          <td className="sc-rank-cell">
            {rank !== null && of !== null ? (
              <span data-testid="sc-rank" data-rank={rank} data-of={of}>
                {t('scorecard.rank', { rank, of, among: amongText })}
              </span>
            ) : (
              <NoData />
            )}
          </td>
          <td className="sc-interval-cell">{intervalOf(row, lang, t) ?? <NoData />}</td>
          <td className="sc-trend-cell">{trend !== null ? trendOf(trend, text(row['unit']), lang, t) : <NoData />}</td>
        </>
      )}
      <td className="sc-source-cell">
        <SourceCell source={text(row['source'])} citations={citations} />
      </td>
    </tr>
  );
}

export interface PartSectionProps {
  readonly part: Part;
  readonly zones: ReadonlyMap<string, ZoneSummary>;
  readonly citations: ReadonlyMap<string, SourceCitation>;
  /** items the applied what-if changed (see `changedItems`) */
  readonly changed: ReadonlySet<string>;
}

export function PartSection({ part, zones, citations, changed }: PartSectionProps) {
  const { t } = useLang();
  return (
    <section className="panel sc-part" data-testid="sc-part" data-part={part.code}>
      <h2 className="panel-title sc-part-title" data-testid="sc-part-title">
        {part.label}
      </h2>
      <div className="table-scroll">
        <table className="table sc-items">
          <thead>
            <tr>
              <th className="sc-col-item">{t('scorecard.col.item')}</th>
              <th className="sc-col-value">{t('scorecard.col.value')}</th>
              <th className="sc-col-rank">{t('scorecard.col.rank')}</th>
              <th className="sc-col-interval">{t('scorecard.col.interval')}</th>
              <th className="sc-col-trend">{t('scorecard.col.trend')}</th>
              <th className="sc-col-source">{t('scorecard.col.source')}</th>
            </tr>
          </thead>
          <tbody>
            {part.items.map((row, i) => (
              <ItemRow key={`${text(row['key'])}-${i}`} row={row} zones={zones} citations={citations} changed={changed.has(changeKey(row))} />
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
