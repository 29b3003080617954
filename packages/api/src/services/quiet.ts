/**
 * Whether the server is answering someone. Work nobody waits for (counting
 * attention lists behind the portfolio overview) waits for a quiet moment so
 * it never holds up a request on the database thread, but never longer than
 * a minute, so a server that is never idle still gets it done.
 */
let inFlight = 0;
let lastActive = 0;

/** A quiet moment: nothing in flight for this long. */
const QUIET_MS = 100;
/** Background work waits at most this long for a quiet moment. */
export const QUIET_WAIT_MAX_MS = 60_000;

/** The HTTP server calls this around every request. */
export async function whileAnswering<T>(work: () => Promise<T>): Promise<T> {
  inFlight += 1;
  try {
    return await work();
  } finally {
    inFlight -= 1;
    lastActive = performance.now();
  }
}

const pause = (ms: number) =>
  new Promise<void>((resolve) => {
    setTimeout(resolve, ms).unref();
  });

/**
 * Resolves once the server has been quiet a moment since `since` (a server that has
 * just started waits that moment for its first request too), or `QUIET_WAIT_MAX_MS`
 * after `since`.
 */
export async function untilQuiet(since: number) {
  for (;;) {
    const now = performance.now();
    if (inFlight === 0 && now - Math.max(lastActive, since) >= QUIET_MS) return;
    if (now - since >= QUIET_WAIT_MAX_MS) return;
    await pause(QUIET_MS);
  }
}
