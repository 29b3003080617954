// The audit log as a hash chain. Every entry, once sealed, carries the SHA-256
// of its own columns together with the hash of the entry before it, so changing,
// removing or reordering any sealed entry breaks every hash after it, and
// `porchlight verify-audit` says where.
//
// Entries are written inside the transaction of the change they record (never a
// change without its entry); sealing comes a moment later, in id order, from the
// server's sealer. Sealing is deterministic: two sealers (two servers on one
// database) that race compute the same hash for the same entry, and a trigger
// lets an entry's hash be set once, from empty, with nothing else changed.
//
// A chain alone cannot tell that the newest entries were cut off the end: the
// verifier also compares the last id with the table's autoincrement counter,
// and prints the head (last id and hash) for the operator to keep elsewhere.
import { createHash } from 'node:crypto';
import type { Client, Row } from '@libsql/client';

const COLUMNS = [
  'id',
  'at',
  'organisation_id',
  'actor_user_id',
  'action',
  'record_type',
  'record_id',
  'request_id',
  'ip',
  'details',
] as const;
/** The hash column as text ('' when the entry is not sealed). */
const hashOf = (row: Row) => (typeof row.hash === 'string' ? row.hash : '');
const SELECT = `SELECT ${COLUMNS.join(', ')}, hash FROM audit_log`;

/** The last sealed entry (the head) and the unsealed ones after it, read in one snapshot. */
export const SEAL_SQL = `WITH first AS (SELECT min(id) AS id FROM audit_log WHERE hash IS NULL)
  ${SELECT} WHERE id >= coalesce(
    (SELECT id FROM audit_log WHERE id < (SELECT id FROM first) ORDER BY id DESC LIMIT 1),
    (SELECT id FROM first))
  ORDER BY id LIMIT ?`;

/** The one update the audit log allows: a new entry's hash, set once, from empty. */
export const SEAL_UPDATE_SQL = 'UPDATE audit_log SET hash = ? WHERE id = ? AND hash IS NULL';

/** The hash an entry seals to, from its columns as stored and the hash before it ('' for the first). */
export function auditEntryHash(previous: string, row: Row): string {
  const values = COLUMNS.map((column) => {
    const value = row[column];
    return typeof value === 'bigint' ? Number(value) : (value ?? null);
  });
  return createHash('sha256')
    .update(`${previous}\n${JSON.stringify(values)}`)
    .digest('hex');
}

export interface SealResult {
  sealed: number;
}

/**
 * Seals the entries that have no hash yet, oldest first, `batch` at a time, until
 * none is left. The head and the entries after it are read in one statement, so
 * a concurrent sealer can never make this one chain from a stale head.
 */
export async function sealAuditLog(
  client: Client,
  options: { batch?: number; maxBatches?: number } = {},
): Promise<SealResult> {
  const batch = options.batch ?? 500;
  let sealed = 0;
  for (let round = 0; round < (options.maxBatches ?? Infinity); round++) {
    const { rows } = await client.execute({ sql: SEAL_SQL, args: [batch + 1] });
    const [head] = rows;
    if (!head) break;
    let previous = hashOf(head);
    const updates: Array<{ sql: string; args: [string, number] }> = [];
    for (const row of head.hash === null ? rows : rows.slice(1)) {
      // a sealed entry after the unsealed ones cannot happen; a sealer that meets one stops
      if (row.hash !== null) break;
      previous = auditEntryHash(previous, row);
      updates.push({
        sql: SEAL_UPDATE_SQL,
        args: [previous, Number(row.id)],
      });
    }
    if (updates.length === 0) break;
    const results = await client.batch(updates, 'write');
    // another sealer may have got to some first (with the same hashes): count only this one's
    sealed += results.reduce((n, r) => n + r.rowsAffected, 0);
    if (updates.length < batch) break;
    // let requests through between batches when there is a long backlog
    await new Promise((resolve) => setImmediate(resolve));
  }
  return { sealed };
}

export interface AuditProblem {
  /** The entry where the chain first breaks (for a cut-off end: the last id written). */
  id: number;
  reason: string;
}

export interface VerifyResult {
  ok: boolean;
  entries: number;
  sealed: number;
  /** Entries not sealed yet: the newest few while a server runs. */
  unsealed: number;
  /** The last sealed entry: note it elsewhere to catch the end of the log being cut off later. */
  head: { id: number; hash: string } | null;
  problems: AuditProblem[];
}

/**
 * Reads the whole log in id order and checks every sealed entry's hash against
 * its columns and the entry before it. Reports at most `maxProblems` problems.
 */
export async function verifyAuditLog(
  client: Client,
  options: { page?: number; maxProblems?: number; onProgress?: (entries: number) => void } = {},
): Promise<VerifyResult> {
  const page = options.page ?? 5_000;
  const maxProblems = options.maxProblems ?? 20;
  const result: VerifyResult = {
    ok: true,
    entries: 0,
    sealed: 0,
    unsealed: 0,
    head: null,
    problems: [],
  };
  const problem = (id: number, reason: string) => {
    result.ok = false;
    if (result.problems.length < maxProblems) result.problems.push({ id, reason });
  };
  let previous = '';
  let lastId = 0;
  let firstUnsealed: number | null = null;
  for (;;) {
    const { rows } = await client.execute({
      sql: `${SELECT} WHERE id > ? ORDER BY id LIMIT ?`,
      args: [lastId, page],
    });
    for (const row of rows) {
      const id = Number(row.id);
      result.entries++;
      const expected = auditEntryHash(previous, row);
      if (row.hash === null) {
        result.unsealed++;
        firstUnsealed ??= id;
      } else {
        result.sealed++;
        if (firstUnsealed !== null)
          problem(id, `sealed after entry ${firstUnsealed}, which is not: the order was changed`);
        else if (row.hash !== expected)
          problem(
            id,
            id !== lastId + 1 && lastId > 0
              ? `entries ${lastId + 1}–${id - 1} are missing before it`
              : 'its hash does not match: the entry, or the one before it, was changed',
          );
        result.head = { id, hash: hashOf(row) };
      }
      // go on from the hash as stored, so that one changed entry is reported once
      previous = row.hash === null ? expected : hashOf(row);
      lastId = id;
    }
    options.onProgress?.(result.entries);
    if (rows.length < page) break;
  }
  const { rows } = await client.execute("SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'");
  const written = Number(rows[0]?.seq ?? 0);
  if (written > lastId)
    problem(
      written,
      `the log ends at entry ${lastId} but entries were written up to ${written}: the newest were removed`,
    );
  return result;
}

export interface AuditSealer {
  /** Seals what is waiting now (the server's shutdown calls it last). */
  sealNow(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Seals new entries every `intervalMs` (1 s by default) in the background: the
 * writes themselves never wait for it. The timer does not keep the process alive.
 */
export function startAuditSealer(
  client: Client,
  options: { intervalMs?: number; onError?: (error: unknown) => void } = {},
): AuditSealer {
  const intervalMs = options.intervalMs ?? 1_000;
  let running: Promise<void> = Promise.resolve();
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const run = () => {
    running = running
      .then(() => sealAuditLog(client))
      .then(
        () => undefined,
        (error: unknown) => {
          if (!stopped) options.onError?.(error);
        },
      );
    return running;
  };
  const tick = () => {
    void run().then(() => {
      if (!stopped) timer = setTimeout(tick, intervalMs).unref();
    });
  };
  tick();
  return {
    sealNow: run,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
