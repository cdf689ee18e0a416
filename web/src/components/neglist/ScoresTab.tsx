/**
 * Restrictiveness of an edition: the STRI-style score by GB/T 4754 section and the FDI equity score beside the
 * row count ("rows vs substance"), with the weights and binary measures printed.
 */
import { formatFixed } from '../../format.js';
import { useLang } from '../../lang.js';
import { useApi } from '../../useApi.js';
import { ResultPanel } from '../index/ResultPanel.js';
import { Await } from '../States.js';
import { StructureWarnings } from '../structure/StructureWarnings.js';
import { EditionSelect } from './EditionSelect.js';
import { measureNumber, sectionLabel } from './labels.js';
import { ScoreBars } from './ScoreBars.js';
import { STRI_CATEGORY_KEYS, type EditionSummary, type ScoreResponse } from './types.js';

function Scores({ result, title }: { readonly result: ScoreResponse; readonly title: string }) {
  const { lang, t } = useLang();
  const fdi = new Map(result.fdiEquity.sectors.map((s) => [s.sector, s]));
  const sectors = [...new Set([...result.stri.sectors.map((s) => s.sector), ...result.fdiEquity.sectors.map((s) => s.sector)])].sort();
  const stri = new Map(result.stri.sectors.map((s) => [s.sector, s]));
  const schedule = result.fdiEquity.schedule;
  return (
    <div className="neglist-results" data-testid="scores-results">
      <ResultPanel title={t('neglist.scoresTitle', { title })} lead={t('neglist.scoreNote')} testId="scores-panel">
        <div className="key-figures neglist-figures" data-testid="scores-figures">
          <div className="key-figure" data-figure="rows">
            <div className="key-figure-label">{t('neglist.rows')}</div>
            <div className="key-figure-value">{result.rows ?? '—'}</div>
          </div>
          <div className="key-figure" data-figure="transcribed">
            <div className="key-figure-label">{t('neglist.transcribedRows')}</div>
            <div className="key-figure-value">{result.transcribed}</div>
          </div>
          <div className="key-figure" data-figure="stri">
            <div className="key-figure-label">{t('neglist.striTotal')}</div>
            <div className="key-figure-value" data-testid="scores-stri-total">{formatFixed(result.stri.total, lang, 4)}</div>
          </div>
          <div className="key-figure" data-figure="fdi">
            <div className="key-figure-label">{t('neglist.fdiTotal')}</div>
            <div className="key-figure-value" data-testid="scores-fdi-total">{formatFixed(result.fdiEquity.total, lang, 4)}</div>
          </div>
        </div>
        <div className="table-title">{t('neglist.rowsVsSubstance')}</div>
        <ScoreBars
          sectors={sectors}
          series={[
            { name: t('neglist.col.stri'), colour: '#4e79a7', values: sectors.map((s) => stri.get(s)?.score ?? 0) },
            { name: t('neglist.col.fdi'), colour: '#f28e2b', values: sectors.map((s) => fdi.get(s)?.score ?? 0) },
          ]}
          max={1}
          ariaLabel={t('neglist.scoresAria', { edition: result.id })}
          testId="scores-chart"
        />
        <div className="table-scroll" data-testid="scores-table">
          <table className="table neglist-table">
            <thead>
              <tr>
                <th>{t('neglist.col.sector')}</th>
                <th className="num">{t('neglist.col.stri')}</th>
                {STRI_CATEGORY_KEYS.map((c) => (
                  <th key={c} className="num small">
                    {t(`neglist.cat.${c}`)}
                  </th>
                ))}
                <th className="num">{t('neglist.col.fdi')}</th>
                <th>{t('neglist.col.binding')}</th>
              </tr>
            </thead>
            <tbody>
              {sectors.map((s) => {
                const row = stri.get(s);
                const f = fdi.get(s);
                return (
                  <tr key={s} data-sector={s}>
                    <td>{sectionLabel(s, lang)}</td>
                    <td className="num">
                      {row ? formatFixed(row.score, lang, 4) : '—'}
                      {row?.gated && (
                        <span className="neglist-gated" title={t('neglist.gated')}>
                          {' '}
                          ■
                        </span>
                      )}
                    </td>
                    {STRI_CATEGORY_KEYS.map((c) => (
                      <td key={c} className="num small">
                        {row ? formatFixed(row.categories[c], lang, 2) : '—'}
                      </td>
                    ))}
                    <td className="num">{f ? formatFixed(f.score, lang, 2) : '—'}</td>
                    <td>{f?.measure ? <code title={f.measure}>#{measureNumber(f.measure)}</code> : <span className="na">—</span>}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        <p className="muted small">■ {t('neglist.gated')}</p>
      </ResultPanel>
      <ResultPanel title={t('neglist.weightsTitle')} testId="scores-weights">
        <dl className="neglist-weights">
          <dt>{t('neglist.categoryWeights')}</dt>
          <dd>
            {STRI_CATEGORY_KEYS.map((c) => `${t(`neglist.cat.${c}`)} ${formatFixed(result.stri.weights[c], lang, 2)}`).join(lang === 'zh' ? '；' : '; ')}
          </dd>
          <dt>{t('neglist.sectorWeights')}</dt>
          <dd>{Object.entries(result.stri.sectorWeights).map(([s, w]) => `${s} ${formatFixed(w, lang, 2)}`).join(lang === 'zh' ? '；' : '; ')}</dd>
          <dt>{t('neglist.binaryMeasures')}</dt>
          <dd>
            <ul className="neglist-binary">
              {STRI_CATEGORY_KEYS.filter((c) => result.stri.measures[c].length > 0).map((c) => (
                <li key={c}>
                  {t(`neglist.cat.${c}`)}: <code>{result.stri.measures[c].join(', ')}</code>
                </li>
              ))}
            </ul>
          </dd>
          <dt>{t('neglist.col.fdi')}</dt>
          <dd>{t('neglist.fdiSchedule', { prohibition: schedule.prohibition, majorityNotAllowed: schedule.majorityNotAllowed, capAbove50: schedule.capAbove50, none: schedule.none })}</dd>
        </dl>
        {result.stri.warnings.length > 0 && (
          <ul className="warning-list">
            {result.stri.warnings.map((w) => (
              <li key={w} className="notice" lang="en">
                {w}
              </li>
            ))}
          </ul>
        )}
        <StructureWarnings warnings={result.warnings} testId="scores-warnings" />
      </ResultPanel>
    </div>
  );
}

export function ScoresTab({ editions, edition, onEdition }: { readonly editions: readonly EditionSummary[]; readonly edition: string; readonly onEdition: (id: string) => void }) {
  const { t } = useLang();
  const score = useApi<ScoreResponse>(`api/neglist/score/${encodeURIComponent(edition)}`);
  const summary = editions.find((e) => e.id === edition);
  return (
    <>
      <div className="panel controls structure-controls" data-testid="scores-controls">
        <EditionSelect editions={editions} value={summary ? edition : ''} onChange={onEdition} testId="scores-edition" />
        <p className="muted small neglist-notes">
          <span className="badge badge-unverified">{t('neglist.unreviewed')}</span> {t('neglist.componentsNote')}
        </p>
      </div>
      <Await state={score}>{(s) => <Scores result={s} title={summary?.title ?? edition} />}</Await>
    </>
  );
}
