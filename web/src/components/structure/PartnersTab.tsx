/**
 * Partner zones for a zone: ranked by how strongly the national input–output table links their positioned
 * sectors, discounted by how alike their positionings are; each row with its reasons in the UI language.
 */
import { useState } from 'react';
import type { ZonePartnersOutput } from '../../../../src/analyses/structure/zonePartners.js';
import type { ZoneSummary } from '../../../../src/server/apiTypes.js';
import { formatFixed, formatInteger } from '../../format.js';
import { useLang } from '../../lang.js';
import { hrefOf } from '../../route.js';
import { ProvenanceSources } from '../index/ProvenanceSources.js';
import { ResultPanel } from '../index/ResultPanel.js';
import { Await } from '../States.js';
import { labelText, shortZoneName, zoneShort } from './labels.js';
import { usePost } from './usePost.js';
import { ZoneSelect } from './ZoneSelect.js';

const REASON_MARK: Record<string, string> = { supplies: '↘', buys: '↗', overlap: '≈', distance: '⇔' };

let rememberedInclude = false;

function PartnerList({ result, zones }: { readonly result: ZonePartnersOutput; readonly zones: readonly ZoneSummary[] }) {
  const { lang, t } = useLang();
  const best = result.partners[0]?.score ?? 0;
  const byId = new Map(zones.map((z) => [z.id, z]));
  return (
    <div className="structure-results" data-testid="partners-results">
      <ResultPanel title={t('structure.partnersTitle', { zone: labelText(result.zone.name, lang) })} testId="partners-panel">
        <p className="structure-method small" data-testid="partners-method">
          <strong>{t('structure.method')}</strong> {labelText(result.method, lang)}
        </p>
        {result.partners.length === 0 ? (
          <p className="muted">{t('structure.noPartners')}</p>
        ) : (
          <ol className="partner-list" data-testid="partners-list">
            {result.partners.map((p, i) => (
              <li key={p.zone} className="partner" data-zone={p.zone} data-testid="partner">
                <div className="partner-head">
                  <span className="partner-rank">{i + 1}</span>
                  <a className="partner-name" href={hrefOf({ page: 'structure', tab: 'profile', zone: p.zone })}>
                    {labelText(p.name, lang)}
                  </a>
                  <span className="partner-bar" aria-hidden="true">
                    <span style={{ width: `${best > 0 ? Math.max(2, (p.score / best) * 100) : 0}%` }} />
                  </span>
                </div>
                <dl className="partner-figures">
                  <div>
                    <dt>{t('structure.score')}</dt>
                    <dd data-figure="score">{formatFixed(p.score, lang, 4)}</dd>
                  </div>
                  <div>
                    <dt>{t('structure.chainLink')}</dt>
                    <dd data-figure="chainLink">{formatFixed(p.chainLink, lang, 4)}</dd>
                  </div>
                  <div>
                    <dt>{t('structure.overlap')}</dt>
                    <dd data-figure="overlap">{formatFixed(p.overlap, lang, 2)}</dd>
                  </div>
                  <div>
                    <dt>{t('structure.distance')}</dt>
                    <dd data-figure="distance">{p.distanceKm === null ? <span className="na">—</span> : t('structure.km', { km: formatInteger(p.distanceKm, lang) })}</dd>
                  </div>
                </dl>
                <ul className="partner-reasons" data-testid="partner-reasons">
                  {p.reasons.map((r, k) => (
                    <li key={`${r.kind}-${k}`} data-kind={r.kind} className={r.kind === 'supplies' || r.kind === 'buys' ? 'partner-reason link' : 'partner-reason muted'}>
                      <span className="partner-reason-kind" title={t(`structure.reason.${r.kind}`)}>
                        <span aria-hidden="true">{REASON_MARK[r.kind] ?? '·'}</span> {r.kind === 'supplies' || r.kind === 'buys' ? t(`structure.reason.${r.kind}`) : ''}
                      </span>
                      <span>{labelText(r.text, lang)}</span>
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ol>
        )}
        {result.notScored.length > 0 && (
          <p className="notice" data-testid="partners-not-scored">
            {t('structure.partnersNotScored', { zones: result.notScored.map((id) => zoneShort(byId.get(id), id, lang)).join(lang === 'zh' ? '、' : ', ') })}
          </p>
        )}
        <ProvenanceSources sources={result.provenance.sources} testId="partners-sources" />
      </ResultPanel>
    </div>
  );
}

export function PartnersTab({ zones, zone, onZone }: { readonly zones: readonly ZoneSummary[]; readonly zone: string; readonly onZone: (id: string) => void }) {
  const { lang, t } = useLang();
  const [includeUnverified, setIncludeState] = useState(rememberedInclude);
  const setInclude = (v: boolean) => {
    rememberedInclude = v;
    setIncludeState(v);
  };
  const partners = usePost<ZonePartnersOutput>('api/structure/partners', { zone, includeUnverified });
  const me = zones.find((z) => z.id === zone);
  return (
    <>
      <div className="panel controls structure-controls" data-testid="partners-controls">
        <ZoneSelect zones={zones} value={zone} onChange={onZone} testId="partners-zone" />
        <label className="check">
          <input type="checkbox" data-testid="partners-include-unverified" checked={includeUnverified} onChange={(e) => setInclude(e.target.checked)} />
          <span>
            {t('structure.includeUnverified')}
            <span className="spec-hint block">{t('structure.includeUnverifiedHint')}</span>
          </span>
        </label>
        {me && (
          <a className="control-link" href={hrefOf({ page: 'structure', tab: 'chain', zone })}>
            {t('structure.toChain', { zone: shortZoneName({ zh: me.name_zh, en: me.name_en }, me.id, lang) })} →
          </a>
        )}
      </div>
      <Await state={partners}>{(p) => <PartnerList result={p} zones={zones} />}</Await>
    </>
  );
}
