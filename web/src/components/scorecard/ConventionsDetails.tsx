/**
 * The settings a scorecard was computed with, folded away until asked for, with the warnings it raised (shown
 * above the results as well when there are any).
 */
import { useLang } from '../../lang.js';
import { ConventionsTable } from '../ConventionsTable.js';
import { WarningList } from '../index/WarningList.js';
import { tableRows, text, type Result } from './scorecard.js';

export function ScorecardWarnings({ result }: { readonly result: Result }) {
  const { t } = useLang();
  return <WarningList warnings={result.warnings} testId="sc-warnings" empty={t('scorecard.noWarnings')} />;
}

export function ConventionsDetails({ result }: { readonly result: Result }) {
  const { t } = useLang();
  const rows = tableRows(result, 'conventions');
  if (rows.length === 0) return null;
  return (
    <details className="panel sc-conventions" data-testid="sc-conventions">
      <summary className="panel-title">{t('scorecard.conventions')}</summary>
      <ScorecardWarnings result={result} />
      <ConventionsTable
        prefix="scorecard.opt"
        headers={['scorecard.col.option', 'scorecard.col.setting', 'scorecard.col.note']}
        rows={rows.map((r) => ({ option: text(r['option']), value: text(r['value']), note_zh: text(r['note_zh']), note_en: text(r['note_en']) }))}
      />
    </details>
  );
}
