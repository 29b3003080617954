// tRPC for Porchlight: one error shape, base procedures composed from named
// middlewares, and no stack trace or SQL text ever reaching a client.
import { initTRPC, TRPCError } from '@trpc/server';
import type { TRPC_ERROR_CODE_KEY } from '@trpc/server/unstable-core-do-not-import';
import { DomainError, type DomainErrorCode } from '@porchlight/domain';
import type { Context } from './context';

export interface Meta {
  /** Who may call the procedure, in words; the authorization matrix test checks it. */
  access?: string;
}

interface Issue {
  path: readonly PropertyKey[];
  message: string;
  code?: string;
  keys?: readonly string[];
}

function isZodLike(cause: unknown): cause is { issues: Issue[] } {
  return (
    typeof cause === 'object' &&
    cause !== null &&
    Array.isArray((cause as { issues?: unknown }).issues)
  );
}

/** Field path → message, for each invalid input field. */
export function fieldErrorsOf(issues: readonly Issue[]): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys' && issue.keys) {
      for (const key of issue.keys) {
        errors[[...issue.path, key].join('.')] ??= 'is not a field this accepts.';
      }
      continue;
    }
    const field = issue.path.map(String).join('.') || 'input';
    errors[field] ??= issue.message;
  }
  return errors;
}

function sentence(field: string, message: string): string {
  return /^[a-z]/.test(message) ? `${field} ${message}` : `${field}: ${message}`;
}

export const GENERIC_ERROR_MESSAGE = 'Something went wrong on our side. Nothing was saved.';

const t = initTRPC
  .context<Context>()
  .meta<Meta>()
  .create({
    // never include stack traces, whatever NODE_ENV says
    isDev: false,
    errorFormatter({ shape, error, ctx }) {
      const requestId = ctx?.requestId;
      let message = shape.message;
      let fieldErrors: Record<string, string> | undefined;
      if (error.code === 'BAD_REQUEST' && isZodLike(error.cause)) {
        fieldErrors = fieldErrorsOf(error.cause.issues);
        message = Object.entries(fieldErrors)
          .map(([field, msg]) => sentence(field, msg))
          .join(' ');
      } else if (error.cause instanceof DomainError && error.cause.field) {
        fieldErrors = { [error.cause.field]: error.cause.detail };
      } else if (error.code === 'INTERNAL_SERVER_ERROR') {
        message = `${GENERIC_ERROR_MESSAGE} Reference: ${requestId ?? 'unknown'}.`;
      }
      return {
        message,
        code: shape.code,
        data: {
          code: shape.data.code,
          httpStatus: shape.data.httpStatus,
          path: shape.data.path,
          requestId,
          ...(fieldErrors ? { fieldErrors } : {}),
        },
      };
    },
  });

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
export const middleware = t.middleware;

const TRPC_CODE: Record<DomainErrorCode, TRPC_ERROR_CODE_KEY> = {
  BAD_REQUEST: 'BAD_REQUEST',
  UNAUTHORIZED: 'UNAUTHORIZED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
};

function causeChain(error: unknown): unknown[] {
  const chain: unknown[] = [];
  let current: unknown = error;
  while (current && chain.length < 5) {
    chain.push(current);
    current = (current as { cause?: unknown }).cause;
  }
  return chain;
}

function isConstraintError(error: unknown): boolean {
  return causeChain(error).some((e) => {
    const code = (e as { code?: unknown }).code;
    return typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT');
  });
}

/** Turns domain errors and database constraint refusals into their API codes. */
const domainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok) {
    const cause = result.error.cause;
    if (cause instanceof DomainError) {
      throw new TRPCError({ code: TRPC_CODE[cause.code], message: cause.message, cause });
    }
    if (result.error.code === 'INTERNAL_SERVER_ERROR' && isConstraintError(result.error)) {
      throw new TRPCError({
        code: 'CONFLICT',
        message: 'Someone else changed this record at the same time. Reload and try again.',
        cause: result.error,
      });
    }
  }
  return result;
});

export const publicProcedure = t.procedure.use(domainErrors);

export const authedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.actor || !ctx.session) {
    throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Please sign in.' });
  }
  return next({ ctx: { ...ctx, actor: ctx.actor, session: ctx.session } });
});

export type AuthedContext = Context & {
  actor: NonNullable<Context['actor']>;
  session: NonNullable<Context['session']>;
};
