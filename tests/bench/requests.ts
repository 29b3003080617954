// The requests both `pnpm bench` and `pnpm bench:scaling` send, and the check that every
// acknowledged write was kept.
import { createClient } from '@libsql/client';
import type { LoadRequest } from './load';

/** How many of these check-ins the database at `url` holds (a file, or a libSQL server). */
export async function keptWrites(url: string, ids: readonly string[]): Promise<number> {
  const client = createClient({ url });
  try {
    let kept = 0;
    for (let i = 0; i < ids.length; i += 500) {
      const chunk = ids.slice(i, i + 500);
      const rs = await client.execute({
        sql: `select count(*) from check_ins where id in (${chunk.map(() => '?').join(',')})`,
        args: [...chunk],
      });
      kept += Number(rs.rows[0]?.[0] ?? 0);
    }
    return kept;
  } finally {
    client.close();
  }
}

export const get = (path: string, cookie?: string): LoadRequest => ({
  method: 'GET',
  path,
  headers: cookie ? { cookie } : {},
});
export const query = (procedure: string, input?: unknown) =>
  `/trpc/${procedure}${input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`}`;

/** A daily check-in as a resident sends it; every other one logs a meeting. */
export function checkInBody(i: number) {
  return {
    mood: 1 + (i % 5),
    craving: i % 11,
    halt: i % 3 === 0 ? ['tired'] : [],
    sleepHours: 6 + (i % 5) * 0.5,
    ...(i % 2 === 0 ? { meetings: [{ type: 'aa', name: 'Morning group' }] } : {}),
  };
}
