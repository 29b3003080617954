// Opens the database, migrates it, seeds the demo organisation into an empty
// database, and serves the app. Used by main.ts and by the HTTP tests.
import { serve, type ServerType } from '@hono/node-server';
import { hashPassword } from 'better-auth/crypto';
import { createAuth, untilQuiet, warmDayFigures } from '@porchlight/api';
import {
  createDb,
  filePathOf,
  isEmbeddedUrl,
  migrateDb,
  withStartupLock,
  startAuditSealer,
  type DbHandle,
} from '@porchlight/db';
import { seedDemo } from '@porchlight/db/seed';
import { createApp } from './app';
import { acquireWriterLock } from './writer-lock';
import type { ServerConfig } from './config';

export interface StartOptions {
  webRoot?: string;
  migrationsFolder?: string;
  /** The built database thread (dist/db-worker.js): an embedded file is opened on it. */
  dbWorker?: string;
  /** The database thread failed: nothing more can be read or written. */
  onDatabaseFailure?: (error: Error) => void;
  log?: (message: string, error?: unknown) => void;
}

export interface RunningServer {
  url: string;
  port: number;
  seeded: boolean;
  handle: DbHandle;
  close(): Promise<void>;
}

/** An embedded file this server cannot read: encrypted with another key, or not SQLite at all. */
function unreadableDatabase(config: ServerConfig, error: unknown): Error | null {
  const chain: unknown[] = [];
  for (let e: unknown = error; e && chain.length < 5; e = (e as { cause?: unknown }).cause)
    chain.push(e);
  const notADatabase = chain.some(
    (e) =>
      (e as { code?: unknown }).code === 'SQLITE_NOTADB' ||
      /file is not a database/i.test(e instanceof Error ? e.message : ''),
  );
  if (!notADatabase || !isEmbeddedUrl(config.databaseUrl)) return null;
  return new Error(
    `${filePathOf(config.databaseUrl)} is not a database this server can read: it may be encrypted ` +
      `with another key (DATABASE_ENCRYPTION_KEY${config.encryptionKey ? ' is set, to a different key' : ' is not set'}), ` +
      'or it is not a Porchlight database.',
  );
}

export async function startServer(
  config: ServerConfig,
  options: StartOptions = {},
): Promise<RunningServer> {
  const release = isEmbeddedUrl(config.databaseUrl)
    ? acquireWriterLock(filePathOf(config.databaseUrl))
    : () => undefined;
  let handle: DbHandle | undefined;
  let seeded: boolean;
  try {
    const opened = await createDb(config.databaseUrl, {
      synchronous: config.synchronous,
      ...(config.databaseAuthToken ? { authToken: config.databaseAuthToken } : {}),
      ...(config.encryptionKey ? { encryptionKey: config.encryptionKey } : {}),
      ...(config.databaseSyncUrl
        ? {
            syncUrl: config.databaseSyncUrl,
            syncIntervalSeconds: config.databaseSyncIntervalSeconds,
          }
        : {}),
      ...(options.dbWorker ? { worker: options.dbWorker } : {}),
      ...(options.onDatabaseFailure ? { onWorkerFailure: options.onDatabaseFailure } : {}),
    });
    handle = opened;
    const prepare = async () => {
      await migrateDb(opened.db, options.migrationsFolder);
      return config.seedDemo ? await seedDemo(opened.db, { hashPassword }) : false;
    };
    // several servers starting at once on one libSQL server migrate (and seed) it once
    seeded = opened.isShared ? await withStartupLock(opened.client, prepare) : await prepare();
  } catch (error) {
    await handle?.closeAndWait().catch(() => undefined);
    release();
    throw unreadableDatabase(config, error) ?? error;
  }
  const auth = createAuth(handle.db, {
    secret: config.secret,
    baseURL: config.publicUrl,
    signInAttemptsPerMinute: config.signInAttemptsPerMinute,
    trustedOrigins: () => config.trustedOrigins,
  });
  const app = createApp({
    db: handle.db,
    auth,
    trustedOrigins: config.trustedOrigins,
    sessionPolicy: config.sessionPolicy,
    publicUrl: config.publicUrl,
    ...(options.webRoot ? { webRoot: options.webRoot } : {}),
    ...(options.log ? { log: options.log } : {}),
  });
  const server: ServerType = await new Promise((resolveServer, rejectServer) => {
    const s = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () =>
      resolveServer(s),
    );
    s.once('error', (error: NodeJS.ErrnoException) => {
      handle.close();
      release();
      rejectServer(
        error.code === 'EADDRINUSE'
          ? new Error(
              `port ${config.port} is already in use. Stop the other program or set PORT to a free port.`,
            )
          : error,
      );
    });
  });
  // the overview's day figures are worked out once, behind the first requests, not during one:
  // after a quiet moment, so the first answer (a supervisor's /healthz) does not wait for them
  let closing = false;
  void untilQuiet(performance.now())
    .then(async () => {
      if (!closing) await warmDayFigures({ db: handle.db, clock: { now: () => new Date() } });
    })
    .catch((error: unknown) => {
      if (!closing)
        (options.log ?? console.error)('working out the houses’ day figures failed', error);
    });
  // new audit entries join the hash chain a moment after they are written
  const sealer = startAuditSealer(handle.client, {
    onError: (error) => {
      if (!closing) (options.log ?? console.error)('sealing the audit log failed', error);
    },
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  return {
    url: `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`,
    port,
    seeded,
    handle,
    close: () =>
      new Promise<void>((resolveClose) => {
        closing = true;
        server.close(() => {
          // the last entries are sealed before the database closes
          void sealer
            .sealNow()
            .then(() => sealer.stop())
            .finally(() =>
              handle.closeAndWait().finally(() => {
                release();
                resolveClose();
              }),
            );
        });
        if ('closeAllConnections' in server) server.closeAllConnections();
      }),
  };
}
