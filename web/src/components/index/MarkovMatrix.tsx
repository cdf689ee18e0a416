/** A transition probability matrix as a heat table: darker cells are likelier moves; steady state alongside. */
import { formatInteger, formatPercent } from '../../format.js';
import { useLang } from '../../lang.js';
import { NoData } from '../States.js';
import { num, rowsOf, text, type Table } from './result.js';

function heat(p: number): { background: string; color: string } {
  const a = Math.max(0, Math.min(1, p));
  return { background: `rgba(29, 79, 145, ${(0.06 + 0.88 * a).toFixed(3)})`, color: a > 0.45 ? '#fff' : '#1f2328' };
}

export function MarkovMatrix({ table, testId }: { readonly table: Table; readonly testId?: string }) {
  const { lang, t } = useLang();
  const rows = rowsOf(table);
  const toCols = table.columns.filter((c) => /^to_\d+$/.test(c.name));
  return (
    <div className="table-scroll markov" {...(testId ? { 'data-testid': testId } : {})}>
      <table className="table">
        <thead>
          <tr>
            <th>{t('index.markovFrom')}</th>
            {toCols.map((c) => (
              <th key={c.name} className="num">
                {t('index.markovTo', { k: c.name.slice(3) })}
              </th>
            ))}
            <th className="num">{t('index.markovN')}</th>
            <th className="num">{t('index.markovSteady')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const n = num(r['n']);
            const steady = num(r['steady']);
            return (
              <tr key={text(r['from'])}>
                <th scope="row">{text(r['from'])}</th>
                {toCols.map((c) => {
                  const p = num(r[c.name]);
                  // a class never seen at t has no transitions to estimate: a gap, not a row of zeros
                  if (p === null || n === 0) {
                    return (
                      <td key={c.name} className="num">
                        <NoData />
                      </td>
                    );
                  }
                  return (
                    <td key={c.name} className={c.name === `to_${text(r['from'])}` ? 'num heat diag' : 'num heat'} style={heat(p)}>
                      {formatPercent(p, lang)}
                    </td>
                  );
                })}
                <td className="num">{n === null ? <NoData /> : formatInteger(n, lang)}</td>
                <td className="num strong">{steady === null ? <NoData /> : formatPercent(steady, lang)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
