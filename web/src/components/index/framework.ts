/** The shipped frameworks as `api/index/frameworks` lists them, and what the page reads from their trees. */
import type { Framework, FrameworkLeaf, FrameworkNode } from '../../../../src/analyses/nqpf/frameworkSchema.js';

export type { Framework, FrameworkLeaf };

export interface FrameworksResponse {
  readonly frameworks: readonly Framework[];
}

function isLeaf(n: FrameworkNode | FrameworkLeaf): n is FrameworkLeaf {
  return 'formula' in n;
}

/** Every indicator of the framework, by code (the weights table names indicators by code). */
export function leavesOf(f: Framework): ReadonlyMap<string, FrameworkLeaf> {
  const out = new Map<string, FrameworkLeaf>();
  const walk = (nodes: readonly (FrameworkNode | FrameworkLeaf)[]): void => {
    for (const n of nodes) {
      if (isLeaf(n)) out.set(n.code, n);
      else walk(n.children);
    }
  };
  walk(f.tree);
  return out;
}

/** The framework most NQPF papers would start from, else the first one shipped. */
export function defaultFramework(frameworks: readonly Framework[]): string {
  return (frameworks.find((f) => f.id === 'nqpf-three-elements') ?? frameworks[0])?.id ?? '';
}
