import { ConfigError, defineEnv, serviceEnv } from './env';

describe('typed environment', () => {
  const env = defineEnv({
    ...serviceEnv(4101, 'citizen-requests'),
    FEATURE: { kind: 'boolean', default: 'false', description: 'A flag.' },
    REQUIRED: { kind: 'string', description: 'No default.' },
  });

  it('applies defaults and parses kinds', () => {
    const config = env.load({ REQUIRED: 'x', KAFKA_BROKERS: 'a:1, b:2', FEATURE: 'yes' });
    expect(config.PORT).toBe(4101);
    expect(config.KAFKA_BROKERS).toEqual(['a:1', 'b:2']);
    expect(config.FEATURE).toBe(true);
    expect(config.KAFKA_TOPIC_PREFIX).toBe('');
    expect(config.DATABASE_URL).toBe('postgres://postgres:postgres@127.0.0.1:5432/seriktes');
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('reports every problem at once', () => {
    let error: unknown;
    try {
      env.load({ PORT: '70000', DATABASE_URL: 'not a url', LOG_LEVEL: 'loud', KAFKA_SESSION_TIMEOUT_MS: '10', FEATURE: 'maybe' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toEqual([
      'PORT: "70000" is not a port (0-65535)',
      'DATABASE_URL: "not a url" is not a URL',
      'KAFKA_SESSION_TIMEOUT_MS: "10" is not an integer >= 1000',
      'LOG_LEVEL: "loud" is not one of fatal, error, warn, info, debug, trace, silent',
      'FEATURE: "maybe" is not true or false',
      'REQUIRED: required (No default.)',
    ]);
  });
});
