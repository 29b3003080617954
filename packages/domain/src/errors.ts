// The one error type of the product. The API maps each code to an HTTP status in
// one place; messages are written for the person using the product.
export const DOMAIN_ERROR_CODES = [
  'BAD_REQUEST',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
] as const;
export type DomainErrorCode = (typeof DOMAIN_ERROR_CODES)[number];

export class DomainError extends Error {
  readonly code: DomainErrorCode;
  /** The input field the error is about, when there is one. */
  readonly field: string | undefined;
  /** The message without the field name, to show beside the field. */
  readonly detail: string;

  constructor(code: DomainErrorCode, message: string, field?: string, detail?: string) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    this.field = field;
    this.detail = detail ?? message;
  }
}

export const notFound = (what: string) => new DomainError('NOT_FOUND', `${what} not found.`);
export const forbidden = (message = 'You do not have access to this.') =>
  new DomainError('FORBIDDEN', message);
export const invalid = (field: string, message: string) =>
  new DomainError('BAD_REQUEST', `${field} ${message}`, field, message);
export const conflict = (message: string, field?: string) =>
  new DomainError('CONFLICT', message, field);
