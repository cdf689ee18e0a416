/**
 * Dynamic effects: the event-study plot of every estimator that reports event-time coefficients, the range
 * shown (the spec's window or every event time the data allow), and the parallel-trends pre-test.
 */
import { useMemo, useState } from 'react';
import { formatFixed } from '../../format.js';
import { useLang } from '../../lang.js';
import { NoData } from '../States.js';
import { ResultPanel } from '../index/ResultPanel.js';
import { findTable, num, rowsOf, text, type Result } from '../index/result.js';
import { Segmented } from '../index/Segmented.js';
import { EventStudyChart, type EventPoint, type EventSeries } from './EventStudyChart.js';
import { estimatorLabel } from './labels.js';
import { ESTIMATORS, type EffectRequest } from './spec.js';

type Range = 'window' | 'all';

function order(code: string): number {
  const i = (ESTIMATORS as readonly string[]).indexOf(code);
  return i < 0 ? 99 : i;
}

export function EventStudyPanel({ result, request, outcomeLabel }: { readonly result: Result; readonly request: EffectRequest; readonly outcomeLabel: string }) {
  const { lang, t } = useLang();
  const table = findTable(result, 'event_study');
  const [range, setRange] = useState<Range>('window');

  const all = useMemo<EventSeries[]>(() => {
    if (!table) return [];
    const by = new Map<string, EventPoint[]>();
    for (const r of rowsOf(table)) {
      const e = num(r['e']);
      const att = num(r['att']);
      if (e === null || att === null) continue;
      const code = text(r['estimator']);
      const list = by.get(code) ?? [];
      list.push({ e, att, low: num(r['ci_low']), high: num(r['ci_high']), se: num(r['se']), reference: false });
      by.set(code, list);
    }
    return [...by.entries()]
      .sort((a, b) => order(a[0]) - order(b[0]))
      .map(([code, points]) => {
        // estimators normalised on period −1 leave it out; it is drawn at 0 so the reference is visible
        const hasPre = points.some((p) => p.e < -1);
        const withRef = hasPre && !points.some((p) => p.e === -1) ? [...points, { e: -1, att: 0, low: null, high: null, se: null, reference: true }] : points;
        return { estimator: code, label: estimatorLabel(code, t), points: withRef.sort((a, b) => a.e - b.e) };
      });
  }, [table, t]);

  const [pre, post] = request.window;
  const bounds = useMemo<[number, number]>(() => {
    if (range === 'window') return [pre, post];
    const es = all.flatMap((s) => s.points.map((p) => p.e));
    return es.length ? [Math.min(pre, ...es), Math.max(post, ...es)] : [pre, post];
  }, [range, all, pre, post]);
  const series = useMemo(() => all.map((s) => ({ ...s, points: s.points.filter((p) => p.e >= bounds[0] && p.e <= bounds[1]) })).filter((s) => s.points.length > 0), [all, bounds]);
  const widest = useMemo(() => {
    const es = all.flatMap((s) => s.points.map((p) => p.e));
    return es.length ? ([Math.min(...es), Math.max(...es)] as const) : null;
  }, [all]);

  const pretest = findTable(result, 'pretest');
  const pt = pretest ? rowsOf(pretest)[0] : undefined;
  const stat = num(pt?.['stat']);
  const df = num(pt?.['df']);
  const p = num(pt?.['p']);
  const noPretest = result.warnings.find((w) => w.code === 'causal.no_pretest');
  const csAsked = request.estimators.includes('cs');

  return (
    <ResultPanel
      title={t('effect.eventTitle')}
      lead={t('effect.eventLead')}
      testId="effect-event-panel"
      actions={
        widest && (widest[0] < pre || widest[1] > post) ? (
          <Segmented
            label={t('effect.range')}
            testId="event-range"
            value={range}
            onChange={setRange}
            options={[
              { value: 'window', label: t('effect.rangeWindow', { from: pre, to: post }) },
              { value: 'all', label: t('effect.rangeAll', { from: widest[0], to: widest[1] }) },
            ]}
          />
        ) : undefined
      }
    >
      {series.length > 0 ? (
        <EventStudyChart
          series={series}
          range={bounds}
          yName={request.log ? t('effect.axisLog') : t('effect.axisLevel')}
          image={{ title: t('effect.chartTitleEvent', { outcome: outcomeLabel }), subtitle: t('effect.chartSubtitleEvent'), fileName: `ftz-effect-event-study-${request.outcome}-${lang}.png` }}
        />
      ) : (
        <p className="muted">{t('effect.noEvents')}</p>
      )}
      <ul className="legend-list event-notes">
        <li>
          <span className="legend-line legend-dashed-dark" aria-hidden="true" />
          {t('effect.zeroLine')}
        </li>
        <li>
          <span className="legend-line legend-dashed-red" aria-hidden="true" />
          {t('effect.treatmentLineNote')}
        </li>
        <li>
          <span className="legend-ring" aria-hidden="true" />
          {t('effect.referenceNote')}
        </li>
      </ul>
      <p className="muted small result-lead">{t('effect.eventNote')}</p>

      <div className="pretest" data-testid="effect-pretest">
        <div className="table-title">{t('effect.pretestTitle')}</div>
        {pt ? (
          <>
            <dl className="pretest-facts">
              <div>
                <dt>{t('effect.chi2')}</dt>
                <dd>{stat === null ? <NoData /> : formatFixed(stat, lang, 3)}</dd>
              </div>
              <div>
                <dt>{t('effect.df')}</dt>
                <dd>{df === null ? <NoData /> : df}</dd>
              </div>
              <div>
                <dt>{t('effect.p')}</dt>
                <dd>{p === null ? <NoData /> : p < 0.001 ? '< 0.001' : formatFixed(p, lang, 3)}</dd>
              </div>
            </dl>
            {p !== null && <p className={p < 0.1 ? 'pretest-verdict reject' : 'pretest-verdict'}>{t(p < 0.1 ? 'effect.pretestReject' : 'effect.pretestPass')}</p>}
          </>
        ) : (
          <p className="muted small">
            {!csAsked ? t('effect.pretestNoCs') : noPretest ? (lang === 'zh' ? noPretest.message.zh : noPretest.message.en) : t('effect.pretestMissing')}
          </p>
        )}
        {pt && <p className="muted small">{t('effect.pretestHelp')}</p>}
      </div>
    </ResultPanel>
  );
}
