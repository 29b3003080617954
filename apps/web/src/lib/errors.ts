// What went wrong, in words for the person using the dashboard: tRPC errors
// carry a code, a message and, for invalid input, a message per field.
import { TRPCClientError } from '@trpc/client';
import type { AppRouter } from '@porchlight/api';

export interface Problem {
  message: string;
  /** The tRPC error code (NOT_FOUND, FORBIDDEN, …); null when the server never answered. */
  code: string | null;
  fieldErrors: Record<string, string>;
  requestId: string | null;
}

export const OFFLINE_MESSAGE =
  'Could not reach Porchlight. Check your connection and try again. Nothing was saved.';

function isApiError(error: unknown): error is TRPCClientError<AppRouter> {
  return error instanceof TRPCClientError;
}

export function problemOf(error: unknown): Problem {
  if (isApiError(error)) {
    const data = error.data;
    if (!data) return { message: OFFLINE_MESSAGE, code: null, fieldErrors: {}, requestId: null };
    return {
      message: error.message,
      code: data.code,
      fieldErrors: data.fieldErrors ?? {},
      requestId: data.requestId ?? null,
    };
  }
  if (error instanceof Error && error.message) {
    return { message: error.message, code: null, fieldErrors: {}, requestId: null };
  }
  return { message: OFFLINE_MESSAGE, code: null, fieldErrors: {}, requestId: null };
}

export function errorCode(error: unknown): string | null {
  return isApiError(error) ? (error.data?.code ?? null) : null;
}

/** Not found and forbidden read the same to the user: either way the record is not theirs to see. */
export function isNotFound(error: unknown): boolean {
  const code = errorCode(error);
  return code === 'NOT_FOUND' || code === 'FORBIDDEN';
}

/** Errors the same request would meet again: no point retrying them. */
export function isClientError(error: unknown): boolean {
  if (!isApiError(error)) return false;
  const status = error.data?.httpStatus;
  return status !== undefined && status >= 400 && status < 500;
}

/** `message` beside the field labelled `label`: "is required." reads as "First name is required." */
export function fieldSentence(label: string, key: string, message: string): string {
  if (message.startsWith(`${key} `)) return `${label}${message.slice(key.length)}`;
  return /^[a-z]/.test(message) ? `${label} ${message}` : message;
}

/** How the API's input fields read in a sentence, for messages shown away from their field. */
const FIELD_LABELS: Record<string, string> = {
  bedId: 'Bed',
  startDate: 'Move-in date',
  date: 'Date',
  roomId: 'Room',
  houseId: 'House',
  houseIds: 'Houses',
  residentId: 'Resident',
  token: 'Invite code',
};

export function fieldLabel(key: string): string {
  return FIELD_LABELS[key] ?? key;
}

/** The whole problem in words: field messages when there are any, else the message. */
export function problemSentence(problem: Problem): string {
  const fields = Object.entries(problem.fieldErrors);
  if (fields.length === 0) return problem.message;
  return fields.map(([key, message]) => fieldSentence(fieldLabel(key), key, message)).join(' ');
}
