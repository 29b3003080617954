// Configuration from the environment, read once at start-up.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { dirname, isAbsolute, resolve } from 'node:path';
import { DEFAULT_SESSION_POLICY, type SessionPolicyConfig } from '@porchlight/domain';
import { filePathOf, isEmbeddedUrl } from '@porchlight/db';

export interface ServerConfig {
  port: number;
  host: string;
  databaseUrl: string;
  databaseAuthToken: string | undefined;
  /**
   * DATABASE_SYNC_URL: the embedded file is then a replica of this libSQL server (an embedded
   * replica): reads are local, writes go to the server, and this process reads its own writes.
   */
  databaseSyncUrl: string | undefined;
  /** DATABASE_SYNC_INTERVAL: seconds between pulls of what other servers wrote. */
  databaseSyncIntervalSeconds: number;
  /** Encrypts the embedded database file at rest (DATABASE_ENCRYPTION_KEY). */
  encryptionKey: string | undefined;
  publicUrl: string;
  trustedOrigins: string[];
  secret: string;
  seedDemo: boolean;
  signInAttemptsPerMinute: number;
  sessionPolicy: SessionPolicyConfig;
  synchronous: 'FULL' | 'NORMAL';
  /** Where the embedded database runs (DATABASE_THREAD): its own worker thread, or the main one. */
  databaseThread: 'worker' | 'main';
}

function int(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0)
    throw new Error(`${name} must be a positive whole number, not "${raw}".`);
  return n;
}

/** Where relative paths start: the directory the command was run from. */
function baseDir(env: NodeJS.ProcessEnv) {
  return env.INIT_CWD ?? process.cwd();
}

function databaseUrlFrom(env: NodeJS.ProcessEnv): string {
  const url = env.DATABASE_URL || 'file:data/porchlight.db';
  if (!isEmbeddedUrl(url)) return url;
  const path = filePathOf(url);
  if (path === ':memory:')
    throw new Error('DATABASE_URL: in-memory databases lose data; use a file.');
  return `file:${isAbsolute(path) ? path : resolve(baseDir(env), path)}`;
}

/**
 * The secret that signs session cookies. From PORCHLIGHT_SECRET when set;
 * otherwise made once and kept beside the embedded database file.
 */
function secretFrom(env: NodeJS.ProcessEnv, databaseUrl: string): string {
  const given = env.PORCHLIGHT_SECRET ?? env.BETTER_AUTH_SECRET;
  if (given) {
    if (given.length < 32) throw new Error('PORCHLIGHT_SECRET must be at least 32 characters.');
    return given;
  }
  if (!isEmbeddedUrl(databaseUrl) || env.DATABASE_SYNC_URL) {
    throw new Error(
      'PORCHLIGHT_SECRET is required when the database is a libSQL server (DATABASE_URL or DATABASE_SYNC_URL): every server process must share it.',
    );
  }
  const file = resolve(dirname(filePathOf(databaseUrl)), 'porchlight-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dirname(file), { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

/**
 * The key that encrypts the embedded database file (libSQL's encryption at
 * rest). Without it the file is plain SQLite; with it, the file cannot be read
 * without the same key, so keep the key apart from the file and its backups.
 */
function encryptionKeyFrom(env: NodeJS.ProcessEnv, databaseUrl: string): string | undefined {
  const key = env.DATABASE_ENCRYPTION_KEY;
  if (key === undefined || key === '') return undefined;
  if (!isEmbeddedUrl(databaseUrl))
    throw new Error(
      'DATABASE_ENCRYPTION_KEY encrypts the embedded database file; a libSQL server encrypts its own storage.',
    );
  if (key.length < 16) throw new Error('DATABASE_ENCRYPTION_KEY must be at least 16 characters.');
  return key;
}

/** Where the database is, and its key: all that `porchlight backup`, `restore` and `verify-audit` need. */
export function loadDatabaseConfig(
  env: NodeJS.ProcessEnv = process.env,
): Pick<
  ServerConfig,
  | 'databaseUrl'
  | 'encryptionKey'
  | 'databaseAuthToken'
  | 'databaseSyncUrl'
  | 'databaseSyncIntervalSeconds'
> {
  const databaseUrl = databaseUrlFrom(env);
  const databaseSyncUrl = env.DATABASE_SYNC_URL || undefined;
  if (databaseSyncUrl && !isEmbeddedUrl(databaseUrl))
    throw new Error(
      'DATABASE_SYNC_URL makes the embedded file (DATABASE_URL=file:…) a replica of a libSQL server; DATABASE_URL names a server already.',
    );
  if (databaseSyncUrl && !/^(https?|libsql):\/\//.test(databaseSyncUrl))
    throw new Error(
      `DATABASE_SYNC_URL must be the libSQL server's http(s):// or libsql:// URL, not "${databaseSyncUrl}".`,
    );
  return {
    databaseUrl,
    encryptionKey: encryptionKeyFrom(env, databaseUrl),
    databaseAuthToken: env.DATABASE_AUTH_TOKEN || undefined,
    databaseSyncUrl,
    databaseSyncIntervalSeconds: int(env, 'DATABASE_SYNC_INTERVAL', 1),
  };
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const port = int(env, 'PORT', 3000);
  const database = loadDatabaseConfig(env);
  const databaseUrl = database.databaseUrl;
  const thread = env.DATABASE_THREAD || 'worker';
  if (thread !== 'worker' && thread !== 'main')
    throw new Error(`DATABASE_THREAD must be worker or main, not "${thread}".`);
  const publicUrl = (env.PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/$/, '');
  const local = publicUrl.startsWith('http://localhost:')
    ? [publicUrl.replace('localhost', '127.0.0.1')]
    : [];
  const staffIdle = int(
    env,
    'SESSION_STAFF_IDLE_MINUTES',
    DEFAULT_SESSION_POLICY.staff.idleMinutes,
  );
  const residentDays = int(
    env,
    'SESSION_RESIDENT_DAYS',
    DEFAULT_SESSION_POLICY.resident.idleMinutes / 1440,
  );
  return {
    port,
    host: env.HOST ?? '127.0.0.1',
    ...database,
    publicUrl,
    trustedOrigins: [
      new URL(publicUrl).origin,
      ...local,
      ...(env.TRUSTED_ORIGINS ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    ],
    secret: secretFrom(env, databaseUrl),
    seedDemo: (env.SEED_DEMO ?? 'true') !== 'false',
    signInAttemptsPerMinute: int(env, 'AUTH_SIGN_IN_LIMIT', 5),
    sessionPolicy: {
      staff: {
        idleMinutes: staffIdle,
        absoluteMinutes: DEFAULT_SESSION_POLICY.staff.absoluteMinutes,
      },
      resident: { idleMinutes: residentDays * 1440, absoluteMinutes: residentDays * 1440 },
    },
    synchronous: env.DATABASE_SYNCHRONOUS === 'NORMAL' ? 'NORMAL' : 'FULL',
    databaseThread: thread,
  };
}
