import { describe, expect, it } from 'vitest';
import { FtzError } from '../../src/core/errors.js';
import { escapeLatex, renderRegressionLatex } from '../../src/report/regressionLatex.js';
import { buildRegressionTable } from '../../src/report/regressionTable.js';
import { expectGolden } from './golden.js';
import { TWO_MODELS } from './regressionFixture.js';

describe('renderRegressionLatex', () => {
  it('renders the two-model table as booktabs LaTeX, in English and Chinese (golden files)', () => {
    expectGolden('regression-two-models.en.tex', renderRegressionLatex(buildRegressionTable(TWO_MODELS, 'en'), { label: 'tab:baseline' }));
    expectGolden('regression-two-models.zh.tex', renderRegressionLatex(buildRegressionTable(TWO_MODELS, 'zh'), { label: 'tab:baseline' }));
  });

  it('has exactly the three booktabs rules, in order, and plain l/c columns (no siunitx)', () => {
    const tex = renderRegressionLatex(buildRegressionTable(TWO_MODELS, 'en'));
    const rules = tex.split('\n').filter((l) => /^\\(top|mid|bottom)rule/.test(l));
    expect(rules).toEqual(['\\toprule', '\\midrule', '\\bottomrule']);
    expect(tex).toContain('\\begin{tabular}{lcc}');
    expect(tex).not.toMatch(/siunitx|\\sisetup|S\[/);
    expect(tex).not.toContain('\\label');
  });

  it('sets stars with \\sym{…}, defined by \\providecommand, and minus signs in math', () => {
    const tex = renderRegressionLatex(buildRegressionTable(TWO_MODELS, 'en'));
    expect(tex).toContain('\\providecommand{\\sym}[1]{\\ensuremath{^{#1}}}');
    expect(tex).toContain('FTZ × post & 0.0523\\sym{***} & 0.0410\\sym{*} \\\\');
    expect(tex).toContain(' & (0.0187) & (0.0213) \\\\');
    expect(tex).toContain('$-$0.3141\\sym{*}');
  });

  it('adds the ctex comment for Chinese output only', () => {
    expect(renderRegressionLatex(buildRegressionTable(TWO_MODELS, 'zh'))).toMatch(/^% .*ctex/m);
    expect(renderRegressionLatex(buildRegressionTable(TWO_MODELS, 'en'))).not.toContain('ctex');
  });

  it('spans the shared dependent variable over the model columns and each note over the whole table', () => {
    const tex = renderRegressionLatex(buildRegressionTable(TWO_MODELS, 'en'), { notesWidth: '0.9\\linewidth' });
    expect(tex).toContain('Dependent variable & \\multicolumn{2}{c}{NQPF index} \\\\');
    expect(tex).toContain('\\multicolumn{3}{p{0.9\\linewidth}}{\\footnotesize Notes: clustered standard errors in parentheses; *, ** and *** denote significance at 10 \\%, 5 \\% and 1 \\%.} \\\\');
  });

  it('rejects a label, placement or notes width that would break the LaTeX', () => {
    const t = buildRegressionTable(TWO_MODELS, 'en');
    expect(() => renderRegressionLatex(t, { label: 'tab:a}b' })).toThrow(FtzError);
    expect(() => renderRegressionLatex(t, { placement: 'x]' })).toThrow(FtzError);
    expect(() => renderRegressionLatex(t, { notesWidth: '12cm}' })).toThrow(FtzError);
  });
});

describe('escapeLatex', () => {
  it('escapes the ten special characters so labels print literally', () => {
    expect(escapeLatex('R&D_share 50% $5 #1 {a} ~x ^y \\z')).toBe(
      'R\\&D\\_share 50\\% \\$5 \\#1 \\{a\\} \\textasciitilde{}x \\textasciicircum{}y \\textbackslash{}z',
    );
  });

  it('spells <, >, |, superscript digits and the Unicode minus as commands, and joins lines', () => {
    expect(escapeLatex('a<b>c|d R² m³ −1')).toBe('a\\textless{}b\\textgreater{}c\\textbar{}d R\\textsuperscript{2} m\\textsuperscript{3} \\ensuremath{-}1');
    expect(escapeLatex('two\nlines')).toBe('two lines');
  });

  it('escapes labels, titles and notes in the rendered table', () => {
    const tex = renderRegressionLatex(buildRegressionTable({ ...TWO_MODELS, title: { zh: '表', en: '50% of R&D_x' }, notes: [{ zh: '', en: 'cost in $ #' }] }, 'en'));
    expect(tex).toContain('\\caption{50\\% of R\\&D\\_x}');
    expect(tex).toContain('R\\&D intensity (\\%) & $-$0.3141\\sym{*}');
    expect(tex).toContain('{\\footnotesize cost in \\$ \\#}');
  });
});
