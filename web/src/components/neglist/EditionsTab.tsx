/**
 * Every edition with its official row count beside the number of transcribed measures (table and bars over
 * time); one edition's measures, the ones not transcribed listed and marked, and its notes (说明).
 */
import { useMemo } from 'react';
import { CHART_FONT, type ChartOption } from '../../chartOption.js';
import { useLang } from '../../lang.js';
import { useApi } from '../../useApi.js';
import { EChart } from '../EChart.js';
import { AXIS_LABEL, SPLIT_LINE } from '../index/palette.js';
import { ResultPanel } from '../index/ResultPanel.js';
import { Await } from '../States.js';
import { editionYear, kindLabel, sectionLabel } from './labels.js';
import type { EditionDetail, EditionSummary } from './types.js';

function RowsChart({ editions }: { readonly editions: readonly EditionSummary[] }) {
  const { lang, t } = useLang();
  const option = useMemo<ChartOption>(
    () =>
      ({
        textStyle: { fontFamily: CHART_FONT },
        tooltip: { trigger: 'axis', confine: true, axisPointer: { type: 'shadow' } },
        legend: { top: 0, data: [t('neglist.rowsSeries.official'), t('neglist.rowsSeries.transcribed')] },
        grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
        xAxis: {
          type: 'category',
          data: editions.map((e) => `${editionYear(e)}\n${e.id.replace(/^cn-/, '').replace(/-\d{4}$/, '')}`),
          axisLabel: { ...AXIS_LABEL, interval: 0, fontSize: 10, rotate: 40 },
        },
        yAxis: { type: 'value', minInterval: 1, name: t('neglist.col.official'), axisLabel: AXIS_LABEL, splitLine: SPLIT_LINE },
        series: [
          { type: 'bar', name: t('neglist.rowsSeries.official'), data: editions.map((e) => e.officialCount ?? 0), itemStyle: { color: '#9aa5b1' }, barMaxWidth: 18 },
          { type: 'bar', name: t('neglist.rowsSeries.transcribed'), data: editions.map((e) => e.transcribed), itemStyle: { color: '#4e79a7' }, barMaxWidth: 18 },
        ],
      }) as ChartOption,
    [editions, lang, t],
  );
  return <EChart option={option} height={340} ariaLabel={t('neglist.rowsAria')} testId="editions-chart" />;
}

function EditionMeasures({ id }: { readonly id: string }) {
  const { lang, t } = useLang();
  const detail = useApi<EditionDetail>(`api/neglist/editions/${encodeURIComponent(id)}`);
  return (
    <Await state={detail}>
      {(d) => {
        const transcribed = d.measures.filter((m) => m.status === 'transcribed').length;
        return (
          <div data-testid="edition-detail" data-edition={id}>
            <ResultPanel title={t('neglist.measuresTitle', { title: d.edition.title, n: d.measures.length, t: transcribed })} testId="edition-measures-panel">
              {d.measures.length === 0 ? (
                <p className="muted">{t('neglist.noMeasures')}</p>
              ) : (
                <div className="table-scroll" data-testid="edition-measures">
                  <table className="table neglist-table">
                    <thead>
                      <tr>
                        <th className="num">{t('neglist.col.number')}</th>
                        <th>{t('neglist.col.section')}</th>
                        <th className="wrap">{t('neglist.col.text')}</th>
                        <th>{t('neglist.col.source')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {d.measures.map((m) => {
                        const missing = m.status !== 'transcribed';
                        const en = lang === 'en' && m.textEn ? m.textEn : null;
                        return (
                          <tr key={m.number} data-testid="edition-measure" data-status={m.status} className={missing ? 'neglist-missing' : undefined}>
                            <td className="num">{m.number}</td>
                            <td title={sectionLabel(m.section, lang)}>{m.section || '—'}</td>
                            <td className="wrap neglist-text">
                              {missing ? (
                                <span className="badge badge-unverified" title={t('neglist.notTranscribedTitle')} data-testid="not-transcribed">
                                  {t('neglist.notTranscribed')}
                                </span>
                              ) : (
                                <>
                                  <span lang={en ? 'en' : 'zh-CN'}>{en ?? (m.textZh || m.textEn)}</span>
                                  {lang === 'en' && !en && <span className="spec-hint block">{t('neglist.noEnglish')}</span>}
                                </>
                              )}
                              {m.note && <span className="spec-hint block">{m.note}</span>}
                            </td>
                            <td>
                              {!missing && m.sourceUrl ? (
                                /^https?:/.test(m.sourceUrl) ? (
                                  <a href={m.sourceUrl} target="_blank" rel="noreferrer" data-testid="measure-source">
                                    {t('neglist.sourceLink')} ↗
                                  </a>
                                ) : (
                                  <span className="muted small">{m.sourceUrl}</span>
                                )
                              ) : (
                                <span className="na">—</span>
                              )}
                            </td>
                          </tr>
                        );
                      })}
                    </tbody>
                  </table>
                </div>
              )}
            </ResultPanel>
            <ResultPanel title={t('neglist.notesTitle')} testId="edition-notes">
              {d.notes.length === 0 ? (
                <p className="muted">{t('neglist.noNotes')}</p>
              ) : (
                <ol className="neglist-notes-list">
                  {d.notes.map((n, i) => {
                    const text = lang === 'en' && n.en ? n.en : n.zh || n.en;
                    return (
                      <li key={`${n.no ?? 'x'}-${i}`} value={n.no ?? undefined}>
                        <span lang={lang === 'en' && n.en ? 'en' : 'zh-CN'}>{text}</span>
                        {lang === 'en' && !n.en && <span className="spec-hint block">{t('neglist.noEnglish')}</span>}
                        {/^https?:/.test(n.sourceUrl) && (
                          <>
                            {' '}
                            <a className="neglist-source" href={n.sourceUrl} target="_blank" rel="noreferrer">
                              {t('neglist.sourceLink')} ↗
                            </a>
                          </>
                        )}
                      </li>
                    );
                  })}
                </ol>
              )}
            </ResultPanel>
          </div>
        );
      }}
    </Await>
  );
}

export function EditionsTab({ editions, edition, onEdition }: { readonly editions: readonly EditionSummary[]; readonly edition: string | null; readonly onEdition: (id: string | null) => void }) {
  const { lang, t } = useLang();
  return (
    <>
      <ResultPanel title={t('neglist.editionsTitle', { n: editions.length })} lead={t('neglist.clickHint')} testId="editions-panel">
        <RowsChart editions={editions} />
        <div className="table-scroll" data-testid="editions-table">
          <table className="table neglist-table">
            <thead>
              <tr>
                <th>{t('neglist.col.id')}</th>
                <th className="wrap">{t('neglist.col.title')}</th>
                <th>{t('neglist.col.kind')}</th>
                <th>{t('neglist.col.published')}</th>
                <th>{t('neglist.col.effective')}</th>
                <th className="num">{t('neglist.col.official')}</th>
                <th className="num">{t('neglist.col.transcribed')}</th>
                <th>{t('neglist.col.status')}</th>
                <th>{t('neglist.col.source')}</th>
              </tr>
            </thead>
            <tbody>
              {editions.map((e) => (
                <tr
                  key={`${e.origin}-${e.id}`}
                  data-testid="edition-row"
                  data-edition={e.id}
                  className={e.id === edition ? 'neglist-row selected' : 'neglist-row'}
                  aria-selected={e.id === edition}
                  onClick={() => onEdition(e.id === edition ? null : e.id)}
                >
                  <td>
                    <button type="button" className="link-button" data-testid="edition-open" onClick={(ev) => { ev.stopPropagation(); onEdition(e.id === edition ? null : e.id); }}>
                      {e.id}
                    </button>
                    {e.origin === 'imported' && <span className="badge badge-verified_secondary">{t('neglist.origin.imported')}</span>}
                  </td>
                  <td className="wrap" lang="zh-CN">{e.title}</td>
                  <td>{kindLabel(e.kind, lang)}</td>
                  <td>{e.published ?? '—'}</td>
                  <td>{e.effective ?? '—'}</td>
                  <td className="num">{e.officialCount ?? '—'}</td>
                  <td className="num" data-figure="transcribed">{e.transcribed}</td>
                  <td className="small">{e.status}</td>
                  <td>
                    {/^https?:/.test(e.sourceUrl) ? (
                      <a href={e.sourceUrl} target="_blank" rel="noreferrer" onClick={(ev) => ev.stopPropagation()}>
                        {t('neglist.sourceLink')} ↗
                      </a>
                    ) : (
                      <span className="muted small">{e.sourceUrl || '—'}</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </ResultPanel>
      {edition && <EditionMeasures key={edition} id={edition} />}
    </>
  );
}
