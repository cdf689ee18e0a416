/** Cards for the Pilot FTZs in batch order, each linking to its zone page. */
import type { ZoneSummary } from '../../../src/server/apiTypes.js';
import { batchColour, batchNumber } from '../batches.js';
import { formatDate, formatExact, formatShare } from '../format.js';
import { useLang } from '../lang.js';
import { hrefOf } from '../route.js';
import { NotVerified } from './States.js';

function ZoneCard({ zone }: { readonly zone: ZoneSummary }) {
  const { lang, t } = useLang();
  const n = zone.batch ?? batchNumber(zone.batch_year);
  const colour = batchColour(zone.batch_year);
  const main = lang === 'zh' ? zone.name_zh : zone.name_en;
  const other = lang === 'zh' ? zone.name_en : zone.name_zh;
  return (
    <a className="zone-card" href={hrefOf({ page: 'zone', id: zone.id })} data-testid={`zone-link-${zone.id}`} style={{ borderTopColor: colour }}>
      <div className="zone-card-head">
        <span className="chip chip-batch" style={{ background: colour }}>
          {n === null ? t('batch.year', { year: zone.batch_year }) : t('batch.value', { n, year: zone.batch_year })}
        </span>
        {zone.location_type && <span className="chip">{t(`loc.${zone.location_type}`)}</span>}
      </div>
      <div className="zone-card-name">{main}</div>
      <div className="zone-card-other" lang={lang === 'zh' ? 'en' : 'zh-CN'}>
        {other}
      </div>
      <dl className="zone-card-facts">
        <div>
          <dt>{t('zone.approved')}</dt>
          <dd>{zone.approved ? formatDate(zone.approved, lang) : <NotVerified />}</dd>
        </div>
        <div>
          <dt>{t('zone.launched')}</dt>
          <dd>{zone.launched ? formatDate(zone.launched, lang) : <NotVerified />}</dd>
        </div>
        <div>
          <dt>{t('zone.area')}</dt>
          <dd>{zone.area_km2 === null ? <NotVerified /> : t('zone.areaKm2', { v: formatExact(zone.area_km2, lang) })}</dd>
        </div>
        <div>
          <dt>{t('zone.subAreas')}</dt>
          <dd>{zone.sub_areas}</dd>
        </div>
      </dl>
      <div className="verified-bar" title={t('zone.verifiedShare', { p: formatShare(zone.verified_share, lang) })}>
        <div className="verified-bar-fill" style={{ width: `${Math.round(zone.verified_share * 100)}%` }} />
      </div>
      <div className="muted small">{t('zone.verifiedShare', { p: formatShare(zone.verified_share, lang) })}</div>
    </a>
  );
}

export function ZoneGrid({ zones }: { readonly zones: readonly ZoneSummary[] }) {
  const ordered = [...zones].sort((a, b) => a.batch_year - b.batch_year);
  return (
    <div className="zone-grid">
      {ordered.map((z) => (
        <ZoneCard key={z.id} zone={z} />
      ))}
    </div>
  );
}
