/**
 * Small multiples: one radar per zone, each the scorecard's own profile figure narrowed to that zone and the
 * median. The axes are numbered in the charts and named once above them, as 22 sets of long names would crowd
 * the small plots.
 */
import { useMemo } from 'react';
import { useLang } from '../../lang.js';
import { hrefOf } from '../../route.js';
import { ScorecardChart } from './ScorecardChart.js';
import { shortZoneName } from '../structure/labels.js';
import { findTable, oneZoneProfile, profileZones, rowsOf, text, type Result } from './scorecard.js';

// the shared builder marks an axis without data with this suffix; the numbered axis keeps it
const MISSING_MARK = /(（缺）| \(n\/a\))$/;

interface RadarIndicator {
  readonly name: string;
  readonly [key: string]: unknown;
}

function smallMultiple(option: Record<string, unknown>): Record<string, unknown> {
  const radar = option['radar'] as { readonly indicator: readonly RadarIndicator[]; readonly axisName?: Record<string, unknown> } & Record<string, unknown>;
  const title = option['title'] as Record<string, unknown> & { readonly textStyle?: Record<string, unknown> };
  return {
    ...option,
    title: { ...title, top: 4, textStyle: { ...title.textStyle, fontSize: 13 } },
    legend: { show: false },
    radar: {
      ...radar,
      radius: '64%',
      center: ['50%', '57%'],
      axisName: { ...radar.axisName, fontSize: 10 },
      indicator: radar.indicator.map((ind, i) => ({ ...ind, name: `${i + 1}${MISSING_MARK.exec(ind.name)?.[1] ?? ''}` })),
    },
  };
}

export function ZoneRadars({ result }: { readonly result: Result }) {
  const { lang, t } = useLang();
  const profile = findTable(result, 'profile');
  const axes = profile ? rowsOf(profile).map((r) => text(lang === 'zh' ? r['axis_zh'] : r['axis_en'])) : [];
  const multiples = useMemo(() => {
    if (!profile) return [];
    return profileZones(profile).map((zone) => {
      const label = profile.columns.find((c) => c.name === zone)?.label ?? { zh: zone, en: zone };
      return { zone, label, result: oneZoneProfile(result, zone, { zh: shortZoneName(label, zone, 'zh'), en: shortZoneName(label, zone, 'en') }) };
    });
  }, [profile, result]);
  if (!profile) return null;
  return (
    <>
      <p className="muted small">{t('compare.radarsLead')}</p>
      <ol className="sc-axis-key" data-testid="compare-axis-key">
        {axes.map((a, i) => (
          <li key={i}>{a}</li>
        ))}
      </ol>
      <div className="sc-radar-grid">
        {multiples.map((m) => (
          <div key={m.zone} className="sc-radar-card" data-testid="compare-radar" data-zone={m.zone}>
            <ScorecardChart result={m.result} figure="profile" height={250} testId={`compare-radar-${m.zone}`} adapt={smallMultiple} ariaLabel={t('compare.radarAria', { zone: m.label[lang] })} />
            <a className="sc-radar-link" href={hrefOf({ page: 'scorecard', zone: m.zone })} title={m.label[lang]}>
              {t('scorecard.zoneLink')} →
            </a>
          </div>
        ))}
      </div>
    </>
  );
}
