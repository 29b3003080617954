// The HTTP face of Porchlight: one Hono app serving the tRPC API, the auth
// endpoints, a health check and the built dashboard, behind security headers
// and a strict same-origin rule for anything that changes data.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Hono, type Context as HonoContext } from 'hono';
import { getCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import { bodyLimit } from 'hono/body-limit';
import { compress } from 'hono/compress';
import { serveStatic } from '@hono/node-server/serve-static';
import { trpcServer } from '@hono/trpc-server';
import type { AddressInfo } from 'node:net';
import {
  appRouter,
  calendarFor,
  CLIENT_IP_HEADER,
  createContext,
  type CsvExport,
  GENERIC_ERROR_MESSAGE,
  isExportList,
  recordFailedSignIn,
  sessionByToken,
  sharedSummary,
  startExport,
  type Auth,
  type SessionInfo,
  whileAnswering,
} from '@porchlight/api';
import type { Db } from '@porchlight/db';
import { SHARE_CSS, shareGonePage, sharePage } from './share-page';
import { csvBody } from './csv-export';
import {
  type Clock,
  DomainError,
  type DomainErrorCode,
  type SessionPolicyConfig,
} from '@porchlight/domain';

export interface AppOptions {
  db: Db;
  auth: Auth;
  trustedOrigins: string[];
  sessionPolicy?: SessionPolicyConfig;
  clock?: Clock;
  /** The address people use, for links inside calendar feeds. */
  publicUrl?: string;
  /** The built dashboard (apps/web/dist); not served when absent. */
  webRoot?: string;
  log?: (message: string, error?: unknown) => void;
}

type Env = { Variables: { requestId: string } };

function clientIp(c: HonoContext<Env>): string | null {
  const incoming = (
    c.env as { incoming?: { socket?: { address(): AddressInfo | object } } } | undefined
  )?.incoming;
  const address = incoming?.socket?.address();
  return address && 'address' in address ? address.address : null;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** The most calls one tRPC batch may carry (apps/web's httpBatchLink sends at most as many). */
export const MAX_BATCH_SIZE = 20;

/** The signed-in session of a request, as better-auth's getSession answers it. */
async function sessionOf(auth: Auth, headers: Headers): Promise<SessionInfo | null> {
  const found = await auth.api.getSession({ headers });
  return found
    ? {
        sessionId: found.session.id,
        userId: found.user.id,
        createdAt: new Date(found.session.createdAt),
        lastActiveAt: new Date(found.session.updatedAt),
      }
    : null;
}

/**
 * A signed cookie's value as Hono's getSignedCookie reads it (the value, a dot,
 * and the base64 HMAC-SHA256 of the value), checked with node's HMAC: the Web
 * Crypto one it uses imports the key again on every call, which cost 4% of the
 * server's time under check-in load.
 */
function signedCookie(c: HonoContext<Env>, secret: string, name: string): string | undefined {
  const raw = getCookie(c, name);
  if (raw === undefined) return undefined;
  const dot = raw.lastIndexOf('.');
  if (dot < 0) return undefined;
  const signature = raw.slice(dot + 1);
  if (signature.length !== 44 || !signature.endsWith('=')) return undefined;
  const value = raw.slice(0, dot);
  const expected = createHmac('sha256', secret).update(value).digest();
  const given = Buffer.from(signature, 'base64');
  return given.length === expected.length && timingSafeEqual(given, expected) ? value : undefined;
}

/**
 * The signed-in session of a request, the way better-auth's getSession reads it
 * with this configuration (no cookie cache, no refresh): its session cookie,
 * under better-auth's own name and signed with its secret, names a session that
 * has not expired. A valid session takes one prepared read, where getSession
 * costs several times that (tests/http/server.test.ts checks the two agree);
 * anything else goes to better-auth itself, which also clears an expired session.
 */
async function fastSessionOf(c: HonoContext<Env>, db: Db, auth: Auth): Promise<SessionInfo | null> {
  if (!c.req.raw.headers.get('cookie')) return null;
  const context = await auth.$context;
  const token = signedCookie(c, context.secret, context.authCookies.sessionToken.name);
  // no session cookie, or one whose signature is wrong: better-auth finds no session either
  if (!token) return null;
  const found = await sessionByToken(db, token);
  if (found && found.expiresAt.getTime() > Date.now())
    return {
      sessionId: found.id,
      userId: found.userId,
      createdAt: found.createdAt,
      lastActiveAt: found.updatedAt,
    };
  return sessionOf(auth, c.req.raw.headers);
}

/** The email a sign-in request names, if its body is the JSON it should be. */
function emailOf(body: string): unknown {
  try {
    return (JSON.parse(body) as { email?: unknown } | null)?.email;
  } catch {
    return undefined;
  }
}

const EXPORT_STATUS: Record<DomainErrorCode, 400 | 401 | 403 | 404 | 409> = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
};

export function createApp(options: AppOptions) {
  const log = options.log ?? ((message, error) => console.error(message, error));
  const trusted = new Set(options.trustedOrigins);
  const app = new Hono<Env>();

  /** The API's context for a request: its session, request id and address. */
  const contextOf = async (c: HonoContext<Env>) =>
    createContext({
      db: options.db,
      session: await fastSessionOf(c, options.db, options.auth),
      requestId: c.get('requestId'),
      ip: clientIp(c),
      ...(options.clock ? { clock: options.clock } : {}),
      ...(options.sessionPolicy ? { sessionPolicy: options.sessionPolicy } : {}),
    });

  // background work (attention counts) waits for a moment when nobody is being answered
  app.use((_c, next) => whileAnswering(next));
  app.use(requestId({ limitLength: 64 }));
  const headers = (referrerPolicy: string) =>
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
      referrerPolicy,
      crossOriginEmbedderPolicy: false,
      strictTransportSecurity: options.trustedOrigins[0]?.startsWith('https:')
        ? 'max-age=31536000; includeSubDomains'
        : false,
    });
  const appHeaders = headers('same-origin');
  // a shared summary's address is its key: it never leaves in a Referer header
  const shareHeaders = headers('no-referrer');
  app.use((c, next) =>
    c.req.path.startsWith('/share/') ? shareHeaders(c, next) : appHeaders(c, next),
  );

  // Cross-site request forgery (including login CSRF): a browser always sends
  // Origin on a cross-site write. Writes from another origin, or writes that are
  // not JSON, are refused before they reach the API or the auth handler.
  const sameOriginWrites = createMiddleware<Env>(async (c, next) => {
    if (SAFE_METHODS.has(c.req.method)) return next();
    const origin = c.req.header('origin');
    const sameHost = origin !== undefined && origin === new URL(c.req.url).origin;
    if (origin !== undefined && !trusted.has(origin) && !sameHost) {
      return c.json(
        { error: { message: 'Cross-origin requests are not allowed.', code: 'FORBIDDEN' } },
        403,
      );
    }
    if (c.req.header('sec-fetch-site') === 'cross-site') {
      return c.json(
        { error: { message: 'Cross-site requests are not allowed.', code: 'FORBIDDEN' } },
        403,
      );
    }
    const type = c.req.header('content-type') ?? '';
    if (!type.startsWith('application/json')) {
      return c.json(
        {
          error: {
            message: 'Send JSON (content-type: application/json).',
            code: 'UNSUPPORTED_MEDIA_TYPE',
          },
        },
        415,
      );
    }
    return next();
  });
  // how long the server spent on an API call, for the browser's devtools and the benchmark
  app.use('/trpc/*', async (c, next) => {
    const started = performance.now();
    await next();
    c.header('Server-Timing', `app;dur=${(performance.now() - started).toFixed(1)}`);
  });
  // the API's answers travel gzipped too: a house's board is a few kilobytes of JSON
  app.use('/trpc/*', compress());
  app.use('/trpc/*', sameOriginWrites);
  app.use('/api/*', sameOriginWrites);
  app.use(
    '/trpc/*',
    bodyLimit({
      maxSize: 256 * 1024,
      onError: (c) =>
        c.json({ error: { message: 'Request body too large.', code: 'PAYLOAD_TOO_LARGE' } }, 413),
    }),
  );
  app.use(
    '/api/*',
    bodyLimit({
      maxSize: 64 * 1024,
      onError: (c) =>
        c.json({ error: { message: 'Request body too large.', code: 'PAYLOAD_TOO_LARGE' } }, 413),
    }),
  );

  app.get('/healthz', async (c) => {
    try {
      await options.db.$client.execute('select 1');
      return c.json({ status: 'ok' });
    } catch (error) {
      log(`healthz: database did not answer [${c.get('requestId')}]`, error);
      return c.json({ status: 'unavailable' }, 503);
    }
  });

  // a resident's calendar feed: the unguessable token in the address is the only key
  app.get('/calendar/:file', async (c) => {
    const token = /^(.+)\.ics$/.exec(c.req.param('file'))?.[1] ?? '';
    const body = await calendarFor(
      { db: options.db, clock: options.clock ?? { now: () => new Date() } },
      token,
      options.publicUrl ?? new URL(c.req.url).origin,
    );
    if (body === null)
      return c.json(
        {
          error: {
            message: 'This calendar address is unknown or was turned off.',
            code: 'NOT_FOUND',
          },
        },
        404,
      );
    c.header('Cache-Control', 'private, max-age=300');
    c.header('Content-Disposition', 'inline; filename="porchlight.ics"');
    return c.body(body, 200, { 'Content-Type': 'text/calendar; charset=utf-8' });
  });

  // a summary a resident shared: the unguessable token is the only key; nothing else is shown
  app.get('/share.css', (c) => {
    c.header('Cache-Control', 'public, max-age=3600');
    return c.body(SHARE_CSS, 200, { 'Content-Type': 'text/css; charset=utf-8' });
  });
  app.get('/share/:token', async (c) => {
    c.header('Cache-Control', 'no-store');
    c.header('X-Robots-Tag', 'noindex, nofollow');
    const summary = await sharedSummary(
      {
        db: options.db,
        clock: options.clock ?? { now: () => new Date() },
        requestId: c.get('requestId'),
        ip: clientIp(c),
      },
      c.req.param('token'),
      { userAgent: c.req.header('user-agent') ?? null },
    );
    if (summary === null) return c.html(shareGonePage(), 404);
    return c.html(sharePage(summary));
  });

  // CSV exports of the lists staff see: plain GETs, so a link downloads them
  app.get('/exports/:file', async (c) => {
    c.header('Cache-Control', 'no-store');
    // Hono answers HEAD with this handler: a HEAD must not write an export to the audit log
    if (c.req.method === 'HEAD') return c.body(null, 405, { Allow: 'GET' });
    const id = c.get('requestId');
    const list = /^([a-z-]+)\.csv$/.exec(c.req.param('file'))?.[1] ?? '';
    if (!isExportList(list))
      return c.json({ error: { message: 'There is no such export.', code: 'NOT_FOUND' } }, 404);
    // an export lands in the audit log in the person's name: another site may not start one
    if (c.req.header('sec-fetch-site') === 'cross-site')
      return c.json(
        { error: { message: 'Cross-site requests are not allowed.', code: 'FORBIDDEN' } },
        403,
      );
    const ctx = await contextOf(c);
    let csv: CsvExport;
    try {
      csv = await startExport(ctx, list, c.req.query());
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      return c.json(
        {
          error: {
            message: error.message,
            code: error.code,
            ...(error.field ? { fieldErrors: { [error.field]: error.detail } } : {}),
            requestId: id,
          },
        },
        EXPORT_STATUS[error.code],
      );
    }
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header('Content-Disposition', `attachment; filename="${csv.filename}"`);
    return c.body(csvBody(csv, (error) => log(`export ${list} failed part-way [${id}]`, error)));
  });

  app.on(['GET', 'POST'], '/api/auth/*', async (c) => {
    // better-auth rate-limits by address: give it the socket's, never a client-supplied header
    const headers = new Headers(c.req.raw.headers);
    headers.delete(CLIENT_IP_HEADER);
    const ip = clientIp(c);
    if (ip) headers.set(CLIENT_IP_HEADER, ip);
    const raw = c.req.raw;
    if (raw.method === 'POST' && c.req.path === '/api/auth/sign-in/email') {
      // read first (at most 64 KB, see bodyLimit), so a failed attempt can name its email
      const body = await raw.text();
      const response = await options.auth.handler(
        new Request(raw.url, { method: raw.method, headers, body }),
      );
      if (response.status === 401 || response.status === 403)
        await recordFailedSignIn(options.db, {
          email: emailOf(body),
          status: response.status,
          ip,
          requestId: c.get('requestId'),
        }).catch((error: unknown) => log('recording a failed sign-in failed', error));
      return response;
    }
    const init: RequestInit & { duplex?: 'half' } = { method: raw.method, headers };
    if (raw.method !== 'GET' && raw.body) {
      init.body = raw.body;
      init.duplex = 'half';
    }
    return options.auth.handler(new Request(raw.url, init));
  });
  app.all('/api/*', (c) => c.json({ error: { message: 'Not found.', code: 'NOT_FOUND' } }, 404));

  app.use(
    '/trpc/*',
    trpcServer({
      router: appRouter,
      endpoint: '/trpc',
      // one request cannot ask for more work than a page does (the dashboard's link splits at it)
      maxBatchSize: MAX_BATCH_SIZE,
      createContext: (_opts, c: HonoContext<Env>) => contextOf(c),
      onError: ({ error, path, ctx }) => {
        if (error.code === 'INTERNAL_SERVER_ERROR') {
          const id = (ctx as { requestId?: string } | undefined)?.requestId ?? '?';
          log(`trpc ${path ?? '?'} failed [${id}]`, error.cause ?? error);
        }
      },
    }),
  );

  const webRoot = options.webRoot;
  if (webRoot && existsSync(join(webRoot, 'index.html'))) {
    const indexHtml = readFileSync(join(webRoot, 'index.html'), 'utf8');
    // a phone on prepaid data downloads the dashboard gzipped
    app.use('/assets/*', compress());
    app.use(
      '/assets/*',
      async (c, next) => {
        await next();
        if (c.res.status === 200) c.header('Cache-Control', 'public, max-age=31536000, immutable');
      },
      serveStatic({ root: webRoot }),
    );
    // a chunk that is not there (an old tab after an upgrade) is a 404, not the app shell
    app.get('/assets/*', (c) => c.notFound());
    // the app shell: never cached, so a new release is picked up at once
    const shell = (c: HonoContext<Env>) => {
      c.header('Cache-Control', 'no-cache');
      return c.html(indexHtml);
    };
    app.get('/', shell);
    app.get('/index.html', shell);
    // the build's manifest is for the budget test, not for visitors
    app.get('/.vite/*', (c) => c.notFound());
    app.use('*', serveStatic({ root: webRoot }));
    // every other GET is a dashboard route: the app shell decides
    app.get('*', shell);
  }

  app.notFound((c) => c.json({ error: { message: 'Not found.', code: 'NOT_FOUND' } }, 404));
  app.onError((error, c) => {
    const id = c.get('requestId');
    log(`unhandled error [${id}]`, error);
    return c.json(
      {
        error: {
          message: `${GENERIC_ERROR_MESSAGE} Reference: ${id}.`,
          code: 'INTERNAL_SERVER_ERROR',
          requestId: id,
        },
      },
      500,
    );
  });

  return app;
}
