/** What a framework rests on: its reference, how ftzlab adapted it, and the published indicators it lacks. */
import { labelOf } from './result.js';
import type { Framework } from './framework.js';
import { leavesOf } from './framework.js';
import { useLang } from '../../lang.js';

export function FrameworkInfo({ framework }: { readonly framework: Framework }) {
  const { lang, t } = useLang();
  const leaves = leavesOf(framework).size;
  const missing = framework.missing_published;
  const url = framework.reference.url;
  return (
    <div className="framework-info" data-testid="framework-info">
      <p className="framework-desc">
        {labelOf(framework.description, lang)}{' '}
        <span className="chip">{t('index.frameworkSize', { dims: framework.tree.length, n: leaves })}</span>
      </p>
      <details className="framework-more" data-testid="framework-more">
        <summary>{t('index.frameworkInfo')}</summary>
        <dl className="framework-facts">
          <div>
            <dt>{t('index.reference')}</dt>
            <dd className="citation">
              {framework.reference.citation}
              {url && /^https?:\/\//.test(url) && (
                <>
                  {' '}
                  <a className="break" href={url} target="_blank" rel="noopener noreferrer">
                    {url}
                  </a>
                </>
              )}
            </dd>
          </div>
          <div>
            <dt>{t('index.adaptation')}</dt>
            <dd>{labelOf(framework.reference.adaptation, lang)}</dd>
          </div>
          {framework.scope && (
            <div>
              <dt>{t('index.coverage')}</dt>
              <dd>{labelOf(framework.scope.note, lang)}</dd>
            </div>
          )}
          <div>
            <dt>{t('index.missingPublished', { n: missing.length })}</dt>
            <dd>
              <ul className="missing-list">
                {missing.map((m) => (
                  <li key={m.name_en}>
                    <strong>{lang === 'zh' ? m.name_zh : m.name_en}</strong>
                    <span className="muted"> — {labelOf(m.reason, lang)}</span>
                  </li>
                ))}
              </ul>
            </dd>
          </div>
        </dl>
      </details>
    </div>
  );
}
