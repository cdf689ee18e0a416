/** One Pilot FTZ: every registry field with its status and sources, its sub-areas, and host-province charts. */
import type { ReactNode } from 'react';
import type { ZoneResponse } from '../../../src/server/apiTypes.js';
import type { HostCity, LocationType, PlanDocument, SourcedField, ZoneAreaRecord, ZoneRecord } from '../../../src/store/zoneTypes.js';
import { batchColour, batchNumber } from '../batches.js';
import { PageTitle } from '../components/PageTitle.js';
import { SourcedValue } from '../components/SourcedValue.js';
import { Await, NotVerified } from '../components/States.js';
import { StatusBadge } from '../components/StatusBadge.js';
import { ProvinceCharts } from '../components/ProvinceCharts.js';
import { SourceRefs } from '../components/SourceRefs.js';
import { formatDate, formatExact, regionName } from '../format.js';
import { useLang } from '../lang.js';
import { hrefOf } from '../route.js';
import { useApi } from '../useApi.js';

function Fact({ label, children }: { readonly label: string; readonly children: ReactNode }) {
  return (
    <div className="fact">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function PlanView({ plan }: { readonly plan: PlanDocument }) {
  const { lang, t } = useLang();
  return (
    <span className="plan">
      <span className="plan-title">{plan.title}</span>
      <span className="plan-meta">
        {t('zone.docNo')}: {plan.doc_no ?? <NotVerified />} · {t('zone.docDate')}: {plan.doc_date ? formatDate(plan.doc_date, lang) : <NotVerified />}
        {plan.published ? ` · ${t('zone.planPublished')}: ${formatDate(plan.published, lang)}` : ''}
      </span>
    </span>
  );
}

function planText(plan: PlanDocument): string {
  return [plan.title, plan.doc_no, plan.doc_date].filter(Boolean).join(' · ');
}

function useFieldRenderers() {
  const { lang, t } = useLang();
  const km2 = (v: number) => t('zone.areaKm2', { v: formatExact(v, lang) });
  const date = (v: string) => formatDate(v, lang);
  const loc = (v: LocationType) => t(`loc.${v}`);
  const city = (v: HostCity) => [v.name_zh, v.district].filter(Boolean).join(' · ');
  const list = (v: readonly string[]) => v.join('、');
  return { km2, date, loc, city, list };
}

function AreaHistory({ zone }: { readonly zone: ZoneRecord }) {
  const { t } = useLang();
  const r = useFieldRenderers();
  const steps: { key: string; since: string | null; field: SourcedField<number> }[] = [
    ...zone.area_history.map((h, i) => ({ key: `h${i}`, since: h.from || null, field: h.area_km2 })),
    { key: 'now', since: null, field: zone.area_km2 },
  ];
  return (
    <ol className="area-history">
      {steps.map((s) => (
        <li key={s.key} className="area-step">
          <div className="area-step-value">
            <strong>{s.field.value === null ? <NotVerified /> : r.km2(s.field.value)}</strong>
            <StatusBadge status={s.field.status} />
          </div>
          <div className="muted small">{s.since ? t('zone.areaSince', { date: r.date(s.since) }) : t('zone.areaCurrent')}</div>
          <SourceRefs field={s.field} renderValue={r.km2} />
        </li>
      ))}
    </ol>
  );
}

function SubArea({ area }: { readonly area: ZoneAreaRecord }) {
  const { lang, t } = useLang();
  const r = useFieldRenderers();
  const positioning = (zh: readonly string[]) => {
    if (lang === 'zh') return r.list(zh);
    const en = area.positioning_en;
    // the Chinese list is the plan's own wording, so it stays beside the translation
    if (en && en.length > 0)
      return (
        <>
          {en.join('; ')}
          <span className="positioning-zh" lang="zh-CN">
            {r.list(zh)}
          </span>
        </>
      );
    return (
      <>
        <span lang="zh-CN">{r.list(zh)}</span> <span className="muted small">{t('zone.positioningEnMissing')}</span>
      </>
    );
  };
  const main = lang === 'zh' ? area.name_zh : area.name_en || area.name_zh;
  const other = lang === 'zh' ? area.name_en : area.name_en ? area.name_zh : '';
  const customs = area.customs_special_areas;
  return (
    <article className="subarea">
      <h3 className="subarea-name">
        {main}
        {other && <span className="subarea-other">{other}</span>}
      </h3>
      <dl className="facts facts-compact">
        <Fact label={t('zone.hostCity')}>
          <SourcedValue field={area.host_city} render={r.city} text={r.city} />
        </Fact>
        <Fact label={t('zone.area')}>
          <SourcedValue field={area.area_km2} render={r.km2} text={r.km2} />
        </Fact>
        <Fact label={t('zone.added')}>
          <SourcedValue field={area.added} render={r.date} text={r.date} />
        </Fact>
        <Fact label={t('zone.positioning')}>
          <SourcedValue field={area.positioning_zh} render={positioning} text={r.list} />
        </Fact>
        {(customs.value !== null ? customs.value.length > 0 : customs.sources.length > 0) && (
          <Fact label={t('zone.customsAreas')}>
            <SourcedValue field={customs} render={r.list} text={r.list} />
          </Fact>
        )}
      </dl>
      {area.note && (
        <p className="field-note">
          <span className="label">{t('source.note')}</span> {area.note}
        </p>
      )}
    </article>
  );
}

function ZoneView({ data }: { readonly data: ZoneResponse }) {
  const { lang, t } = useLang();
  const r = useFieldRenderers();
  const zone = data.zone;
  const n = zone.batch.value ?? batchNumber(zone.batch_year);
  const batchLabel = (v: number) => t('batch.value', { n: v, year: zone.batch_year });
  const main = lang === 'zh' ? zone.name_zh : zone.name_en;
  const other = lang === 'zh' ? zone.name_en : zone.name_zh;
  return (
    <>
      <div className="zone-head">
        <div className="zone-head-chips">
          <span className="chip chip-batch" style={{ background: batchColour(zone.batch_year) }}>
            {n === null ? t('batch.year', { year: zone.batch_year }) : batchLabel(n)}
          </span>
          {zone.location_type.value && <span className="chip">{r.loc(zone.location_type.value)}</span>}
          {data.province && (
            <span className="chip">
              {t('zone.province')}: {regionName(data.province, data.province.code, lang)}
            </span>
          )}
        </div>
        <PageTitle title={main} />
        <p className="zone-other-name" lang={lang === 'zh' ? 'en' : 'zh-CN'}>
          {other}
        </p>
        <p>
          <a href={hrefOf({ page: 'scorecard', zone: zone.id })} data-testid="zone-scorecard-link">
            {t('scorecard.zoneLink')} →
          </a>
        </p>
        <p className="muted small">{t('zone.statusLegend')}</p>
      </div>

      <section className="section">
        <h2 className="section-title">{t('zone.facts')}</h2>
        <dl className="facts">
          <Fact label={t('zone.batch')}>
            <SourcedValue field={zone.batch} render={batchLabel} text={batchLabel} />
          </Fact>
          <Fact label={t('zone.generalPlan')}>
            <SourcedValue field={zone.general_plan} render={(p) => <PlanView plan={p} />} text={planText} />
          </Fact>
          <Fact label={t('zone.approved')}>
            <SourcedValue field={zone.approved} render={r.date} text={r.date} />
          </Fact>
          <Fact label={t('zone.planPublished')}>
            <SourcedValue field={zone.plan_published} render={r.date} text={r.date} />
          </Fact>
          <Fact label={t('zone.launched')}>
            <SourcedValue field={zone.launched} render={r.date} text={r.date} />
          </Fact>
          <Fact label={t('zone.areaCurrent')}>
            <SourcedValue field={zone.area_km2} render={r.km2} text={r.km2} />
          </Fact>
          {zone.area_history.length > 0 && (
            <Fact label={t('zone.areaHistory')}>
              <AreaHistory zone={zone} />
            </Fact>
          )}
          <Fact label={t('zone.location')}>
            <SourcedValue field={zone.location_type} render={r.loc} text={r.loc} />
          </Fact>
          {zone.later_plans.length > 0 && (
            <Fact label={t('zone.laterPlans')}>
              <ul className="plain-list">
                {zone.later_plans.map((p, i) => (
                  <li key={i}>
                    <SourcedValue field={p} render={(v) => <PlanView plan={v} />} text={planText} />
                  </li>
                ))}
              </ul>
            </Fact>
          )}
        </dl>
      </section>

      <section className="section">
        <h2 className="section-title">
          {t('zone.subAreas')} <span className="muted small">{t('zone.subAreaCount', { n: zone.areas.length })}</span>
        </h2>
        <div className="subareas">
          {zone.areas.map((a) => (
            <SubArea key={a.id} area={a} />
          ))}
        </div>
      </section>

      {data.province && <ProvinceCharts province={data.province} />}
    </>
  );
}

export function ZonePage({ id }: { readonly id: string }) {
  const { t } = useLang();
  const zone = useApi<ZoneResponse>(`api/zones/${encodeURIComponent(id)}`);
  return (
    <div className="page" data-testid="zone-page" data-zone={id}>
      <a className="back-link" href={hrefOf({ page: 'home' })}>
        ← {t('zone.back')}
      </a>
      {zone.status === 'error' && <PageTitle title={zone.error.status === 404 ? t('zone.notFound') : t('state.error')} />}
      <Await state={zone}>{(d) => <ZoneView data={d} />}</Await>
    </div>
  );
}
