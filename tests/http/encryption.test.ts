// Encryption at rest (issue 10): with DATABASE_ENCRYPTION_KEY the server keeps
// the embedded file encrypted (libSQL's encryption); without the key the file,
// its write-ahead log and its backups cannot be read, and a server given no key
// or the wrong one refuses to start and says why.
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createClient } from '@libsql/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '@porchlight/db/seed';
import { TMP_DIR } from '../support/paths';
import { Browserless, freePort, runPorchlight, spawnServer } from '../support/server';

const KEY = 'a-long-key-for-the-encryption-test-only';
const dir = join(TMP_DIR, `encryption-${randomUUID()}`);
const dbPath = join(dir, 'porchlight.db');
const plainPath = join(dir, 'plain.db');
const backupPath = join(dir, 'backup.db');
/** A name the demo data holds: in a plain file its bytes are there to read. */
const manager = DEMO_ACCOUNTS.find((a) => a.role === 'manager');

/** The bytes of a database file and its write-ahead log, as text. */
function rawText(path: string): string {
  return ['', '-wal']
    .filter((suffix) => existsSync(path + suffix))
    .map((suffix) => readFileSync(path + suffix).toString('latin1'))
    .join('');
}

async function readWith(path: string, encryptionKey?: string) {
  const client = createClient({ url: `file:${path}`, ...(encryptionKey ? { encryptionKey } : {}) });
  try {
    const rows = await client.execute('SELECT count(*) FROM users');
    return Number(rows.rows[0]?.[0]);
  } finally {
    client.close();
  }
}

beforeAll(async () => {
  mkdirSync(dir, { recursive: true });
  // the same demo, once encrypted and once plain, each signed into once
  for (const [path, env] of [
    [dbPath, { DATABASE_ENCRYPTION_KEY: KEY }],
    [plainPath, {}],
  ] as const) {
    const server = await spawnServer({ ...env }, { dbPath: path });
    const client = new Browserless(server.url);
    expect((await client.signIn('manager@example.org', DEMO_PASSWORD)).status).toBe(200);
    await server.stop();
  }
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('encryption at rest', () => {
  it('keeps the file unreadable without the key: no SQLite header, no names in the bytes', async () => {
    expect(manager).toBeDefined();
    const plain = rawText(plainPath);
    expect(plain.startsWith('SQLite format 3\0')).toBe(true);
    expect(plain).toContain(manager?.email);
    const encrypted = rawText(dbPath);
    expect(encrypted.startsWith('SQLite format 3')).toBe(false);
    expect(encrypted).not.toContain(manager?.email);
    expect(encrypted).not.toContain('Porchlight');

    await expect(readWith(dbPath)).rejects.toThrow(/not a database|encrypted/i);
    await expect(readWith(dbPath, 'the-wrong-key-entirely-0123')).rejects.toThrow(
      /not a database|encrypted/i,
    );
    expect(await readWith(dbPath, KEY)).toBeGreaterThan(0);
  });

  it('a server without the key, or with the wrong one, refuses to start and says why', async () => {
    for (const [env, why] of [
      [{}, 'is not set'],
      [{ DATABASE_ENCRYPTION_KEY: 'the-wrong-key-entirely-0123' }, 'is set, to a different key'],
    ] as const) {
      const started = await runPorchlight([], {
        DATABASE_URL: `file:${dbPath}`,
        PORCHLIGHT_SECRET: 'x'.repeat(40),
        PORT: String(await freePort()),
        ...env,
      });
      expect(started.code).toBe(1);
      expect(started.stderr).toContain(
        `Porchlight could not start: ${dbPath} is not a database this server can read: it may be encrypted with another key (DATABASE_ENCRYPTION_KEY ${why}), or it is not a Porchlight database.`,
      );
    }
  });

  it('backs up to an encrypted file that restores with the same key', async () => {
    const backup = await runPorchlight(['backup', backupPath], {
      DATABASE_URL: `file:${dbPath}`,
      DATABASE_ENCRYPTION_KEY: KEY,
    });
    expect(backup.stderr).toBe('');
    expect(backup.code).toBe(0);
    expect(rawText(backupPath)).not.toContain(manager?.email);
    await expect(readWith(backupPath)).rejects.toThrow(/not a database|encrypted/i);
    expect(await readWith(backupPath, KEY)).toBe(await readWith(dbPath, KEY));
    const restoredPath = join(dir, 'restored.db');
    const restored = await runPorchlight(['restore', backupPath], {
      DATABASE_URL: `file:${restoredPath}`,
      DATABASE_ENCRYPTION_KEY: KEY,
    });
    expect(restored.stderr).toBe('');
    expect(restored.code).toBe(0);
    expect(await readWith(restoredPath, KEY)).toBe(await readWith(dbPath, KEY));
  });
});
