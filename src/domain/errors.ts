// The few typed errors services throw. Each carries a stable code; only the HTTP layer maps codes
// to statuses (src/http/errors.ts) and only the CLI maps them to exit messages.

export type ErrorCode = 'not_found' | 'forbidden' | 'invalid' | 'conflict' | 'rate_limited' | 'unauthenticated';

export abstract class AppError extends Error {
  abstract readonly code: ErrorCode;
  /** Field-level problems for forms and API clients, e.g. { rating: 'Unknown rating "Z"' }. */
  readonly details: Record<string, string> | undefined;
  constructor(message: string, details?: Record<string, string>) {
    super(message);
    this.name = new.target.name;
    this.details = details;
  }
}

export class NotFound extends AppError {
  readonly code = 'not_found';
}
export class Forbidden extends AppError {
  readonly code = 'forbidden';
}
/** The actor must log in first (a guest asking for something only members may see). */
export class Unauthenticated extends AppError {
  readonly code = 'unauthenticated';
}
export class Invalid extends AppError {
  readonly code = 'invalid';
}
export class Conflict extends AppError {
  readonly code = 'conflict';
}
export class RateLimited extends AppError {
  readonly code = 'rate_limited';
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
