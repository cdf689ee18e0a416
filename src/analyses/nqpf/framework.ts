import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FtzError } from '../../core/errors.js';
import { packageRoot } from '../../core/paths.js';
import { zodIssues } from '../../core/zodIssues.js';
import { frameworkLeaves, frameworkSchema, isLeaf, type Framework, type FrameworkLeaf, type FrameworkNode } from './frameworkSchema.js';

export function frameworksDir(): string {
  return fileURLToPath(new URL('data/frameworks/', packageRoot()));
}

/** Validates a framework: the schema, then unique codes and weights that can be normalised. */
export function parseFramework(input: unknown, name: string): Framework {
  const parsed = frameworkSchema.safeParse(input);
  if (!parsed.success) throw new FtzError('index.framework_invalid', { framework: name, issues: zodIssues(parsed.error) });
  const f = parsed.data;
  const seen = new Set<string>();
  const problems: string[] = [];
  const walk = (nodes: (FrameworkNode | FrameworkLeaf)[]): void => {
    const weighted = nodes.filter((n) => n.weight !== undefined);
    if (weighted.length > 0 && weighted.length < nodes.length) {
      problems.push(`either all or none of ${nodes.map((n) => n.code).join(', ')} need a weight`);
    }
    if (weighted.length === nodes.length && nodes.every((n) => n.weight === 0)) {
      problems.push(`the weights of ${nodes.map((n) => n.code).join(', ')} are all zero`);
    }
    for (const n of nodes) {
      if (seen.has(n.code)) problems.push(`code "${n.code}" is used twice`);
      seen.add(n.code);
      if (!isLeaf(n)) walk(n.children);
    }
  };
  walk(f.tree);
  if (frameworkLeaves(f).length < 2) problems.push('a framework needs at least two indicators');
  if (problems.length > 0) throw new FtzError('index.framework_invalid', { framework: name, issues: problems.join('; ') });
  return f;
}

/** The frameworks shipped in `data/frameworks/`, by id. */
export function shippedFrameworks(): Framework[] {
  const dir = frameworksDir();
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => parseFramework(JSON.parse(readFileSync(join(dir, file), 'utf8')), file));
}

/** A shipped framework by id, or a framework file by path. */
export function loadFramework(ref: string): Framework {
  const shipped = shippedFrameworks().find((f) => f.id === ref);
  if (shipped) return shipped;
  let text: string;
  try {
    text = readFileSync(ref, 'utf8');
  } catch {
    throw new FtzError('index.framework_invalid', {
      framework: ref,
      issues: `no shipped framework has this id (${shippedFrameworks().map((f) => f.id).join(', ')}) and no such file exists`,
    });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new FtzError('index.framework_invalid', { framework: ref, issues: `not JSON: ${e instanceof Error ? e.message : String(e)}` });
  }
  return parseFramework(json, ref);
}
