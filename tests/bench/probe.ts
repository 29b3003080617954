// Loaded into the product server by `pnpm bench` with `node --import` (run.ts
// turns it into plain JavaScript first), so no product code changes: it samples
// the event loop's delay and answers on its own loopback port, BENCH_PROBE_PORT.
// GET /reset starts a new measurement, GET / reads it. The histogram's values
// include the sampling interval, which is taken off: what is left is how late
// the loop was. Only the main thread's loop is measured (the database thread has
// no requests to hold up).
import { createServer } from 'node:http';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { isMainThread } from 'node:worker_threads';

export interface ProbeReading {
  samples: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  meanMs: number;
}

const RESOLUTION_MS = 5;
const port = Number(process.env.BENCH_PROBE_PORT);

// `--import` loads this into every thread, the database's too: the main thread's loop is measured
if (port > 0 && isMainThread) {
  const histogram = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
  histogram.enable();
  const ms = (ns: number) => Math.max(0, ns / 1e6 - RESOLUTION_MS);
  const probe = createServer((req, res) => {
    if (req.url === '/reset') histogram.reset();
    const reading: ProbeReading = {
      samples: histogram.count,
      p50Ms: ms(histogram.percentile(50)),
      p99Ms: ms(histogram.percentile(99)),
      maxMs: ms(histogram.max),
      meanMs: ms(histogram.mean),
    };
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(reading));
  });
  probe.listen(port, '127.0.0.1');
  // the probe never keeps the server alive when it shuts down
  probe.unref();
}
