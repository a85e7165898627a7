/**
 * Typed, validated environment. Each app declares its variables once (name, kind, default,
 * description); `load` checks them all and reports every problem at once. The same declaration is
 * read by the deployment check, so docker-compose.yml and deploy/ cannot drift from the code.
 */
export type VariableKind = 'string' | 'port' | 'int' | 'url' | 'list' | 'boolean' | 'enum';

export interface VariableSpec<K extends VariableKind = VariableKind> {
  kind: K;
  description: string;
  /** Working local default; absent means required. */
  default?: string;
  /** For `enum`: allowed values. */
  values?: readonly string[];
  /** For `int`: lowest allowed value. */
  min?: number;
}

type ValueOf<S extends VariableSpec> = S['kind'] extends 'port' | 'int'
  ? number
  : S['kind'] extends 'list'
    ? string[]
    : S['kind'] extends 'boolean'
      ? boolean
      : string;

export type EnvSpec = Record<string, VariableSpec>;
export type Config<S extends EnvSpec> = { readonly [K in keyof S]: ValueOf<S[K]> };

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

function parse(name: string, spec: VariableSpec, raw: string, problems: string[]): unknown {
  switch (spec.kind) {
    case 'port':
    case 'int': {
      const value = Number(raw);
      const min = spec.kind === 'port' ? 0 : (spec.min ?? Number.MIN_SAFE_INTEGER);
      const max = spec.kind === 'port' ? 65535 : Number.MAX_SAFE_INTEGER;
      if (!/^-?\d+$/.test(raw.trim()) || value < min || value > max) {
        problems.push(`${name}: "${raw}" is not ${spec.kind === 'port' ? 'a port (0-65535)' : `an integer >= ${min}`}`);
      }
      return value;
    }
    case 'url':
      try {
        new URL(raw);
      } catch {
        problems.push(`${name}: "${raw}" is not a URL`);
      }
      return raw;
    case 'list':
      return raw
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean);
    case 'boolean':
      if (!/^(true|false|1|0|yes|no)$/i.test(raw)) problems.push(`${name}: "${raw}" is not true or false`);
      return /^(true|1|yes)$/i.test(raw);
    case 'enum':
      if (!spec.values?.includes(raw)) problems.push(`${name}: "${raw}" is not one of ${spec.values?.join(', ')}`);
      return raw;
    default:
      return raw;
  }
}

export interface EnvDefinition<S extends EnvSpec> {
  spec: S;
  load(env?: Record<string, string | undefined>): Config<S>;
}

export function defineEnv<S extends EnvSpec>(spec: S): EnvDefinition<S> {
  return {
    spec,
    load(env = process.env) {
      const problems: string[] = [];
      const config: Record<string, unknown> = {};
      for (const [name, variable] of Object.entries(spec)) {
        const raw = env[name] !== undefined && env[name] !== '' ? env[name] : variable.default;
        if (raw === undefined) {
          problems.push(`${name}: required (${variable.description})`);
          continue;
        }
        config[name] = parse(name, variable, raw, problems);
      }
      if (problems.length) throw new ConfigError(problems);
      return Object.freeze(config) as Config<S>;
    },
  };
}

/**
 * How an app reaches the identity provider (Keycloak; identity-dev locally) and who it is there:
 * its confidential client. The development secret `<client>-dev-secret` is what identity-dev gives
 * a client whose secret variable is unset; production sets the real one from a secret store.
 */
export function identityEnv(clientId: string) {
  return {
    KEYCLOAK_URL: {
      kind: 'url',
      default: 'http://127.0.0.1:8080',
      description: 'Keycloak base URL; tokens must be issued by <KEYCLOAK_URL>/realms/<KEYCLOAK_REALM> exactly.',
    },
    KEYCLOAK_REALM: { kind: 'string', default: 'seriktes', description: 'Keycloak realm.' },
    KEYCLOAK_CLIENT_ID: {
      kind: 'string',
      default: clientId,
      description: 'This app’s confidential client; access tokens must name it in their audience.',
    },
    KEYCLOAK_CLIENT_SECRET: {
      kind: 'string',
      default: `${clientId}-dev-secret`,
      description: 'Secret of that client, for service-to-service tokens (the default is identity-dev’s development secret).',
    },
    GRAPHQL_DEBUG: {
      kind: 'boolean',
      default: 'false',
      description: 'Development only: stack traces and internal messages in GraphQL errors, introspection.',
    },
  } as const satisfies EnvSpec;
}

/** The variables every service shares (architecture.md section 10), with local defaults. */
export function serviceEnv(defaultPort: number, service: string) {
  return {
    ...identityEnv(service),
    PORT: { kind: 'port', default: String(defaultPort), description: 'HTTP port (API, /health, /metrics).' },
    DATABASE_URL: {
      kind: 'url',
      default: 'postgres://postgres:postgres@127.0.0.1:5432/seriktes',
      description: 'PostgreSQL connection URL; the service uses its own schema in it.',
    },
    KAFKA_BROKERS: {
      kind: 'list',
      default: '127.0.0.1:9092',
      description: 'Comma-separated Kafka bootstrap brokers.',
    },
    KAFKA_TOPIC_PREFIX: {
      kind: 'string',
      default: '',
      description: 'Prefix put before every topic name, to share one cluster between environments.',
    },
    KAFKA_REQUEST_TIMEOUT_MS: {
      kind: 'int',
      min: 100,
      default: '10000',
      description: 'How long a Kafka request may take before it is retried.',
    },
    KAFKA_CONSUMER_MAX_WAIT_MS: {
      kind: 'int',
      min: 1,
      default: '5000',
      description: 'How long a consumer fetch waits for data (the local mock broker needs 100).',
    },
    KAFKA_SESSION_TIMEOUT_MS: {
      kind: 'int',
      min: 1000,
      default: '30000',
      description: 'Consumer group session timeout (the local mock broker needs 3000).',
    },
    KAFKA_HEARTBEAT_INTERVAL_MS: {
      kind: 'int',
      min: 100,
      default: '3000',
      description: 'Consumer heartbeat interval (the local mock broker needs 300).',
    },
    LOG_LEVEL: {
      kind: 'enum',
      default: 'info',
      values: ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'],
      description: 'Lowest log level written.',
    },
  } as const satisfies EnvSpec;
}
