// The libSQL driver, loaded the first time this thread opens a connection. Its
// native module takes about 80 ms to load, and a server whose embedded file is
// opened on the database thread (db-worker.ts) never needs it on the main one:
// start-up is that much shorter.
import type { Client, Config } from '@libsql/client';
import type { DrizzleConfig } from 'drizzle-orm';
import type { LibSQLDatabase } from 'drizzle-orm/libsql';

declare module 'drizzle-orm/libsql/driver-core' {
  /**
   * What `drizzle({ client })` of `drizzle-orm/libsql` calls; that module also loads the
   * driver to open a connection from a URL, which this package never asks it to.
   */
  export function construct<TSchema extends Record<string, unknown>>(
    client: Client,
    config?: DrizzleConfig<TSchema>,
  ): LibSQLDatabase<TSchema> & { $client: Client };
}

let driver: Promise<{ createClient: (config: Config) => Client }> | undefined;

/** `createClient` of `@libsql/client`, with the driver loaded on first use. */
export async function openLibsqlClient(config: Config): Promise<Client> {
  driver ??= import('@libsql/client');
  return (await driver).createClient(config);
}
