import { SingleBar } from 'cli-progress';
import type { CliContext } from './context.js';

/**
 * Progress of a long run on stderr: a bar on a terminal, a line per 10 % otherwise (logs stay readable), and
 * nothing on stdout, which belongs to the result.
 */
export function progressReporter(ctx: CliContext): (done: number, total: number, stage: string) => void {
  const tty = process.stderr.isTTY === true;
  let bar: SingleBar | null = null;
  let lastStage = '';
  let lastDecile = -1;
  return (done, total, stage) => {
    if (stage === 'done') {
      bar?.stop();
      bar = null;
      return;
    }
    if (stage !== lastStage) {
      bar?.stop();
      bar = null;
      lastStage = stage;
      lastDecile = -1;
      if (tty && total > 1) {
        bar = new SingleBar({ stream: process.stderr, format: `${stage} [{bar}] {value}/{total}`, hideCursor: true });
        bar.start(total, done);
        return;
      }
      ctx.log(`… ${stage}`);
    }
    if (bar) bar.update(done);
    else if (total > 1) {
      const decile = Math.floor((done / total) * 10);
      if (decile > lastDecile) {
        lastDecile = decile;
        ctx.log(`… ${stage} ${done}/${total}`);
      }
    }
  };
}
