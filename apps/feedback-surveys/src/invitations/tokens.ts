/**
 * Invitation tokens and keys. A token is derived from the invitation id with the service secret,
 * so a delivery that is retried carries the same link and no token is ever stored in clear; the
 * database keeps only its SHA-256 hash, which proves use without revealing the token. The request
 * id becomes a keyed hash too (so a redelivered event cannot invite twice) and a staff member a
 * keyed participation hash per pulse. Plain TypeScript on node:crypto.
 */
import { createHash, createHmac } from 'node:crypto';

export function invitationToken(secret: string, invitationId: string): string {
  return createHmac('sha256', secret).update(`invitation-token:${invitationId}`).digest('base64url');
}

export function tokenHash(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}

/** The idempotency key of the post-contact invitation of a request. */
export function requestKey(secret: string, requestId: string): Buffer {
  return createHmac('sha256', secret).update(`request:${requestId.toLowerCase()}`).digest();
}

/** Proves a staff member answered a pulse, without saying who. */
export function participantHash(secret: string, waveId: string, subject: string): Buffer {
  return createHmac('sha256', secret).update(`pulse:${waveId}:${subject}`).digest();
}

/** A token has the shape of a base64url SHA-256 HMAC (43 characters). */
export function looksLikeToken(token: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(token);
}

/** Injection token of the service secret (config SURVEY_SECRET). */
export const SURVEY_SECRET = Symbol('SURVEY_SECRET');
