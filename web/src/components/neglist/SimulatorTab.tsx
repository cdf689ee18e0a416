/**
 * The what-if simulator: remove measures of an edition or relax their components, and compare the baseline and
 * simulated STRI-style scores by section and in total, beside each measure's own contribution. A scenario can be
 * saved under a name (each save is a new version); the official list is never changed.
 */
import { useMemo, useState } from 'react';
import { ApiError, postJson } from '../../api.js';
import { formatFixed } from '../../format.js';
import { useLang } from '../../lang.js';
import { useApi, useInvalidate } from '../../useApi.js';
import { ResultPanel } from '../index/ResultPanel.js';
import { Field } from '../index/SpecForm.js';
import { Await, ErrorBox } from '../States.js';
import { usePost } from '../structure/usePost.js';
import { EditionSelect } from './EditionSelect.js';
import { measureNumber, sectionLabel } from './labels.js';
import { ScoreBars } from './ScoreBars.js';
import { COMPONENT_KINDS, type ComponentKind, type EditionDetail, type EditionSummary, type Scenario, type ScenariosResponse, type SimulationOutput } from './types.js';

type Relax = ReadonlyMap<string, ReadonlySet<ComponentKind>>;

function scenarioOf(edition: string, removed: ReadonlySet<string>, relax: Relax): Scenario {
  return {
    edition,
    remove: [...removed].sort(),
    relax: [...relax.entries()].filter(([, kinds]) => kinds.size > 0).sort(([a], [b]) => a.localeCompare(b)).map(([measure, kinds]) => ({ measure, kinds: COMPONENT_KINDS.filter((k) => kinds.has(k)) })),
  };
}

function isKind(k: string): k is ComponentKind {
  return (COMPONENT_KINDS as readonly string[]).includes(k);
}

function Totals({ result }: { readonly result: SimulationOutput }) {
  const { lang, t } = useLang();
  const change = result.simulated.total - result.baseline.total;
  return (
    <div className="key-figures neglist-figures" data-testid="sim-totals">
      <div className="key-figure">
        <div className="key-figure-label">{t('neglist.totalBaseline')}</div>
        <div className="key-figure-value" data-testid="sim-total-baseline">{formatFixed(result.baseline.total, lang, 4)}</div>
      </div>
      <div className="key-figure">
        <div className="key-figure-label">{t('neglist.totalSimulated')}</div>
        <div className="key-figure-value" data-testid="sim-total-simulated">{formatFixed(result.simulated.total, lang, 4)}</div>
      </div>
      <div className="key-figure">
        <div className="key-figure-label">{t('neglist.totalChange')}</div>
        <div className={change < 0 ? 'key-figure-value neglist-down' : 'key-figure-value'} data-testid="sim-total-change">
          {change > 0 ? '+' : ''}
          {formatFixed(change, lang, 4)}
        </div>
      </div>
    </div>
  );
}

function SaveScenario({ scenario }: { readonly scenario: Scenario }) {
  const { lang, t } = useLang();
  const invalidate = useInvalidate();
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<{ name: string; version: number } | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const scenarios = useApi<ScenariosResponse>('api/neglist/scenarios');
  const valid = /^[\p{L}\p{N}_-]{1,64}$/u.test(name);
  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      const answer = await postJson<{ name: string; version: number }>(`api/neglist/scenarios/${encodeURIComponent(name)}`, scenario, lang);
      setSaved(answer);
      invalidate(['api/neglist/scenarios']);
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(String(e), 'client.unknown', 0));
    } finally {
      setBusy(false);
    }
  };
  const mine = scenarios.status === 'ok' ? scenarios.data.scenarios.filter((s) => s.edition === scenario.edition) : [];
  return (
    <ResultPanel title={t('neglist.save')} testId="sim-save-panel">
      <div className="controls neglist-save">
        <Field label={t('neglist.scenarioName')} hint={t('neglist.scenarioHint')}>
          <input className="select" type="text" data-testid="sim-scenario-name" value={name} maxLength={64} aria-invalid={name !== '' && !valid} onChange={(e) => setName(e.target.value)} />
        </Field>
        <button type="button" className="btn" data-testid="sim-save" disabled={!valid || busy} onClick={() => void save()}>
          {t('neglist.save')}
        </button>
      </div>
      {saved && (
        <p className="notice neglist-saved" data-testid="sim-saved" data-version={saved.version} role="status">
          {t('neglist.saved', { name: saved.name, version: saved.version })}
        </p>
      )}
      {error && <ErrorBox error={error} />}
      {mine.length > 0 && (
        <details className="neglist-saved-list" data-testid="sim-saved-list">
          <summary>
            {t('neglist.savedList')} ({mine.length})
          </summary>
          <ul>
            {mine.map((s) => (
              <li key={`${s.name}-${s.version}`}>{t('neglist.savedRow', { name: s.name, version: s.version, edition: s.edition })}</li>
            ))}
          </ul>
        </details>
      )}
    </ResultPanel>
  );
}

function MeasureRows({
  result,
  detail,
  removed,
  relax,
  onRemove,
  onRelax,
}: {
  readonly result: SimulationOutput;
  readonly detail: EditionDetail | null;
  readonly removed: ReadonlySet<string>;
  readonly relax: Relax;
  readonly onRemove: (id: string, on: boolean) => void;
  readonly onRelax: (id: string, kind: ComponentKind) => void;
}) {
  const { lang, t } = useLang();
  const byNumber = new Map((detail?.measures ?? []).map((m) => [String(m.number), m]));
  return (
    <div className="table-scroll" data-testid="sim-measures">
      <table className="table neglist-table">
        <thead>
          <tr>
            <th className="num">{t('neglist.col.number')}</th>
            <th>{t('neglist.col.section')}</th>
            <th className="wrap">{t('neglist.col.text')}</th>
            <th>{t('neglist.col.components')}</th>
            <th>{t('neglist.col.remove')}</th>
            <th className="num" title={t('neglist.contributionHint')}>
              {t('neglist.col.contribution')}
            </th>
          </tr>
        </thead>
        <tbody>
          {result.contributions.map((c) => {
            const no = measureNumber(c.measure);
            const m = byNumber.get(no);
            const en = lang === 'en' && m?.textEn ? m.textEn : null;
            const kinds = [...new Set(c.components)].filter(isKind);
            const isRemoved = removed.has(c.measure);
            const relaxedKinds = relax.get(c.measure);
            return (
              <tr key={c.measure} data-testid="sim-measure" data-measure={c.measure} data-contribution={c.total} className={isRemoved ? 'neglist-removed' : undefined}>
                <td className="num">{no}</td>
                <td title={sectionLabel(c.sector, lang)}>{c.sector}</td>
                <td className="wrap neglist-text">
                  <span lang={en ? 'en' : 'zh-CN'} className="neglist-measure-text">{en ?? c.text}</span>
                  {lang === 'en' && !en && <span className="spec-hint block">{t('neglist.noEnglish')}</span>}
                  {m?.sourceUrl && /^https?:/.test(m.sourceUrl) && (
                    <a className="neglist-source" href={m.sourceUrl} target="_blank" rel="noreferrer">
                      {t('neglist.sourceLink')} ↗
                    </a>
                  )}
                </td>
                <td>
                  <div className="neglist-components">
                    {kinds.length === 0 && <span className="muted small">{t('neglist.noComponent')}</span>}
                    {kinds.map((k) => {
                      const off = relaxedKinds?.has(k) ?? false;
                      return (
                        <button
                          key={k}
                          type="button"
                          className={off ? 'neglist-comp relaxed' : 'neglist-comp'}
                          data-testid="sim-relax"
                          data-kind={k}
                          aria-pressed={off}
                          disabled={isRemoved}
                          title={off ? t('neglist.relaxed') : t('neglist.relaxTitle')}
                          onClick={() => onRelax(c.measure, k)}
                        >
                          {t(`neglist.comp.${k}`)}
                        </button>
                      );
                    })}
                    {kinds.length > 0 && !c.reviewed && (
                      <span className="badge badge-unverified" title={t('neglist.unreviewedTitle')} data-testid="unreviewed-badge">
                        {t('neglist.unreviewed')}
                      </span>
                    )}
                    {kinds.length > 0 && c.reviewed && (
                      <span className="badge" data-testid="reviewed-badge">
                        {t('neglist.reviewed')}
                      </span>
                    )}
                  </div>
                </td>
                <td>
                  <label className="check neglist-remove">
                    <input type="checkbox" data-testid="sim-remove" checked={isRemoved} onChange={(e) => onRemove(c.measure, e.target.checked)} aria-label={t('neglist.removeLabel', { id: c.measure })} />
                  </label>
                </td>
                <td className="num" data-figure="contribution">
                  {formatFixed(c.total, lang, 4)}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

export function SimulatorTab({ editions, edition, onEdition }: { readonly editions: readonly EditionSummary[]; readonly edition: string; readonly onEdition: (id: string) => void }) {
  const { lang, t } = useLang();
  const [removed, setRemoved] = useState<ReadonlySet<string>>(new Set());
  const [relax, setRelax] = useState<Relax>(new Map());
  const scenario = useMemo(() => scenarioOf(edition, removed, relax), [edition, removed, relax]);
  const sim = usePost<SimulationOutput>('api/neglist/simulate', scenario);
  // the last answer stays on screen while the next one is computed, so the table does not jump
  const [last, setLast] = useState<SimulationOutput | null>(null);
  if (sim.status === 'ok' && sim.data !== last) setLast(sim.data);
  const shown = sim.status === 'ok' ? sim.data : last;
  const detail = useApi<EditionDetail>(`api/neglist/editions/${encodeURIComponent(edition)}`);

  const onRemove = (id: string, on: boolean) => {
    const next = new Set(removed);
    if (on) next.add(id);
    else next.delete(id);
    setRemoved(next);
  };
  const onRelax = (id: string, kind: ComponentKind) => {
    const next = new Map(relax);
    const kinds = new Set(next.get(id) ?? []);
    if (kinds.has(kind)) kinds.delete(kind);
    else kinds.add(kind);
    next.set(id, kinds);
    setRelax(next);
  };
  const relaxedCount = [...relax.values()].reduce((n, s) => n + s.size, 0);
  const inList = editions.some((e) => e.id === edition);

  return (
    <>
      <div className="panel controls structure-controls" data-testid="sim-controls">
        <EditionSelect editions={editions} value={inList ? edition : ''} onChange={onEdition} testId="sim-edition" />
        <div className="neglist-notes">
          <p className="notice" data-testid="sim-official-note">
            {t('neglist.officialNote')}
          </p>
          <p className="muted small" data-testid="sim-components-note">
            <span className="badge badge-unverified">{t('neglist.unreviewed')}</span> {t('neglist.componentsNote')}
          </p>
        </div>
      </div>
      <Await state={shown ? ({ status: 'ok', data: shown, error: null } as const) : sim}>
          {(r) =>
            r.contributions.length === 0 ? (
              <p className="notice" data-testid="sim-empty">
                {t('neglist.noTranscribed')}
              </p>
            ) : (
              <div className="neglist-results" data-testid="sim-results" aria-busy={sim.status === 'loading'}>
                <ResultPanel
                  title={t('neglist.simChart')}
                  lead={t('neglist.edits', { removed: removed.size, relaxed: relaxedCount })}
                  testId="sim-score-panel"
                  actions={
                    <button
                      type="button"
                      className="btn btn-small btn-ghost"
                      data-testid="sim-reset"
                      disabled={removed.size === 0 && relaxedCount === 0}
                      onClick={() => {
                        setRemoved(new Set());
                        setRelax(new Map());
                      }}
                    >
                      {t('neglist.reset')}
                    </button>
                  }
                >
                  {sim.status === 'error' && <ErrorBox error={sim.error} onRetry={sim.retry} />}
                  <Totals result={r} />
                  <ScoreBars
                    sectors={r.baseline.sectors.map((s) => s.sector)}
                    series={[
                      { name: t('neglist.baseline'), colour: '#9aa5b1', values: r.baseline.sectors.map((s) => s.score) },
                      { name: t('neglist.simulated'), colour: '#4e79a7', values: r.simulated.sectors.map((s) => s.score) },
                    ]}
                    max={1}
                    ariaLabel={t('neglist.simAria', { edition })}
                    testId="sim-chart"
                  />
                  {r.unknownMeasures.length > 0 && <p className="notice">{t('neglist.unknownMeasures', { ids: r.unknownMeasures.join(', ') })}</p>}
                </ResultPanel>
                <ResultPanel title={t('neglist.measuresSim', { n: r.contributions.length })} lead={`${t('neglist.relaxHint')} ${t('neglist.contributionHint')}`} testId="sim-measures-panel">
                  <MeasureRows result={r} detail={detail.status === 'ok' ? detail.data : null} removed={removed} relax={relax} onRemove={onRemove} onRelax={onRelax} />
                </ResultPanel>
                <SaveScenario scenario={scenario} />
                <p className="muted small" lang={lang === 'zh' ? 'zh-CN' : 'en'}>
                  {t('neglist.officialNote')}
                </p>
              </div>
            )
          }
      </Await>
    </>
  );
}
