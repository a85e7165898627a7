import { SecretBox } from './secret-box';

describe('SecretBox', () => {
  it('opens what it sealed, and nothing sealed under another key or tampered with', () => {
    const box = new SecretBox('key-a');
    const sealed = box.seal('whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw');
    expect(sealed).not.toContain('MfKQ9r8');
    expect(box.open(sealed)).toBe('whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw');
    expect(() => new SecretBox('key-b').open(sealed)).toThrow();
    const parts = sealed.split('.');
    parts[3] = Buffer.from('whsec_other').toString('base64url');
    expect(() => box.open(parts.join('.'))).toThrow();
  });

  it('seals the same secret differently each time (random IV)', () => {
    const box = new SecretBox('key');
    expect(box.seal('x')).not.toBe(box.seal('x'));
  });
});
