import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { Worker } from 'node:worker_threads';

/**
 * SHA-256 of a file, streamed in 1 MB chunks on a worker thread (the estimation keeps the main thread busy,
 * and a second core is usually idle by then); the file is never held in memory whole. Should the worker fail
 * to start, the file is hashed here instead (streamed likewise).
 */
export function sha256File(path: string): Promise<string> {
  return sha256OnWorker(path).catch(() => sha256Streamed(path));
}

async function sha256Streamed(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

function sha256OnWorker(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    // Dynamic imports work whether the evaluated source runs as CommonJS or as a module. No flags are passed on:
    // under `node -e …` an inherited `-e` would make the worker evaluate that code too.
    const worker = new Worker(
      `(async () => {
         const { parentPort, workerData } = await import('node:worker_threads');
         const { createHash } = await import('node:crypto');
         const { createReadStream } = await import('node:fs');
         const hash = createHash('sha256');
         createReadStream(workerData, { highWaterMark: 1 << 20 })
           .on('data', (c) => hash.update(c))
           .on('error', (e) => parentPort.postMessage({ error: String(e && e.message) }))
           .on('end', () => parentPort.postMessage({ sha: hash.digest('hex') }));
       })();`,
      { eval: true, workerData: path, execArgv: [] },
    );
    worker.once('message', (m: { sha?: string; error?: string }) => {
      if (m.sha !== undefined) resolve(m.sha);
      else reject(new Error(m.error ?? 'hashing failed'));
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the hashing worker exited with code ${code}`)));
  });
}
