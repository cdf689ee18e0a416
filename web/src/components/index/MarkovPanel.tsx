/** Traditional and spatial Markov transition matrices (one at a time) and the spatial homogeneity tests. */
import { useMemo, useState } from 'react';
import { formatFixed, formatInteger } from '../../format.js';
import { useLang } from '../../lang.js';
import { NoData } from '../States.js';
import { MarkovMatrix } from './MarkovMatrix.js';
import { ResultPanel } from './ResultPanel.js';
import { findTable, labelOf, num, rowsOf, text, type Result } from './result.js';

function formatP(p: number, lang: 'zh' | 'en'): string {
  return p < 0.001 ? '< 0.001' : formatFixed(p, lang, 3);
}

export function MarkovPanel({ result }: { readonly result: Result }) {
  const { lang, t } = useLang();
  const matrices = useMemo(
    () => result.tables.filter((tb) => tb.name === 'markov' || /^spatial_markov_lag\d+$/.test(tb.name)),
    [result],
  );
  const tests = findTable(result, 'spatial_markov_tests');
  const [chosen, setChosen] = useState('markov');
  const current = matrices.find((m) => m.name === chosen) ?? matrices[0];
  const optionLabel = (name: string) => (name === 'markov' ? t('index.markovClassic') : t('index.markovSpatial', { k: name.replace('spatial_markov_lag', '') }));
  if (!current) return null;
  return (
    <ResultPanel
      title={t('index.markovTitle')}
      lead={t('index.markovHint')}
      testId="markov-panel"
      actions={
        <label className="control control-inline">
          <span className="control-label">{t('index.markovMatrix')}</span>
          <select className="select select-small" data-testid="markov-select" value={current.name} onChange={(e) => setChosen(e.target.value)}>
            {matrices.map((m) => (
              <option key={m.name} value={m.name}>
                {optionLabel(m.name)}
              </option>
            ))}
          </select>
        </label>
      }
    >
      <div className="two-col two-col-wide-left">
        <div>
          <div className="table-title">{labelOf(current.title, lang)}</div>
          <MarkovMatrix table={current} testId="markov-table" />
        </div>
        {tests && (
          <div>
            <div className="table-title">{labelOf(tests.title, lang)}</div>
            <div className="table-scroll" data-testid="markov-tests">
              <table className="table">
                <thead>
                  <tr>
                    <th>{t('index.test')}</th>
                    <th className="num">{t('index.statistic')}</th>
                    <th className="num">{t('index.dof')}</th>
                    <th className="num">{t('index.pValue')}</th>
                  </tr>
                </thead>
                <tbody>
                  {rowsOf(tests).map((r) => {
                    const name = text(r['test']);
                    const stat = num(r['statistic']);
                    const dof = num(r['dof']);
                    const p = num(r['p']);
                    return (
                      <tr key={name}>
                        <td>{name === 'LR' ? t('index.testLR') : name === 'Q' ? t('index.testQ') : name}</td>
                        <td className="num">{stat === null ? <NoData /> : formatFixed(stat, lang, 3)}</td>
                        <td className="num">{dof === null ? <NoData /> : formatInteger(dof, lang)}</td>
                        <td className={p !== null && p < 0.05 ? 'num strong' : 'num'}>{p === null ? <NoData /> : formatP(p, lang)}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          </div>
        )}
      </div>
    </ResultPanel>
  );
}
