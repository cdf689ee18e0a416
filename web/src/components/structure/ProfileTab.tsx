/**
 * A zone's industry positioning by sub-area: every item with its verification status (unverified items are
 * shown, greyed and struck, and left out of the summary unless asked for), its source, its SEI 2018 areas and
 * GB/T 4754 divisions and whether it is digital; then the summary with the digital share (the "+1" of N+1).
 */
import { useState } from 'react';
import type { ZoneProfileOutput } from '../../../../src/analyses/structure/zoneProfile.js';
import type { ZoneSummary } from '../../../../src/server/apiTypes.js';
import { formatPercent } from '../../format.js';
import { useLang } from '../../lang.js';
import { useApi } from '../../useApi.js';
import { KeyFigures } from '../carbon/KeyFigures.js';
import { ProvenanceSources } from '../index/ProvenanceSources.js';
import { ResultPanel } from '../index/ResultPanel.js';
import { Await } from '../States.js';
import { StatusBadge } from '../StatusBadge.js';
import { CodeChips } from './CodeChips.js';
import { englishMissing, hostOf, labelText, sourceUrls } from './labels.js';
import { SeiChart } from './SeiChart.js';
import { StructureWarnings } from './StructureWarnings.js';
import { ZoneSelect } from './ZoneSelect.js';

type Area = ZoneProfileOutput['areas'][number];
type Item = Area['items'][number];

const MAPPINGS = ['direct', 'broad', 'umbrella', 'unmappable'] as const;

let rememberedInclude = false;

function ItemRow({ item, counted }: { readonly item: Item; readonly counted: boolean }) {
  const { lang, t } = useLang();
  const unverified = item.status === 'UNVERIFIED';
  const urls = sourceUrls(item.sourceUrl);
  const mapping = MAPPINGS.find((m) => m === item.mapping);
  return (
    <li className={unverified ? 'structure-item unverified' : 'structure-item'} data-status={item.status} data-testid="profile-item">
      <div className="structure-item-head">
        <span className="structure-item-name" {...(englishMissing(item.item, lang) ? { lang: 'zh-CN', title: t('structure.noEnglishName') } : {})}>
          {labelText(item.item, lang)}
        </span>
        <StatusBadge status={item.status} />
        {unverified && (
          <span className="structure-unverified-note" data-testid="unverified-mark">
            {counted ? t('structure.unverifiedCounted') : t('structure.unverifiedMark')}
          </span>
        )}
        {item.digital && <span className="chip chip-digital">{t('structure.digital')}</span>}
        {mapping && (
          <span className="chip" title={t(`structure.mappingHint.${mapping}`)}>
            {t(`structure.mapping.${mapping}`)}
          </span>
        )}
      </div>
      {item.sei.length > 0 && (
        <div className="structure-item-codes">
          <span className="structure-code-label">{t('structure.seiShort')}</span>
          <CodeChips level="sei" codes={item.sei} />
        </div>
      )}
      {item.divisions.length > 0 && (
        <div className="structure-item-codes">
          <span className="structure-code-label">{t('structure.gbtShort')}</span>
          <CodeChips level="gbt4754" codes={item.divisions} />
        </div>
      )}
      <div className="structure-item-source small">
        <span className="muted">{t('structure.source')}</span>{' '}
        {urls.length === 0 ? (
          <span className="muted">{t('source.none')}</span>
        ) : (
          urls.map((u, i) => (
            <span key={u}>
              {i > 0 && ' · '}
              <a href={u} target="_blank" rel="noopener noreferrer" className="break" data-testid="item-source">
                {hostOf(u)}
              </a>
            </span>
          ))
        )}
      </div>
    </li>
  );
}

function AreaPanel({ area, includeUnverified }: { readonly area: Area; readonly includeUnverified: boolean }) {
  const { lang, t } = useLang();
  return (
    <section className="panel structure-area" data-testid="profile-area" data-area={area.id}>
      <div className="structure-area-head">
        <h3 className="structure-area-name">{labelText(area.name, lang)}</h3>
        {area.status && <StatusBadge status={area.status} />}
        <span className="muted small">{t('structure.itemCount', { n: area.items.length })}</span>
      </div>
      {area.items.length === 0 ? (
        <p className="muted small">{t('structure.noItems')}</p>
      ) : (
        <ul className="structure-items">
          {area.items.map((it, i) => (
            <ItemRow key={`${it.item.zh}-${i}`} item={it} counted={includeUnverified} />
          ))}
        </ul>
      )}
    </section>
  );
}

function ProfileBody({ profile, includeUnverified }: { readonly profile: ZoneProfileOutput; readonly includeUnverified: boolean }) {
  const { lang, t } = useLang();
  const s = profile.summary;
  return (
    <div className="structure-results" data-testid="profile-results">
      <ResultPanel title={t('structure.summaryTitle', { zone: labelText(profile.zone.name, lang) })} lead={includeUnverified ? t('structure.summaryLeadAll') : t('structure.summaryLead')} testId="profile-summary">
        <KeyFigures
          testId="profile-figures"
          figures={[
            { key: 'items', label: t('structure.countedItems'), value: s.items },
            { key: 'mappable', label: t('structure.mappableItems'), value: s.mappable, hint: t('structure.mappableHint') },
            { key: 'digital', label: t('structure.digitalItems'), value: s.digital },
            { key: 'share', label: t('structure.digitalShare'), value: s.digitalShare === null ? '—' : formatPercent(s.digitalShare, lang), hint: t('structure.digitalShareHint') },
          ]}
        />
        <StructureWarnings warnings={profile.warnings} testId="profile-warnings" />
        <div className="structure-two">
          <div>
            <div className="table-title">{t('structure.seiTitle')}</div>
            {s.sei.length === 0 ? <p className="muted small">{t('structure.noSei')}</p> : <SeiChart areas={s.sei} />}
          </div>
          <div data-testid="profile-divisions">
            <div className="table-title">{t('structure.divisionsTitle')}</div>
            {s.divisions.length === 0 ? <p className="muted small">{t('structure.noDivisions')}</p> : <CodeChips level="gbt4754" codes={s.divisions} />}
          </div>
        </div>
      </ResultPanel>

      <h2 className="section-title structure-areas-title">{t('structure.areasTitle', { n: profile.areas.length })}</h2>
      <div className="structure-areas" data-testid="profile-areas">
        {profile.areas.map((a) => (
          <AreaPanel key={a.id} area={a} includeUnverified={includeUnverified} />
        ))}
      </div>
      <section className="panel">
        <ProvenanceSources sources={profile.provenance.sources} testId="profile-sources" />
      </section>
    </div>
  );
}

export function ProfileTab({ zones, zone, onZone }: { readonly zones: readonly ZoneSummary[]; readonly zone: string; readonly onZone: (id: string) => void }) {
  const { t } = useLang();
  const [includeUnverified, setIncludeState] = useState(rememberedInclude);
  const setInclude = (v: boolean) => {
    rememberedInclude = v;
    setIncludeState(v);
  };
  const profile = useApi<ZoneProfileOutput>(`api/structure/profile/${encodeURIComponent(zone)}${includeUnverified ? '?include_unverified=true' : ''}`);
  return (
    <>
      <div className="panel controls structure-controls" data-testid="profile-controls">
        <ZoneSelect zones={zones} value={zone} onChange={onZone} testId="profile-zone" />
        <label className="check">
          <input type="checkbox" data-testid="profile-include-unverified" checked={includeUnverified} onChange={(e) => setInclude(e.target.checked)} />
          <span>
            {t('structure.includeUnverified')}
            <span className="spec-hint block">{t('structure.includeUnverifiedHint')}</span>
          </span>
        </label>
      </div>
      <Await state={profile}>{(p) => <ProfileBody profile={p} includeUnverified={includeUnverified} />}</Await>
    </>
  );
}
