import { Logger } from '@nestjs/common';
import { LoggingSender, maskRecipient, redactSecrets } from './notify';

describe('the logging sender', () => {
  afterEach(() => jest.restoreAllMocks());

  it('logs what it would send with the recipient masked and the secrets redacted, and keeps the message whole', async () => {
    const log = jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
    const sender = new LoggingSender('sms');
    const url = 'https://surveys.seriktes.kz/i/q8ZxW2vN7rT4yP1s';
    const message = { to: '+77012345678', subject: 'Survey', text: `Rate us: ${url}`, reference: 'n-1', secrets: [url] };
    await sender.send(message);
    expect(sender.sent).toEqual([message]);
    const line = log.mock.calls.map((call) => String(call[0])).join('\n');
    expect(line).toContain('+7701***5678');
    expect(line).toContain('Rate us: [redacted]');
    expect(line).not.toContain('q8ZxW2vN7rT4yP1s');
  });

  it('redacts every occurrence and ignores empty secrets', () => {
    expect(redactSecrets('a X b X', ['X', ''])).toBe('a [redacted] b [redacted]');
    expect(redactSecrets('nothing secret')).toBe('nothing secret');
    expect(maskRecipient('aigerim@example.kz')).toBe('a***@example.kz');
  });
});
