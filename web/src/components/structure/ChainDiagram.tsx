/**
 * The chain around one sector as a sankey: its largest suppliers on the left, the sector, its largest customers
 * on the right; a band's width is the coefficient, a node's colour says who covers the link (the zone itself,
 * another zone of its macro-region, or nobody nearby).
 */
import { useMemo } from 'react';
import type { IndustryChainOutput } from '../../../../src/analyses/structure/industryChain.js';
import { CHART_FONT, type ChartOption } from '../../chartOption.js';
import { formatFixed } from '../../format.js';
import { escapeHtml } from '../../html.js';
import { useLang } from '../../lang.js';
import { COVERAGE_COLOURS, labelText } from './labels.js';
import { StructureChart } from './StructureChart.js';

type Row = IndustryChainOutput['suppliers'][number];

/** Room for the sector names on either side of the diagram, px. */
const LABEL_WIDTH = 190;

export function coverageKey(coverage: Row['coverage']): 'in_zone' | 'nearby' | 'missing' | 'none' {
  return coverage ?? 'none';
}

export function ChainDiagram({ result }: { readonly result: IndustryChainOutput }) {
  const { lang, t } = useLang();
  const suppliers = useMemo(() => result.suppliers.filter((r) => r.weight > 0), [result]);
  const customers = useMemo(() => result.customers.filter((r) => r.weight > 0), [result]);
  const option = useMemo<ChartOption>(() => {
    const label = new Map<string, string>();
    const detail = new Map<string, string>();
    const focus = `f:${result.sector.code}`;
    label.set(focus, labelText(result.sector.name, lang));
    detail.set(focus, t('structure.chainFocus'));
    // suppliers are labelled on their left, customers on their right, the sector above its node: no label
    // lies across the bands
    const node = (id: string, r: Row, depth: number) => {
      label.set(id, labelText(r.name, lang));
      detail.set(id, r.coverage === null ? '' : t(`structure.coverage.${r.coverage}`));
      return {
        name: id,
        depth,
        itemStyle: { color: COVERAGE_COLOURS[coverageKey(r.coverage)], borderColor: '#fff' },
        label: { position: depth === 0 ? 'left' : 'right', align: depth === 0 ? 'right' : 'left' },
      };
    };
    const nodes = [
      ...suppliers.map((r) => node(`s:${r.code}`, r, 0)),
      { name: focus, depth: 1, itemStyle: { color: COVERAGE_COLOURS.focus }, label: { position: 'top', fontWeight: 700, fontSize: 13, width: 320 } },
      ...customers.map((r) => node(`c:${r.code}`, r, 2)),
    ];
    const links = [
      ...suppliers.map((r) => ({ source: `s:${r.code}`, target: focus, value: r.weight, kind: 'supplier' })),
      ...customers.map((r) => ({ source: focus, target: `c:${r.code}`, value: r.weight, kind: 'customer' })),
    ];
    return {
      textStyle: { fontFamily: CHART_FONT },
      tooltip: {
        trigger: 'item',
        confine: true,
        formatter: (p: unknown) => {
          const d = p as { dataType?: string; name?: string; data?: { source?: string; target?: string; value?: number; kind?: string } };
          if (d.dataType === 'edge' && d.data?.source && d.data.target) {
            const coefficient = d.data.kind === 'supplier' ? t('structure.inputCoefficient') : t('structure.allocationCoefficient');
            return (
              `<div style="font-weight:600">${escapeHtml(label.get(d.data.source) ?? '')} → ${escapeHtml(label.get(d.data.target) ?? '')}</div>` +
              `<div>${escapeHtml(coefficient)}: <b>${escapeHtml(formatFixed(d.data.value ?? 0, lang, 4))}</b></div>`
            );
          }
          const id = d.name ?? '';
          const extra = detail.get(id);
          return `<div style="font-weight:600">${escapeHtml(label.get(id) ?? id)}</div>${extra ? `<div style="color:#555">${escapeHtml(extra)}</div>` : ''}`;
        },
      },
      series: [
        {
          type: 'sankey',
          left: LABEL_WIDTH + 12,
          right: LABEL_WIDTH + 12,
          top: 32,
          bottom: 12,
          nodeWidth: 14,
          nodeGap: 10,
          nodeAlign: 'justify',
          layoutIterations: 0,
          draggable: false,
          emphasis: { focus: 'adjacency' },
          lineStyle: { color: 'gradient', opacity: 0.45, curveness: 0.5 },
          label: {
            fontSize: 12,
            color: '#1f2328',
            width: LABEL_WIDTH,
            overflow: 'break',
            formatter: (p: { name: string }) => label.get(p.name) ?? p.name,
          },
          data: nodes,
          links,
        },
      ],
    } as unknown as ChartOption;
  }, [result, suppliers, customers, lang, t]);
  return (
    <div data-testid="chain-diagram-wrap" data-suppliers={suppliers.length} data-customers={customers.length}>
      <StructureChart option={option} height={Math.max(360, Math.max(suppliers.length, customers.length) * 44 + 40)} ariaLabel={t('structure.chainAria', { sector: labelText(result.sector.name, lang) })} testId="chain-diagram" />
      <ul className="structure-legend" data-testid="chain-legend">
        {(result.spec.zone ? (['in_zone', 'nearby', 'missing'] as const) : (['none'] as const)).map((k) => (
          <li key={k}>
            <span className="swatch-dot" style={{ background: COVERAGE_COLOURS[k] }} aria-hidden="true" /> {t(`structure.coverage.${k}`)}
          </li>
        ))}
      </ul>
    </div>
  );
}
