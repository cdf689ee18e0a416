/** Indicator weights (with direction, unit and the sources of each indicator) and the dimension weights. */
import { useMemo } from 'react';
import { useLang } from '../../lang.js';
import { NoData } from '../States.js';
import { leavesOf, type Framework } from './framework.js';
import { ResultPanel } from './ResultPanel.js';
import { findTable, labelOf, num, rowsOf, text, type Result } from './result.js';
import { WeightBar } from './WeightBar.js';

export function WeightsPanel({ result, framework }: { readonly result: Result; readonly framework: Framework | undefined }) {
  const { lang, t } = useLang();
  const weights = findTable(result, 'weights');
  const dimTable = findTable(result, 'dimension_weights');
  const rows = useMemo(() => (weights ? rowsOf(weights) : []), [weights]);
  const dims = useMemo(() => (dimTable ? rowsOf(dimTable) : []), [dimTable]);
  const leaves = useMemo(() => (framework ? leavesOf(framework) : null), [framework]);
  const sources = useMemo(() => new Map(result.provenance.sources.map((s) => [s.id, s])), [result]);
  const dimName = (code: string) => {
    const d = dims.find((r) => r['code'] === code);
    return d ? text(lang === 'zh' ? d['name_zh'] : d['name_en']) : code;
  };
  const unitOf = (code: string, raw: string) => {
    const leaf = leaves?.get(code);
    if (leaf) return labelOf(leaf.unit, lang);
    // the table writes "zh / en"; without the framework, take the half in the UI language
    const parts = raw.split(' / ');
    return parts.length === 2 ? (lang === 'zh' ? parts[0] : parts[1]) : raw;
  };
  const maxWeight = Math.max(0, ...rows.map((r) => num(r['weight']) ?? 0));
  const maxDim = Math.max(0, ...dims.map((r) => num(r['weight']) ?? 0));
  const countIn = (code: string) => rows.filter((r) => r['dimension'] === code).length;

  if (!weights) return null;
  return (
    <ResultPanel title={labelOf(weights.title, lang)} testId="weights-panel">
      <div className="weights-layout">
        <div className="table-scroll table-wide-nomax" data-testid="weights-table">
          <table className="table">
            <thead>
              <tr>
                <th>{t('index.indicator')}</th>
                <th>{t('index.dimension')}</th>
                <th>{t('index.direction')}</th>
                <th>{t('index.unit')}</th>
                <th className="num">{t('index.weight')}</th>
                <th>{t('index.sources')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => {
                const code = text(r['code']);
                const w = num(r['weight']);
                const dir = text(r['direction']);
                return (
                  <tr key={code}>
                    <td className="wrap">
                      {text(lang === 'zh' ? r['name_zh'] : r['name_en'])}
                      <div className="muted small mono">{code}</div>
                    </td>
                    <td>{dimName(text(r['dimension']))}</td>
                    <td>
                      <span className={dir === '-' ? 'dir dir-minus' : 'dir dir-plus'}>{dir === '-' ? `− ${t('index.dir.minus')}` : `+ ${t('index.dir.plus')}`}</span>
                    </td>
                    <td className="wrap">{unitOf(code, text(r['unit']))}</td>
                    <td className="num">{w === null ? <NoData /> : <WeightBar value={w} max={maxWeight} />}</td>
                    <td className="wrap small">
                      {text(r['sources'])
                        .split(/;\s*/)
                        .filter(Boolean)
                        .map((id) => {
                          const s = sources.get(id);
                          return (
                            <span key={id} className="source-id" title={s ? `${s.publisher} — ${s.title}` : id}>
                              {id}
                            </span>
                          );
                        })}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        {dims.length > 0 && (
          <div className="table-scroll" data-testid="dimension-weights-table">
            <table className="table">
              <caption>{dimTable ? labelOf(dimTable.title, lang) : t('index.dimensionWeights')}</caption>
              <thead>
                <tr>
                  <th>{t('index.dimension')}</th>
                  <th className="num">{t('index.weight')}</th>
                </tr>
              </thead>
              <tbody>
                {dims.map((d) => {
                  const w = num(d['weight']);
                  const code = text(d['code']);
                  return (
                    <tr key={code}>
                      <td>
                        {text(lang === 'zh' ? d['name_zh'] : d['name_en'])}
                        <div className="muted small">{t('index.indicatorCount', { n: countIn(code) })}</div>
                      </td>
                      <td className="num">{w === null ? <NoData /> : <WeightBar value={w} max={maxDim} />}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </div>
    </ResultPanel>
  );
}
