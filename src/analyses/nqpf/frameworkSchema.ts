import { z } from 'zod';

/**
 * An indicator framework as data: a tree dimension → sub-dimension → indicator. Leaves say how each
 * indicator is computed from stored series (a series as it is, or a ratio of two), its direction, and
 * optionally a fixed weight. Frameworks ship as JSON in `data/frameworks/`; users write their own.
 */

const label = z.object({ zh: z.string().min(1), en: z.string().min(1) });

const seriesCode = z.string().min(1).max(200);

export const formulaSchema = z.discriminatedUnion('op', [
  z.object({ op: z.literal('value'), of: seriesCode }),
  z.object({
    op: z.literal('ratio'),
    num: seriesCode,
    den: seriesCode,
    /** multiply the ratio, e.g. 100 for a percentage or 10000 for "per 10,000 people" given 万人 */
    scale: z.number().positive().default(1),
  }),
]);

export type Formula = z.infer<typeof formulaSchema>;

export const leafSchema = z.object({
  code: z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/),
  name: label,
  unit: label,
  direction: z.enum(['+', '-']),
  weight: z.number().nonnegative().optional(),
  formula: formulaSchema,
  note: z.string().optional(),
});

export type FrameworkLeaf = z.infer<typeof leafSchema>;

export interface FrameworkNode {
  code: string;
  name: { zh: string; en: string };
  weight?: number | undefined;
  children: (FrameworkNode | FrameworkLeaf)[];
}

export const nodeSchema: z.ZodType<FrameworkNode> = z.lazy(() =>
  z.object({
    code: z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/),
    name: label,
    weight: z.number().nonnegative().optional(),
    children: z.array(z.union([leafSchema, nodeSchema])).min(1),
  }),
);

export const frameworkSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]{1,64}$/),
  version: z.number().int().positive(),
  name: label,
  description: label,
  reference: z.object({
    citation: z.string().min(1),
    url: z.string().optional(),
    adaptation: label,
  }),
  /**
   * The regions and years the framework's data can cover, used when a spec does not say: e.g. CEADs has no
   * Tibet and ends in 2019. Printed with every run.
   */
  scope: z
    .object({
      exclude_regions: z.array(z.string().regex(/^\d{6}$/)).default([]),
      from: z.number().int().optional(),
      to: z.number().int().optional(),
      note: label,
    })
    .optional(),
  /** published indicators this framework could not include, and why: said plainly, never hidden */
  missing_published: z.array(z.object({ name_zh: z.string(), name_en: z.string(), reason: label })),
  tree: z.array(nodeSchema).min(1),
});

export type Framework = z.infer<typeof frameworkSchema>;

export function isLeaf(n: FrameworkNode | FrameworkLeaf): n is FrameworkLeaf {
  return 'formula' in n;
}

/** Every leaf with the path of node codes above it, in tree order. */
export function frameworkLeaves(f: Framework): { leaf: FrameworkLeaf; path: FrameworkNode[] }[] {
  const out: { leaf: FrameworkLeaf; path: FrameworkNode[] }[] = [];
  const walk = (nodes: (FrameworkNode | FrameworkLeaf)[], path: FrameworkNode[]): void => {
    for (const n of nodes) {
      if (isLeaf(n)) out.push({ leaf: n, path });
      else walk(n.children, [...path, n]);
    }
  };
  walk(f.tree, []);
  return out;
}

/** The stored series a framework reads. */
export function frameworkSeries(f: Framework): string[] {
  const codes = new Set<string>();
  for (const { leaf } of frameworkLeaves(f)) {
    if (leaf.formula.op === 'value') codes.add(leaf.formula.of);
    else {
      codes.add(leaf.formula.num);
      codes.add(leaf.formula.den);
    }
  }
  return [...codes];
}
