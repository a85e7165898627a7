import { Webhook } from 'standardwebhooks';
import { generateSecret, secretKey, sign, signatureHeader, webhookHeaders } from './signing';

const BODY = JSON.stringify({ specversion: '1.0', id: 'e1', source: '/seriktes/partner-hub', type: 'kz.seriktes.citizen-request.registered.v1', data: { n: 'қазақ' } });

describe('Standard Webhooks signing', () => {
  it('matches the test vector of the Standard Webhooks specification', () => {
    expect(sign('whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', 'msg_p5jXN8AQM9LWM0D4loKWxJek', 1614265330, '{"test": 2432232314}')).toBe(
      'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
    );
  });

  it('generates 32-byte whsec_ secrets, each different', () => {
    const a = generateSecret();
    expect(a).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(secretKey(a)).toHaveLength(32);
    expect(generateSecret()).not.toBe(a);
  });

  it('refuses malformed secrets and message ids', () => {
    for (const bad of ['', 'whsec_', 'whsec_not base64!', 'whsec_' + Buffer.alloc(8).toString('base64'), 'whsec_' + Buffer.alloc(65).toString('base64'), 'whsec_QUJD']) {
      expect(() => secretKey(bad)).toThrow();
    }
    expect(secretKey(Buffer.alloc(24, 1).toString('base64'))).toHaveLength(24);
    const secret = generateSecret();
    expect(() => sign(secret, 'a.b', 1, '')).toThrow('message id');
    expect(() => sign(secret, 'msg\nx', 1, '')).toThrow('message id');
    expect(() => sign(secret, 'msg', 1.5, '')).toThrow('timestamp');
    expect(() => signatureHeader([], 'msg', 1, '')).toThrow();
  });

  it('produces headers the reference library verifies unchanged', () => {
    const secret = generateSecret();
    const now = Math.floor(Date.now() / 1000);
    const headers = webhookHeaders([secret], 'msg_2f1c9a0e6b7d', now, BODY);
    expect(Object.keys(headers).sort()).toEqual(['content-type', 'webhook-id', 'webhook-signature', 'webhook-timestamp']);
    expect(headers['content-type']).toBe('application/cloudevents+json');
    expect(headers['webhook-timestamp']).toBe(String(now));
    expect(new Webhook(secret).verify(BODY, headers)).toEqual(JSON.parse(BODY));
  });

  it('signs with every secret during a rotation, and each one verifies', () => {
    const [oldSecret, newSecret, other] = [generateSecret(), generateSecret(), generateSecret()];
    const now = Math.floor(Date.now() / 1000);
    const headers = webhookHeaders([newSecret, oldSecret], 'msg_rotation', now, BODY);
    expect(headers['webhook-signature'].split(' ')).toHaveLength(2);
    expect(headers['webhook-signature'].split(' ').every((s) => s.startsWith('v1,'))).toBe(true);
    expect(() => new Webhook(oldSecret).verify(BODY, headers)).not.toThrow();
    expect(() => new Webhook(newSecret).verify(BODY, headers)).not.toThrow();
    expect(() => new Webhook(other).verify(BODY, headers)).toThrow();
  });

  it('fails verification when the body, id or timestamp is tampered with', () => {
    const secret = generateSecret();
    const now = Math.floor(Date.now() / 1000);
    const headers = webhookHeaders([secret], 'msg_tamper', now, BODY);
    expect(() => new Webhook(secret).verify(BODY.replace('қазақ', 'kazak'), headers)).toThrow();
    expect(() => new Webhook(secret).verify(BODY + ' ', headers)).toThrow();
    expect(() => new Webhook(secret).verify(BODY, { ...headers, 'webhook-id': 'msg_other' })).toThrow();
    expect(() => new Webhook(secret).verify(BODY, { ...headers, 'webhook-timestamp': String(now - 1) })).toThrow();
  });
});
