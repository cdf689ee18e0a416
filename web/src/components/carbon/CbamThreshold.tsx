/** The mass threshold: each declarant's tonnes in a year and whether the lines are exempt, with the rule used. */
import type { CbamExposureOutput } from '../../../../src/analyses/carbon/cbamExposure.js';
import { useLang } from '../../lang.js';
import { exact } from './cbamFormat.js';
import { productGroupLabel } from './labels.js';

export function CbamThreshold({ result }: { readonly result: CbamExposureOutput }) {
  const { lang, t } = useLang();
  const rule = result.law.used.find((r) => r.rule === 'de_minimis_tonnes');
  const excluded = result.law.used.filter((r) => r.rule === 'de_minimis_excluded' && r.value === 1).map((r) => productGroupLabel(r.key, t));
  return (
    <div data-testid="cbam-threshold">
      <p className="muted small result-lead">
        {rule ? t('cbam.thresholdValue', { n: exact(rule.value, lang), excluded: excluded.join(lang === 'zh' ? '、' : ', ') || '—', citation: rule.citation }) : t('cbam.thresholdUnused')}
      </p>
      <div className="table-scroll table-compact">
        <table className="table">
          <thead>
            <tr>
              <th>{t('cbam.col.declarant')}</th>
              <th>{t('cbam.col.year')}</th>
              <th className="num">{t('cbam.col.tonnes')}</th>
              <th>{t('cbam.col.exempt')}</th>
            </tr>
          </thead>
          <tbody>
            {result.threshold.map((r) => (
              <tr key={`${r.declarant}|${r.year}`}>
                <td>{r.declarant || <span className="muted">{t('cbam.noDeclarant')}</span>}</td>
                <td>{r.year}</td>
                <td className="num">{exact(r.tonnes, lang)}</td>
                <td>{r.exempt ? t('cbam.yes') : t('cbam.no')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
