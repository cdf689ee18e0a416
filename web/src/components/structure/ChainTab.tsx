/**
 * A chain map for one sector of the national input–output table: its suppliers and customers around it, its
 * backward and forward linkages, and, for a zone, which links the zone covers and the advice to strengthen,
 * complete and extend the chain.
 */
import { useState } from 'react';
import type { IndustryChainOutput } from '../../../../src/analyses/structure/industryChain.js';
import type { ZoneSummary } from '../../../../src/server/apiTypes.js';
import { formatFixed, formatInteger } from '../../format.js';
import { useLang } from '../../lang.js';
import { useApi } from '../../useApi.js';
import { KeyFigures } from '../carbon/KeyFigures.js';
import { ProvenanceSources } from '../index/ProvenanceSources.js';
import { ResultPanel } from '../index/ResultPanel.js';
import { Field } from '../index/SpecForm.js';
import { Await, ErrorBox, Loading } from '../States.js';
import { ChainDiagram, coverageKey } from './ChainDiagram.js';
import { COVERAGE_COLOURS, labelText, zoneShort } from './labels.js';
import { usePost } from './usePost.js';
import { ZoneSelect } from './ZoneSelect.js';

export interface IoSector {
  readonly year: number;
  readonly code: string;
  readonly name_zh: string;
  readonly name_en: string;
}

interface ChainForm {
  readonly sector: string;
  readonly withZone: boolean;
  readonly domestic: boolean;
  readonly top: string;
  readonly includeUnverified: boolean;
}

const ADVICE = ['strengthen', 'complete', 'extend'] as const;

let rememberedForm: ChainForm = { sector: '20', withZone: true, domestic: true, top: '8', includeUnverified: false };

function topOf(text: string): number | null {
  const v = Number(text);
  return text.trim() !== '' && Number.isInteger(v) && v >= 1 && v <= 42 ? v : null;
}

function sectorName(s: IoSector | undefined, code: string, lang: 'zh' | 'en'): string {
  if (!s) return code;
  return lang === 'zh' ? s.name_zh || s.name_en : s.name_en || s.name_zh;
}

function LinkTable({ rows, kind, zones }: { readonly rows: IndustryChainOutput['suppliers']; readonly kind: 'suppliers' | 'customers'; readonly zones: readonly ZoneSummary[] }) {
  const { lang, t } = useLang();
  const byId = new Map(zones.map((z) => [z.id, z]));
  const withZone = rows.some((r) => r.coverage !== null);
  return (
    <div className="table-scroll table-compact" data-testid={`chain-${kind}`}>
      <table className="table">
        <caption>{t(`structure.${kind}`)}</caption>
        <thead>
          <tr>
            <th>{t('structure.col.sector')}</th>
            <th className="num">{kind === 'suppliers' ? t('structure.inputCoefficient') : t('structure.allocationCoefficient')}</th>
            {withZone && <th>{t('structure.col.coverage')}</th>}
            {withZone && <th className="wrap">{t('structure.col.nearbyZones')}</th>}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.code} data-code={r.code} data-coverage={r.coverage ?? 'none'}>
              <td className="wrap">
                <span className="mono">{r.code}</span> {labelText(r.name, lang)}
              </td>
              <td className="num">{formatFixed(r.weight, lang, 4)}</td>
              {withZone && (
                <td>
                  <span className="structure-coverage" style={{ borderColor: COVERAGE_COLOURS[coverageKey(r.coverage)] }}>
                    <span className="swatch-dot" style={{ background: COVERAGE_COLOURS[coverageKey(r.coverage)] }} aria-hidden="true" /> {t(`structure.coverage.${coverageKey(r.coverage)}`)}
                  </span>
                </td>
              )}
              {withZone && <td className="wrap small">{r.nearbyZones.map((id) => zoneShort(byId.get(id), id, lang)).join(lang === 'zh' ? '、' : ', ') || '—'}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ChainBody({ result, sectors, zones }: { readonly result: IndustryChainOutput; readonly sectors: readonly IoSector[]; readonly zones: readonly ZoneSummary[] }) {
  const { lang, t } = useLang();
  const byCode = new Map(sectors.map((s) => [s.code, s]));
  const s = result.sector;
  const zone = result.spec.zone ? zones.find((z) => z.id === result.spec.zone) : undefined;
  return (
    <div className="structure-results" data-testid="chain-results">
      <ResultPanel
        title={t('structure.chainTitle', { code: s.code, sector: labelText(s.name, lang), year: result.year })}
        lead={result.spec.domestic ? t('structure.chainLeadDomestic') : t('structure.chainLeadTotal')}
        testId="chain-panel"
      >
        <KeyFigures
          testId="chain-figures"
          figures={[
            { key: 'backward', label: t('structure.backward'), value: formatFixed(s.backward, lang, 3), hint: t('structure.backwardHint') },
            { key: 'forward', label: t('structure.forward'), value: formatFixed(s.forward, lang, 3), hint: t('structure.forwardHint') },
            { key: 'key', label: t('structure.keySector'), value: s.keySector ? t('structure.yes') : t('structure.no'), hint: t('structure.keySectorHint') },
            { key: 'multiplier', label: t('structure.outputMultiplier'), value: formatFixed(s.outputMultiplier, lang, 3) },
            { key: 'year', label: t('structure.ioYear'), value: formatInteger(result.year, lang) },
          ]}
        />
        {s.divisions.length > 0 && <p className="muted small">{t('structure.sectorDivisions', { divisions: s.divisions.join(lang === 'zh' ? '、' : ', ') })}</p>}
        <ChainDiagram result={result} />
      </ResultPanel>

      <ResultPanel title={t('structure.adviceTitle')} {...(zone ? { lead: t('structure.adviceLead', { zone: lang === 'zh' ? zone.name_zh : zone.name_en }) } : {})} testId="chain-advice">
        {result.advice === null ? (
          <p className="muted">{t('structure.adviceNeedsZone')}</p>
        ) : (
          <div className="advice-grid">
            {ADVICE.map((k) => {
              const codes = result.advice?.[k] ?? [];
              return (
                <section key={k} className={`advice advice-${k}`} data-advice={k}>
                  <h3 className="advice-title">{t(`structure.advice.${k}`)}</h3>
                  <p className="spec-hint">{t(`structure.adviceHint.${k}`)}</p>
                  {codes.length === 0 ? (
                    <p className="muted small">{t('structure.adviceNone')}</p>
                  ) : (
                    <ul className="advice-list">
                      {codes.map((c) => (
                        <li key={c} data-code={c}>
                          <span className="mono">{c}</span> {sectorName(byCode.get(c), c, lang)}
                        </li>
                      ))}
                    </ul>
                  )}
                </section>
              );
            })}
          </div>
        )}
      </ResultPanel>

      <ResultPanel title={t('structure.linksTitle')} testId="chain-links">
        <div className="structure-stack">
          <LinkTable rows={result.suppliers} kind="suppliers" zones={zones} />
          <LinkTable rows={result.customers} kind="customers" zones={zones} />
        </div>
        <ProvenanceSources sources={result.provenance.sources} testId="chain-sources" />
      </ResultPanel>
    </div>
  );
}

export function ChainTab({ zones, zone, onZone }: { readonly zones: readonly ZoneSummary[]; readonly zone: string; readonly onZone: (id: string) => void }) {
  const { lang, t } = useLang();
  const sectors = useApi<{ sectors: IoSector[] }>('api/structure/io-sectors');
  const [form, setFormState] = useState<ChainForm>(rememberedForm);
  const setForm = (next: ChainForm) => {
    rememberedForm = next;
    setFormState(next);
  };
  const top = topOf(form.top);
  const body = top === null ? null : { sector: form.sector, domestic: form.domestic, top, includeUnverified: form.includeUnverified, ...(form.withZone && zone ? { zone } : {}) };
  const chain = usePost<IndustryChainOutput>('api/structure/chain', body);

  if (sectors.status === 'error') return <ErrorBox error={sectors.error} onRetry={sectors.retry} />;
  if (sectors.status !== 'ok') return <Loading />;
  const list = sectors.data.sectors;
  return (
    <>
      <div className="panel controls structure-controls" data-testid="chain-controls">
        <Field label={t('structure.sector')}>
          <select className="select" data-testid="chain-sector" value={form.sector} onChange={(e) => setForm({ ...form, sector: e.target.value })}>
            {list.map((s) => (
              <option key={s.code} value={s.code}>
                {s.code} {sectorName(s, s.code, lang)}
              </option>
            ))}
          </select>
        </Field>
        <ZoneSelect
          zones={zones}
          value={form.withZone ? zone : ''}
          testId="chain-zone"
          label={t('structure.chainZone')}
          noneLabel={t('structure.noZone')}
          onChange={(id) => {
            if (id === '') setForm({ ...form, withZone: false });
            else {
              setForm({ ...form, withZone: true });
              onZone(id);
            }
          }}
        />
        <Field label={t('structure.top')}>
          <input className="select input-number" type="number" min={1} max={42} step={1} data-testid="chain-top" aria-invalid={top === null} value={form.top} onChange={(e) => setForm({ ...form, top: e.target.value })} />
        </Field>
        <label className="check">
          <input type="checkbox" data-testid="chain-domestic" checked={form.domestic} onChange={(e) => setForm({ ...form, domestic: e.target.checked })} />
          <span>
            {t('structure.domestic')}
            <span className="spec-hint block">{t('structure.domesticHint')}</span>
          </span>
        </label>
        <label className="check">
          <input type="checkbox" data-testid="chain-include-unverified" checked={form.includeUnverified} onChange={(e) => setForm({ ...form, includeUnverified: e.target.checked })} />
          <span>{t('structure.includeUnverified')}</span>
        </label>
        {top === null && (
          <span className="form-error" role="alert">
            {t('structure.badTop')}
          </span>
        )}
      </div>
      {body !== null && <Await state={chain}>{(c) => <ChainBody result={c} sectors={list} zones={zones} />}</Await>}
    </>
  );
}
