// Whether the tests run against a libSQL server instead of embedded files.
export interface RemoteTestServer {
  url: string;
  adminUrl: string;
  /** The migrated namespace each test database is forked from. */
  template: string;
}

export function remoteTestServer(env: NodeJS.ProcessEnv = process.env): RemoteTestServer | null {
  const url = env.DATABASE_URL;
  if (!url || url.startsWith('file:')) return null;
  const adminUrl = env.SQLD_ADMIN_URL;
  if (!adminUrl)
    throw new Error(
      'DATABASE_URL names a libSQL server: the tests also need SQLD_ADMIN_URL (its admin API, with namespaces enabled), to give each test its own database',
    );
  return { url, adminUrl, template: env.PORCHLIGHT_TEST_TEMPLATE ?? 'template' };
}
