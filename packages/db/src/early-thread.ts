// The embedded database's thread, started before the server has loaded. The
// thread loads the libSQL driver (about 100 ms) on the other core while the
// main thread loads and starts the server's own code (apps/server main.ts);
// the server's first connection takes it and opens the file on it (worker-client.ts).
// Nothing else is imported here, so that starting it comes first.
import { Worker } from 'node:worker_threads';

/**
 * What is used of the thread here. (The dashboard type-checks this file through the API's
 * types with the DOM's own Worker in scope, so the Node one is named by its use.)
 */
interface EarlyThread {
  on(event: 'error' | 'exit', listener: () => void): void;
  unref(): void;
  terminate(): Promise<number>;
}

interface Started {
  script: string;
  worker: EarlyThread;
  failed: boolean;
}

let early: Started | undefined;

/**
 * How the database thread is started. Its heap holds little but rows on their way to the
 * main thread, which die young: a small young generation is collected often and cheaply,
 * where V8's default lets it grow to tens of megabytes it then keeps (RSS idle on the
 * benchmark's database: 231 → 176–196 MB; largest under the overview's load: 306 → 244–258).
 */
export const DATABASE_THREAD_OPTIONS = { resourceLimits: { maxYoungGenerationSizeMb: 6 } };

/** Starts `script` (the built db-worker.js) with no file open yet. */
export function startDatabaseThreadEarly(script: URL | string): void {
  if (early) return;
  const started: Started = {
    script: String(script),
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion -- see EarlyThread
    worker: new Worker(script, DATABASE_THREAD_OPTIONS) as unknown as EarlyThread,
    failed: false,
  };
  // idle, it does not keep the process alive
  started.worker.unref();
  // a thread that failed to start is not handed on: the connection starts its own and reports why
  const failed = () => {
    started.failed = true;
  };
  started.worker.on('error', failed);
  started.worker.on('exit', failed);
  early = started;
}

/** The thread started for `script`, once; undefined when there is none (or it failed). */
export function takeEarlyThread(script: URL | string): EarlyThread | undefined {
  const started = early;
  early = undefined;
  if (!started) return undefined;
  if (started.failed || started.script !== String(script)) {
    void started.worker.terminate();
    return undefined;
  }
  return started.worker;
}

/** Stops a thread that was started early and will not be taken. */
export function dropEarlyThread(): void {
  void early?.worker.terminate();
  early = undefined;
}
