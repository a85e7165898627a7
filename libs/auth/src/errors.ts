/**
 * Authentication and authorisation failures with stable codes: `UNAUTHENTICATED` (no valid token,
 * HTTP 401) and `FORBIDDEN` (valid token, not allowed, HTTP 403); `AUTH_UNAVAILABLE` when the
 * identity provider's keys cannot be fetched (HTTP 503: the token may be fine, we cannot tell).
 */
export type AuthErrorCode = 'UNAUTHENTICATED' | 'FORBIDDEN' | 'AUTH_UNAVAILABLE';

export class AuthError extends Error {
  constructor(
    readonly code: AuthErrorCode,
    message: string,
    /** Internal detail for logs (never sent to the caller). */
    readonly reason?: string,
  ) {
    super(message);
    this.name = 'AuthError';
  }

  get httpStatus(): number {
    return this.code === 'UNAUTHENTICATED' ? 401 : this.code === 'FORBIDDEN' ? 403 : 503;
  }
}

export const unauthenticated = (reason: string) => new AuthError('UNAUTHENTICATED', 'authentication required: a valid bearer token is missing', reason);
export const forbidden = (message: string, reason?: string) => new AuthError('FORBIDDEN', message, reason);
