/**
 * Two editions compared measure by measure, each change with its verdict and reason; and the ratchet
 * (standstill) check over a chosen sequence of editions.
 */
import { useState } from 'react';
import { formatFixed } from '../../format.js';
import { useLang } from '../../lang.js';
import { useApi } from '../../useApi.js';
import { ResultPanel } from '../index/ResultPanel.js';
import { Await } from '../States.js';
import { StructureWarnings } from '../structure/StructureWarnings.js';
import { EditionSelect } from './EditionSelect.js';
import { measureNumber } from './labels.js';
import { VERDICTS, type DiffResponse, type EditionSummary, type RatchetResponse } from './types.js';

let remembered: { from: string; to: string; sequence: readonly string[] } | null = null;

function Ids({ ids }: { readonly ids: readonly string[] }) {
  if (ids.length === 0) return <span className="na">—</span>;
  return (
    <span className="neglist-ids">
      {ids.map((id) => (
        <code key={id} title={id}>
          #{measureNumber(id)}
        </code>
      ))}
    </span>
  );
}

export function VerdictBadge({ verdict, uncertain }: { readonly verdict: string; readonly uncertain?: boolean }) {
  const { t } = useLang();
  const known = VERDICTS.find((v) => v === verdict);
  return (
    <span className="neglist-verdict-wrap">
      <span className={`badge neglist-verdict verdict-${verdict}`} data-testid="verdict" data-verdict={verdict}>
        {known ? t(`neglist.verdict.${known}`) : verdict}
      </span>
      {uncertain && (
        <span className="badge neglist-uncertain" data-testid="uncertain" title={t('neglist.uncertain')} aria-label={t('neglist.uncertainMark')}>
          ?
        </span>
      )}
    </span>
  );
}

function DiffTable({ result }: { readonly result: DiffResponse }) {
  const { lang, t } = useLang();
  const counts = Object.fromEntries(VERDICTS.map((v) => [v, result.diff.changes.filter((c) => c.verdict === v).length]));
  const anyUncertain = result.diff.changes.some((c) => c.uncertain);
  return (
    <ResultPanel title={t('neglist.diffTitle', { from: result.diff.from, to: result.diff.to, n: result.diff.changes.length })} lead={t('neglist.diffSummary', counts)} testId="diff-panel">
      {anyUncertain && (
        <p className="notice" data-testid="uncertain-note">
          <span className="badge neglist-uncertain">?</span> {t('neglist.uncertain')}
        </p>
      )}
      <div className="table-scroll" data-testid="diff-table">
        <table className="table neglist-table">
          <thead>
            <tr>
              <th>{t('neglist.col.change')}</th>
              <th>{t('neglist.col.from')}</th>
              <th>{t('neglist.col.to')}</th>
              <th>{t('neglist.col.verdict')}</th>
              <th className="wrap">{t('neglist.col.reason')}</th>
            </tr>
          </thead>
          <tbody>
            {result.diff.changes.map((c, i) => (
              <tr key={`${c.link.kind}-${c.link.from.join()}-${c.link.to.join()}-${i}`} data-testid="diff-row" data-verdict={c.verdict} data-kind={c.link.kind} data-uncertain={c.uncertain}>
                <td>
                  {t(`neglist.link.${c.link.kind}`)}
                  {c.link.similarity !== undefined && <span className="spec-hint block">{t('neglist.similarity', { s: formatFixed(c.link.similarity, lang, 2) })}</span>}
                </td>
                <td>
                  <Ids ids={c.link.from} />
                </td>
                <td>
                  <Ids ids={c.link.to} />
                </td>
                <td>
                  <VerdictBadge verdict={c.verdict} uncertain={c.uncertain} />
                </td>
                <td className="wrap small" lang="en">
                  {c.reason}
                  {c.uncertain && <span className="spec-hint block" lang={lang === 'zh' ? 'zh-CN' : 'en'}>? {t('neglist.uncertain')}</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="muted small">{t('neglist.reasonNote')}</p>
      <StructureWarnings warnings={result.warnings} testId="diff-warnings" />
    </ResultPanel>
  );
}

function Ratchet({ editions, sequence, onSequence }: { readonly editions: readonly EditionSummary[]; readonly sequence: readonly string[]; readonly onSequence: (ids: readonly string[]) => void }) {
  const { lang, t } = useLang();
  const ordered = editions.filter((e) => sequence.includes(e.id)).map((e) => e.id);
  const ratchet = useApi<RatchetResponse>(ordered.length >= 2 ? `api/neglist/ratchet?editions=${ordered.map(encodeURIComponent).join(',')}` : null);
  const toggle = (id: string, on: boolean) => onSequence(on ? [...sequence, id] : sequence.filter((x) => x !== id));
  return (
    <ResultPanel title={t('neglist.ratchetTitle')} lead={t('neglist.ratchetLead')} testId="ratchet-panel">
      <div className="neglist-sequence" data-testid="ratchet-editions">
        {editions.map((e) => (
          <label key={e.id} className="check">
            <input type="checkbox" data-edition={e.id} checked={sequence.includes(e.id)} onChange={(ev) => toggle(e.id, ev.target.checked)} />
            <span>{e.id}</span>
          </label>
        ))}
      </div>
      {ordered.length < 2 ? (
        <p className="muted">{t('neglist.ratchetPick')}</p>
      ) : (
        <Await state={ratchet}>
          {(r) => (
            <div data-testid="ratchet-result" data-compliant={r.result.compliant}>
              <p className={r.result.compliant ? 'notice neglist-ok' : 'notice neglist-bad'} data-testid="ratchet-summary">
                {r.result.compliant
                  ? t('neglist.ratchetCompliant', { steps: r.result.steps.length })
                  : t('neglist.ratchetViolations', { n: r.result.violations.length, steps: r.result.steps.length })}
              </p>
              {r.result.violations.length > 0 && (
                <div className="table-scroll">
                  <table className="table neglist-table" data-testid="ratchet-violations">
                    <thead>
                      <tr>
                        <th>{t('neglist.step')}</th>
                        <th>{t('neglist.col.status2')}</th>
                        <th>{t('neglist.col.change')}</th>
                        <th>{t('neglist.col.verdict')}</th>
                        <th className="wrap">{t('neglist.col.reason')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {r.result.violations.map((v, i) => (
                        <tr key={`${v.from}-${v.to}-${i}`} data-status={v.status} data-uncertain={v.uncertain}>
                          <td className="small">
                            {v.from} → {v.to}
                          </td>
                          <td>{t(`neglist.ratchet.${v.status}`)}</td>
                          <td>
                            {t(`neglist.link.${v.link.kind}`)} <Ids ids={[...v.link.from, ...v.link.to]} />
                          </td>
                          <td>
                            <VerdictBadge verdict={v.verdict} uncertain={v.uncertain} />
                          </td>
                          <td className="wrap small" lang="en">
                            {v.reason}
                            {v.uncertain && <span className="spec-hint block" lang={lang === 'zh' ? 'zh-CN' : 'en'}>? {t('neglist.uncertain')}</span>}
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
              <StructureWarnings warnings={r.warnings} testId="ratchet-warnings" />
            </div>
          )}
        </Await>
      )}
    </ResultPanel>
  );
}

export function CompareTab({ editions }: { readonly editions: readonly EditionSummary[] }) {
  const { t } = useLang();
  const has = (id: string) => editions.some((e) => e.id === id);
  const initial = remembered ?? {
    from: has('cn-fdi-national-2019') ? 'cn-fdi-national-2019' : (editions.at(-2)?.id ?? ''),
    to: has('cn-fdi-national-2021') ? 'cn-fdi-national-2021' : (editions.at(-1)?.id ?? ''),
    sequence: ['cn-fdi-national-2019', 'cn-fdi-national-2021', 'cn-fdi-national-2024'].filter(has),
  };
  const [state, setStateRaw] = useState(initial);
  const setState = (next: typeof initial) => {
    remembered = next;
    setStateRaw(next);
  };
  const same = state.from === state.to;
  const diff = useApi<DiffResponse>(state.from && state.to && !same ? `api/neglist/diff?from=${encodeURIComponent(state.from)}&to=${encodeURIComponent(state.to)}` : null);
  return (
    <>
      <div className="panel controls structure-controls" data-testid="compare-controls">
        <EditionSelect editions={editions} value={state.from} onChange={(from) => setState({ ...state, from })} testId="compare-from" label={t('neglist.from')} />
        <span className="neglist-arrow" aria-hidden="true">
          →
        </span>
        <EditionSelect editions={editions} value={state.to} onChange={(to) => setState({ ...state, to })} testId="compare-to" label={t('neglist.to')} />
      </div>
      {same ? <p className="notice">{t('neglist.sameEdition')}</p> : <Await state={diff}>{(d) => <DiffTable result={d} />}</Await>}
      <Ratchet editions={editions} sequence={state.sequence} onSequence={(sequence) => setState({ ...state, sequence })} />
    </>
  );
}
