/**
 * Typed errors that cross the process boundary. Every failure the renderer can see has one of these codes,
 * a human sentence, and (for validation failures) the list of offending fields.
 */
export const ERROR_CODES = [
  'bad_request',
  'unauthorised',
  'forbidden',
  'not_found',
  'conflict',
  'invalid_transition',
  'read_only',
  'storage',
  'busy',
  'leak_detected',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const HTTP_STATUS: Record<ErrorCode, number> = {
  bad_request: 400,
  unauthorised: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  invalid_transition: 409,
  read_only: 409,
  storage: 503,
  busy: 503,
  leak_detected: 422,
  internal: 500,
};

export interface ErrorIssue {
  path: string;
  message: string;
}

export interface WireError {
  code: ErrorCode;
  message: string;
  issues?: ErrorIssue[];
  details?: unknown;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly issues: ErrorIssue[] | undefined;
  readonly details: unknown;
  constructor(code: ErrorCode, message: string, opts: { issues?: ErrorIssue[]; details?: unknown } = {}) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.issues = opts.issues;
    this.details = opts.details;
  }
  toWire(): WireError {
    const wire: WireError = { code: this.code, message: this.message };
    if (this.issues) wire.issues = this.issues;
    if (this.details !== undefined) wire.details = this.details;
    return wire;
  }
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: WireError };
