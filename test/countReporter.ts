import { mkdirSync, writeFileSync } from 'node:fs';
import type { Reporter, TestModule } from 'vitest/node';

/**
 * CI reads a plain `N passed, N failed` line, not vitest's summary. This reporter prints it last and writes
 * it to test/artifacts/counts.txt so `.ci/run` can repeat it after everything else.
 */
export default class CountReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    for (const m of modules) {
      if (m.state() === 'failed' && [...m.children.allTests()].length === 0) failed++;
      for (const t of m.children.allTests()) {
        const s = t.result().state;
        if (s === 'passed') passed++;
        else if (s === 'failed') failed++;
        else skipped++;
      }
    }
    const line = `${passed} passed, ${failed} failed` + (skipped ? `, ${skipped} skipped` : '');
    mkdirSync('test/artifacts', { recursive: true });
    writeFileSync('test/artifacts/counts.txt', line + '\n');
    process.stdout.write(`\n${line}\n`);
  }
}
