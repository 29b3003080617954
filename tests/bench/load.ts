// The load generator of `pnpm bench`, in its own process so that sending the
// load never takes CPU from the server's event loop inside the same process:
// run.ts forks it, sends one LoadJob, and gets one LoadResult back. Every
// request is taken in turn from the job's list (the writes use each exactly
// once; the reads go round it), so each connection sends different people's
// requests.
import autocannon from 'autocannon';

export interface LoadRequest {
  method: 'GET' | 'POST';
  path: string;
  headers: Record<string, string>;
  body?: string;
}

export interface LoadJob {
  url: string;
  connections: number;
  /** seconds; ignored when `amount` is set */
  duration: number;
  /** send exactly this many requests, then stop */
  amount?: number;
  requests: LoadRequest[];
  /** read `result.data.checkInId` from each 2xx answer, to check afterwards that it was kept */
  collectIds?: boolean;
}

export interface LoadResult {
  rps: number;
  p50Ms: number;
  p99Ms: number;
  /** connection errors, timeouts and non-2xx answers */
  errors: number;
  non2xx: number;
  timeouts: number;
  ok: number;
  sent: number;
  /** sent, but still unanswered when the round ended (at most one per connection in a healthy round) */
  unanswered: number;
  durationS: number;
  statusCodes: Record<string, number>;
  ids: string[];
  /** the first few non-2xx answers, to say what went wrong */
  failures: string[];
}

export async function runLoad(job: LoadJob): Promise<LoadResult> {
  let next = 0;
  const ids: string[] = [];
  const failures: string[] = [];
  const request: autocannon.Request = {
    setupRequest: (defaults) => {
      const r = job.requests[next++ % job.requests.length];
      if (!r) return defaults;
      return {
        ...defaults,
        method: r.method,
        path: r.path,
        headers: r.headers,
        ...(r.body === undefined ? {} : { body: r.body }),
      };
    },
  };
  // reading the answers costs the load generator time: only the writes do
  if (job.collectIds)
    request.onResponse = (status, body) => {
      if (status >= 200 && status < 300) {
        const parsed = JSON.parse(body) as { result?: { data?: { checkInId?: string } } };
        const id = parsed.result?.data?.checkInId;
        if (id) ids.push(id);
      } else if (failures.length < 5) failures.push(`${status} ${body.slice(0, 300)}`);
    };
  const result = await autocannon({
    url: job.url,
    connections: job.connections,
    duration: job.duration,
    ...(job.amount ? { amount: job.amount } : {}),
    timeout: 30,
    requests: [request],
  });
  const statusCodes: Record<string, number> = {};
  for (const [code, stat] of Object.entries(result.statusCodeStats ?? {}))
    statusCodes[code] = Number((stat as { count: number | string }).count);
  const ok = Object.entries(statusCodes)
    .filter(([code]) => code.startsWith('2'))
    .reduce((n, [, count]) => n + count, 0);
  const answered = Object.values(statusCodes).reduce((n, count) => n + count, 0);
  // nothing answered within the round: every request took longer than the round, at least
  const floorMs = answered === 0 ? Math.round(result.duration * 1000) : 0;
  return {
    // answered requests per second, counting only the successful ones
    rps: ok / result.duration,
    p50Ms: answered === 0 ? floorMs : result.latency.p50,
    p99Ms: answered === 0 ? floorMs : result.latency.p99,
    unanswered: result.requests.sent - answered - result.errors,
    errors: result.errors + result.non2xx,
    non2xx: result.non2xx,
    timeouts: result.timeouts,
    ok,
    sent: result.requests.sent,
    durationS: result.duration,
    statusCodes,
    ids,
    failures,
  };
}

// forked by run.ts: one job in, one result out
if (process.send) {
  process.once('message', (job: LoadJob) => {
    runLoad(job).then(
      (result) => process.send?.({ ok: true, result }, () => process.exit(0)),
      (error: unknown) =>
        process.send?.({ ok: false, error: String(error) }, () => process.exit(1)),
    );
  });
}
