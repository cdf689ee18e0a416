import { describe, expect, it } from 'vitest';
import { escapeMarkdown, renderRegressionMarkdown } from '../../src/report/regressionMarkdown.js';
import { buildRegressionTable } from '../../src/report/regressionTable.js';
import { expectGolden } from './golden.js';
import { TWO_MODELS } from './regressionFixture.js';

describe('renderRegressionMarkdown', () => {
  it('renders the two-model table as a GitHub pipe table, in English and Chinese (golden files)', () => {
    expectGolden('regression-two-models.en.md', renderRegressionMarkdown(buildRegressionTable(TWO_MODELS, 'en')));
    expectGolden('regression-two-models.zh.md', renderRegressionMarkdown(buildRegressionTable(TWO_MODELS, 'zh')));
  });

  it('lines the columns up by display width, counting Chinese characters as two', () => {
    const lines = renderRegressionMarkdown(buildRegressionTable(TWO_MODELS, 'zh')).split('\n').filter((l) => l.startsWith('|'));
    const width = (s: string): number => [...s].reduce((w, ch) => w + (/[\u3000-\u9fff\uff00-\uff60]/.test(ch) ? 2 : 1), 0);
    expect(new Set(lines.map(width)).size).toBe(1);
  });

  it('escapes stars and Markdown syntax so the text prints literally', () => {
    expect(escapeMarkdown('0.05*** a|b _x_ <br> [l](u) `c` \\')).toBe('0.05\\*\\*\\* a\\|b \\_x\\_ \\<br\\> \\[l\\](u) \\`c\\` \\\\');
    const md = renderRegressionMarkdown(buildRegressionTable(TWO_MODELS, 'en'));
    expect(md).toContain('| FTZ × post         | 0.0523\\*\\*\\* | 0.0410\\*   |');
  });
});
