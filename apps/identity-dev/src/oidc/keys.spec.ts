import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSigningKey } from './keys';

let dir: string;
beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'identity-dev-keys-'))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('signing key', () => {
  it('is a fresh RSA-2048 key per call without a file, published as an RS256 JWK', () => {
    const a = loadSigningKey();
    const b = loadSigningKey();
    expect(a.kid).not.toBe(b.kid);
    expect(a.privateKey.asymmetricKeyDetails?.modulusLength).toBe(2048);
    expect(a.jwk).toEqual({
      kid: a.kid,
      kty: 'RSA',
      alg: 'RS256',
      use: 'sig',
      n: expect.any(String),
      e: 'AQAB',
    });
    expect(a.source).toBe('generated');
  });

  it('is created once at the file (PKCS8 PEM, mode 0600) and read back with the same kid', () => {
    const file = join(dir, 'nested', 'signing-key.pem');
    const created = loadSigningKey(file);
    expect(created.source).toBe('created');
    expect(readFileSync(file, 'utf8')).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const loaded = loadSigningKey(file);
    expect(loaded.source).toBe('loaded');
    expect(loaded.kid).toBe(created.kid);
    expect(loaded.jwk.n).toBe(created.jwk.n);
  });

  it('creates a private JWK when the file name ends in .json', () => {
    const file = join(dir, 'signing-key.json');
    const created = loadSigningKey(file);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({
      kty: 'RSA',
      n: created.jwk.n,
      d: expect.any(String),
    });
    expect(loadSigningKey(file).kid).toBe(created.kid);
  });

  it('reads a private JWK too', () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const file = join(dir, 'key.jwk.json');
    writeFileSync(file, JSON.stringify(privateKey.export({ format: 'jwk' })));
    const loaded = loadSigningKey(file);
    expect(loaded.jwk.n).toBe((privateKey.export({ format: 'jwk' }) as { n: string }).n);
  });

  it('refuses keys that keycloak-connect could not verify or that are too weak', () => {
    const ec = join(dir, 'ec.pem');
    writeFileSync(
      ec,
      generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ format: 'pem', type: 'pkcs8' }),
    );
    expect(() => loadSigningKey(ec)).toThrow('must be an RSA key');
    const small = join(dir, 'small.pem');
    writeFileSync(
      small,
      generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ format: 'pem', type: 'pkcs8' }),
    );
    expect(() => loadSigningKey(small)).toThrow('at least 2048 bits');
  });
});
