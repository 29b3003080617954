// `porchlight verify-audit`: checks the audit log's hash chain (packages/db
// audit-chain.ts) in the configured database, embedded or on a libSQL server.
// It only reads, so it runs beside a serving server.
import { existsSync } from 'node:fs';
import {
  createDb,
  filePathOf,
  isEmbeddedUrl,
  verifyAuditLog,
  type VerifyResult,
} from '@porchlight/db';
import type { ServerConfig } from './config';

export class VerifyError extends Error {}

export async function verifyAudit(
  config: Pick<ServerConfig, 'databaseUrl' | 'encryptionKey' | 'databaseAuthToken'>,
  options: {
    onProgress?: (entries: number) => void;
    /** A head noted earlier ("ID:HASH"): the log must still hold that entry with that hash. */
    expectHead?: string;
  } = {},
): Promise<VerifyResult> {
  const expected = options.expectHead ? parseHead(options.expectHead) : null;
  if (isEmbeddedUrl(config.databaseUrl) && !existsSync(filePathOf(config.databaseUrl)))
    throw new VerifyError(`there is no database at ${filePathOf(config.databaseUrl)}.`);
  const handle = await createDb(config.databaseUrl, {
    ...(config.databaseAuthToken ? { authToken: config.databaseAuthToken } : {}),
    ...(config.encryptionKey ? { encryptionKey: config.encryptionKey } : {}),
  });
  try {
    const columns = await handle.client.execute("SELECT name FROM pragma_table_info('audit_log')");
    if (!columns.rows.some((r) => r.name === 'hash'))
      throw new VerifyError(
        'this database has no sealed audit log yet: start the server once so that it migrates.',
      );
    const result = await verifyAuditLog(
      handle.client,
      options.onProgress ? { onProgress: options.onProgress } : {},
    );
    if (expected) {
      const { rows } = await handle.client.execute({
        sql: 'SELECT hash FROM audit_log WHERE id = ?',
        args: [expected.id],
      });
      const found = rows[0]?.hash;
      if (found !== expected.hash) {
        result.ok = false;
        result.problems.unshift({
          id: expected.id,
          reason:
            found === undefined
              ? 'the head noted earlier is gone from the log'
              : 'the head noted earlier has another hash now: the log before it was rewritten',
        });
      }
    }
    return result;
  } finally {
    handle.close();
  }
}

function parseHead(value: string): { id: number; hash: string } {
  const match = /^(\d+):([0-9a-f]{64})$/.exec(value.trim());
  if (!match)
    throw new VerifyError(
      `"${value}" is not a head: give it as printed before, ID:HASH (e.g. 1234:9f86d0…, 64 hex digits).`,
    );
  return { id: Number(match[1]), hash: match[2] ?? '' };
}

/** What the command prints. */
export function describeVerification(result: VerifyResult): string {
  const lines: string[] = [];
  const count = (n: number) => n.toLocaleString('en-US');
  if (result.ok)
    lines.push(
      `Audit log intact: ${count(result.sealed)} sealed entries` +
        (result.unsealed > 0 ? `, ${count(result.unsealed)} newest not sealed yet` : '') +
        '.',
    );
  else {
    lines.push(`Audit log BROKEN: ${count(result.entries)} entries checked.`);
    for (const p of result.problems) lines.push(`  entry ${p.id}: ${p.reason}`);
  }
  if (result.head)
    lines.push(
      `Head: ${result.head.id}:${result.head.hash}`,
      'Keep the head somewhere else (with your backups, say): `porchlight verify-audit ID:HASH`',
      'later checks that the log still holds it, so that the newest entries cannot be cut off unseen.',
    );
  return lines.join('\n');
}
