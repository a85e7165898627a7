import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type JsonWebKey,
  type KeyObject,
} from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** The realm's one RS256 signing key. */
export interface SigningKey {
  kid: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** The public key as a JWKS entry (`kid`, `kty`, `alg`, `use`, `n`, `e`). */
  jwk: { kid: string; kty: 'RSA'; alg: 'RS256'; use: 'sig'; n: string; e: string };
  /** Base64 DER SubjectPublicKeyInfo, as Keycloak's realm endpoint publishes `public_key`. */
  publicKeyBase64: string;
  /** Where the key came from, for the start-up log. */
  source: 'generated' | 'created' | 'loaded';
}

function fromPrivateKey(privateKey: KeyObject, source: SigningKey['source']): SigningKey {
  if (privateKey.asymmetricKeyType !== 'rsa')
    throw new Error(`the signing key must be an RSA key, not ${privateKey.asymmetricKeyType}`);
  const bits = privateKey.asymmetricKeyDetails?.modulusLength ?? 0;
  if (bits < 2048) throw new Error(`the signing key must have at least 2048 bits, not ${bits}`);
  const publicKey = createPublicKey(privateKey);
  const { n, e } = publicKey.export({ format: 'jwk' }) as JsonWebKey & { n: string; e: string };
  // RFC 7638 thumbprint: stable for the same key, so a persisted key keeps its kid across restarts.
  const kid = createHash('sha256')
    .update(JSON.stringify({ e, kty: 'RSA', n }))
    .digest('base64url');
  return {
    kid,
    privateKey,
    publicKey,
    jwk: { kid, kty: 'RSA', alg: 'RS256', use: 'sig', n, e },
    publicKeyBase64: publicKey.export({ format: 'der', type: 'spki' }).toString('base64'),
    source,
  };
}

/** Reads a PKCS8 PEM (or a private JWK in JSON) signing key. */
export function parseSigningKey(text: string): KeyObject {
  const trimmed = text.trim();
  if (trimmed.startsWith('{'))
    return createPrivateKey({ key: JSON.parse(trimmed) as JsonWebKey, format: 'jwk' });
  return createPrivateKey(trimmed);
}

/**
 * The signing key: a fresh RSA-2048 key when `file` is empty; otherwise the key in `file`, created
 * there (mode 0600; a private JWK if the name ends in `.json`, else PKCS8 PEM) if it does not exist yet.
 */
export function loadSigningKey(file?: string): SigningKey {
  if (!file)
    return fromPrivateKey(generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey, 'generated');
  if (existsSync(file)) return fromPrivateKey(parseSigningKey(readFileSync(file, 'utf8')), 'loaded');
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  mkdirSync(dirname(file), { recursive: true });
  try {
    const text = file.endsWith('.json')
      ? `${JSON.stringify(privateKey.export({ format: 'jwk' }))}\n`
      : privateKey.export({ format: 'pem', type: 'pkcs8' });
    writeFileSync(file, text, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    // Another process created it first: use theirs, so both sign with the same key.
    if ((error as NodeJS.ErrnoException).code === 'EEXIST')
      return fromPrivateKey(parseSigningKey(readFileSync(file, 'utf8')), 'loaded');
    throw error;
  }
  chmodSync(file, 0o600);
  return fromPrivateKey(privateKey, 'created');
}
