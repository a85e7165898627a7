/**
 * Standard Webhooks 1.0, symmetric signatures (https://github.com/standard-webhooks/standard-webhooks,
 * `spec/standard-webhooks.md`): the signed content is `{msg_id}.{timestamp}.{payload}`, signed with
 * HMAC-SHA256 under the endpoint's secret and sent as `v1,<base64>`. The header may list several
 * signatures separated by spaces: during a secret rotation both the new and the old secret sign,
 * so the receiver can switch at its own pace. The body must be sent byte for byte as signed.
 */
import { createHmac, randomBytes } from 'node:crypto';

export const SECRET_PREFIX = 'whsec_';
/** Random bytes of a generated secret (the standard allows 24 to 64). */
export const SECRET_BYTES = 32;
export const MIN_SECRET_BYTES = 24;
export const MAX_SECRET_BYTES = 64;
export const SIGNATURE_VERSION = 'v1';
/** The content type of the body: a CloudEvent in structured JSON mode. */
export const WEBHOOK_CONTENT_TYPE = 'application/cloudevents+json';

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
/** What may go in the webhook-id header: no spaces, dots or control characters (it is part of the signed content). */
const MESSAGE_ID = /^[A-Za-z0-9_:-]{1,128}$/;

/** A new endpoint secret: `whsec_` followed by the base64 of 32 random bytes. */
export function generateSecret(): string {
  return SECRET_PREFIX + randomBytes(SECRET_BYTES).toString('base64');
}

/**
 * The HMAC key of a secret: the base64 after the `whsec_` prefix (the prefix may be left out, as the
 * reference libraries allow). Throws on anything that is not strict base64 of 24 to 64 bytes.
 */
export function secretKey(secret: string): Buffer {
  if (typeof secret !== 'string') throw new Error('webhook secret must be a string');
  const encoded = secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : secret;
  if (!encoded || !BASE64.test(encoded)) throw new Error('webhook secret must be whsec_ followed by base64');
  const key = Buffer.from(encoded, 'base64');
  if (key.length < MIN_SECRET_BYTES || key.length > MAX_SECRET_BYTES) {
    throw new Error(`webhook secret must hold ${MIN_SECRET_BYTES} to ${MAX_SECRET_BYTES} bytes, not ${key.length}`);
  }
  return key;
}

function checkMessage(msgId: string, timestampSeconds: number): void {
  if (!MESSAGE_ID.test(msgId)) throw new Error('webhook message id must be 1-128 characters of A-Z a-z 0-9 _ : -');
  if (!Number.isSafeInteger(timestampSeconds) || timestampSeconds < 0) {
    throw new Error('webhook timestamp must be whole Unix seconds');
  }
}

/** `v1,<base64 of HMAC-SHA256(key, "{msgId}.{timestamp}.{body}")>`. */
export function sign(secret: string, msgId: string, timestampSeconds: number, body: string): string {
  checkMessage(msgId, timestampSeconds);
  const mac = createHmac('sha256', secretKey(secret)).update(`${msgId}.${timestampSeconds}.${body}`, 'utf8').digest('base64');
  return `${SIGNATURE_VERSION},${mac}`;
}

/** The `webhook-signature` header: one signature per secret, space separated (rotation overlap). */
export function signatureHeader(secrets: readonly string[], msgId: string, timestampSeconds: number, body: string): string {
  if (!secrets.length) throw new Error('at least one webhook secret is needed');
  return secrets.map((secret) => sign(secret, msgId, timestampSeconds, body)).join(' ');
}

/**
 * Every header of one delivery attempt. `msgId` stays the same across retries (the receiver's
 * idempotency key); `timestampSeconds` is the time of the attempt.
 */
export function webhookHeaders(secrets: readonly string[], msgId: string, timestampSeconds: number, body: string): Record<string, string> {
  return {
    'webhook-id': msgId,
    'webhook-timestamp': String(timestampSeconds),
    'webhook-signature': signatureHeader(secrets, msgId, timestampSeconds, body),
    'content-type': WEBHOOK_CONTENT_TYPE,
  };
}
