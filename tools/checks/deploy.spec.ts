/**
 * The production description (docker-compose.yml, Dockerfile, deploy/) cannot be run here (no
 * container engine), so this check keeps it true to the code instead: every service under apps/
 * is deployed (except development-only tools such as identity-dev, which never are), on the port
 * and with exactly the variables its src/config.ts declares, secrets only from Secrets or required
 * variables, one Keycloak issuer for all, every topic of the event catalogue exists with its
 * dead-letter topic, and nothing ever synchronizes a schema.
 * Each problem is reported as `<app>: <what is wrong>`, all at once.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import { deadLetterTopic, eventCatalogue } from '@seriktes/contracts';
import { apps, ROOT, type AppFacts } from './workspace';

// ---------------------------------------------------------------------------------------------
// The shapes read from the files (only the fields checked here).

type Environment = Record<string, string | number | boolean | null> | string[];
type DependsOn = string[] | Record<string, { condition?: string }>;

interface ComposeService {
  image?: string;
  build?: string | { context?: string; dockerfile?: string; args?: Record<string, string> | string[] };
  command?: string | string[];
  entrypoint?: string | string[];
  environment?: Environment;
  ports?: (string | number | { target?: number | string; published?: number | string })[];
  depends_on?: DependsOn;
  healthcheck?: { test?: string | string[] };
  volumes?: (string | { source?: string; target?: string })[];
}

interface ComposeFile {
  services?: Record<string, ComposeService>;
}

interface RealmFile {
  realm?: string;
  clients?: { clientId?: string; secret?: string; publicClient?: boolean }[];
}

interface K8sEnvVar {
  name: string;
  value?: string;
  valueFrom?: {
    secretKeyRef?: { name?: string; key?: string };
    configMapKeyRef?: { name?: string; key?: string };
  };
}

interface K8sProbe {
  httpGet?: { path?: string; port?: number | string };
}

interface K8sContainer {
  name?: string;
  image?: string;
  command?: string[];
  args?: string[];
  ports?: { name?: string; containerPort?: number }[];
  envFrom?: { configMapRef?: { name?: string }; secretRef?: { name?: string } }[];
  env?: K8sEnvVar[];
  readinessProbe?: K8sProbe;
  livenessProbe?: K8sProbe;
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
  securityContext?: { runAsNonRoot?: boolean; runAsUser?: number; allowPrivilegeEscalation?: boolean };
}

interface K8sPodSpec {
  terminationGracePeriodSeconds?: number;
  securityContext?: { runAsNonRoot?: boolean; runAsUser?: number };
  containers?: K8sContainer[];
}

interface K8sObject {
  apiVersion?: string;
  kind?: string;
  metadata?: { name?: string; namespace?: string; labels?: Record<string, string> };
  data?: Record<string, unknown>;
  stringData?: Record<string, string>;
  spec?: {
    selector?: Record<string, string> & { matchLabels?: Record<string, string> };
    ports?: { port?: number; targetPort?: number | string }[];
    template?: { metadata?: { labels?: Record<string, string> }; spec?: K8sPodSpec };
  };
}

interface TopicEntry {
  name?: string;
  partitions?: number;
  replicationFactor?: number;
}

// ---------------------------------------------------------------------------------------------
// Reading.

const COMPOSE_PATH = join(ROOT, 'docker-compose.yml');
const DOCKERFILE_PATH = join(ROOT, 'Dockerfile');
const DOCKERIGNORE_PATH = join(ROOT, '.dockerignore');
const DEPLOY_DIR = join(ROOT, 'deploy');
const K8S_DIR = join(DEPLOY_DIR, 'k8s');
const TOPICS_PATH = join(DEPLOY_DIR, 'kafka', 'topics.yaml');
const REALM_PATH = join(DEPLOY_DIR, 'keycloak', 'seriktes-realm.json');
const ENV_EXAMPLE_PATH = join(ROOT, '.env.example');

/** Secret variables: in Kubernetes from secretKeyRef of this Secret (key: the variable), never in a ConfigMap. */
const SECRET_VARIABLES: Record<string, (app: string) => string> = {
  DATABASE_URL: (app) => `${app}-database`,
  KEYCLOAK_CLIENT_SECRET: (app) => `${app}-keycloak`,
  PERSONAL_DATA_KEYS: (app) => `${app}-personal-data`,
  SURVEY_SECRET: (app) => `${app}-secrets`,
  HUB_SECRET_KEY: (app) => `${app}-secrets`,
};

/** The compose service of Keycloak, which the issuer (KEYCLOAK_URL) of every app names. */
const KEYCLOAK_SERVICE = 'keycloak';

const upperSnake = (name: string) => name.toUpperCase().replace(/-/g, '_');

/** The variable holding the secret of the app's Keycloak client: the realm file's placeholder for it. */
const clientSecretVariable = (app: string) => `SERIKTES_CLIENT_SECRET_${upperSnake(app)}`;

/** `${NAME:?message}` (or `${NAME:?}`): compose interpolation of NAME that stops compose when NAME is unset or empty. */
const requiredInterpolation = (name: string) => new RegExp(`^\\$\\{${name}:\\?[^}]*\\}$`);

function read(path: string): string {
  if (!existsSync(path)) throw new Error(`${relative(ROOT, path)} is missing`);
  return readFileSync(path, 'utf8');
}

function readYaml<T>(path: string): T {
  return parse(read(path), { prettyErrors: true }) as T;
}

function readYamlDocuments(path: string): K8sObject[] {
  return parseAllDocuments(read(path), { prettyErrors: true })
    .map((document) => {
      if (document.errors.length) {
        throw new Error(`${relative(ROOT, path)}: ${document.errors.map((e) => e.message).join('; ')}`);
      }
      return document.toJS() as K8sObject;
    })
    .filter((object) => object !== null);
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

const diff = (actual: Iterable<string>, expected: Iterable<string>) => {
  const have = new Set(actual);
  const want = new Set(expected);
  return {
    missing: [...want].filter((name) => !have.has(name)).sort(),
    undeclared: [...have].filter((name) => !want.has(name)).sort(),
  };
};

/** Problems with a set of variable names against the app's declaration, or none. */
function variableProblems(app: AppFacts, where: string, names: Iterable<string>): string[] {
  const { missing, undeclared } = diff(names, Object.keys(app.variables));
  const problems: string[] = [];
  if (missing.length)
    problems.push(`${app.name}: ${where} does not set declared variable(s) ${missing.join(', ')}`);
  if (undeclared.length) {
    problems.push(
      `${app.name}: ${where} sets variable(s) ${undeclared.join(', ')} that apps/${app.name}/src/config.ts does not declare`,
    );
  }
  return problems;
}

/** The environment of a compose service as written (a YAML number or boolean stays one). */
function composeRawEnvironment(service: ComposeService): Map<string, unknown> {
  const env = new Map<string, unknown>();
  if (Array.isArray(service.environment)) {
    for (const entry of service.environment) {
      const at = entry.indexOf('=');
      env.set(at < 0 ? entry : entry.slice(0, at), at < 0 ? '' : entry.slice(at + 1));
    }
  } else {
    for (const [name, value] of Object.entries(service.environment ?? {})) env.set(name, value);
  }
  return env;
}

function composeEnvironment(service: ComposeService): Map<string, string> {
  return new Map(
    [...composeRawEnvironment(service)].map(([name, value]) => [
      name,
      value === null || value === undefined ? '' : String(value),
    ]),
  );
}

function buildArgs(service: ComposeService): Record<string, string> {
  if (typeof service.build !== 'object' || !service.build.args) return {};
  const args = service.build.args;
  if (!Array.isArray(args)) return args;
  return Object.fromEntries(args.map((entry) => [entry.split('=')[0], entry.split('=').slice(1).join('=')]));
}

/** `[ip:]published:target[/protocol]` or the long syntax, as published/target numbers. */
function composePorts(service: ComposeService): { published?: number; target: number }[] {
  return (service.ports ?? []).map((port) => {
    if (typeof port === 'object') {
      return {
        published: port.published === undefined ? undefined : Number(port.published),
        target: Number(port.target),
      };
    }
    const parts = String(port).split('/')[0].split(':');
    const target = Number(parts[parts.length - 1]);
    return { published: parts.length > 1 ? Number(parts[parts.length - 2]) : undefined, target };
  });
}

const asText = (value: string | string[] | undefined) =>
  Array.isArray(value) ? value.join(' ') : (value ?? '');

function dependencyCondition(service: ComposeService, dependency: string): string | undefined {
  const dependsOn = service.depends_on;
  if (!dependsOn) return undefined;
  if (Array.isArray(dependsOn)) return dependsOn.includes(dependency) ? 'service_started' : undefined;
  const entry = dependsOn[dependency];
  return entry ? (entry.condition ?? 'service_started') : undefined;
}

const migrateCommand = (app: string) =>
  `node -r ./tools/register.js dist/apps/${app}/apps/${app}/src/migrate.js`;

/** The port number a probe or a Service targetPort means, resolving a named container port. */
function resolvePort(
  port: number | string | undefined,
  container: K8sContainer | undefined,
): number | undefined {
  if (typeof port === 'number') return port;
  if (port === undefined) return undefined;
  if (/^\d+$/.test(port)) return Number(port);
  return container?.ports?.find((p) => p.name === port)?.containerPort;
}

/** The variables a container gets, and problems with how its secret variables are given. */
function containerVariables(
  app: AppFacts,
  where: string,
  container: K8sContainer,
  objects: K8sObject[],
): { problems: string[] } {
  const names: string[] = [];
  const problems: string[] = [];
  const secrets = Object.keys(SECRET_VARIABLES).filter((name) => name in app.variables);
  for (const source of container.envFrom ?? []) {
    if (source.secretRef) {
      problems.push(
        `${app.name}: ${where} takes envFrom the Secret ${source.secretRef.name}: reference ${secrets.join(', ') || 'secret variables'} by secretKeyRef instead`,
      );
    }
    const configMapName = source.configMapRef?.name;
    if (!configMapName) continue;
    const configMap = objects.find((o) => o.kind === 'ConfigMap' && o.metadata?.name === configMapName);
    if (!configMap) {
      problems.push(
        `${app.name}: ${where} takes envFrom the ConfigMap ${configMapName}, which deploy/k8s/${app.name}.yaml does not define`,
      );
      continue;
    }
    names.push(...Object.keys(configMap.data ?? {}));
    if (configMap.data?.PORT !== undefined && Number(configMap.data.PORT) !== app.port) {
      problems.push(
        `${app.name}: ConfigMap ${configMapName} sets PORT=${String(configMap.data.PORT)}, expected ${app.port} (the PORT default)`,
      );
    }
    for (const [variable, secretName] of Object.entries(SECRET_VARIABLES)) {
      if (variable in (configMap.data ?? {})) {
        problems.push(
          `${app.name}: ConfigMap ${configMapName} holds ${variable}; it must come from the Secret ${secretName(app.name)}`,
        );
      }
    }
  }
  for (const variable of container.env ?? []) {
    names.push(variable.name);
    const secretName = SECRET_VARIABLES[variable.name]?.(app.name);
    if (secretName) {
      const ref = variable.valueFrom?.secretKeyRef;
      if (!ref || ref.name !== secretName || ref.key !== variable.name) {
        problems.push(
          `${app.name}: ${where} must take ${variable.name} from secretKeyRef of the Secret ${secretName}, key ${variable.name} (found ${JSON.stringify(variable)})`,
        );
      }
    }
  }
  const counted = names.filter((name, index) => names.indexOf(name) !== index);
  if (counted.length)
    problems.push(`${app.name}: ${where} sets ${[...new Set(counted)].join(', ')} more than once`);
  for (const variable of secrets) {
    if (!container.env?.some((v) => v.name === variable)) {
      problems.push(
        `${app.name}: ${where} has no env ${variable} with secretKeyRef to the Secret ${SECRET_VARIABLES[variable](app.name)}`,
      );
    }
  }
  return { problems: [...problems, ...variableProblems(app, where, names)] };
}

/** The plain values a container gets (ConfigMaps by envFrom or configMapKeyRef, and `value`), as written. */
function containerValues(container: K8sContainer, objects: K8sObject[]): Map<string, unknown> {
  const configMap = (name: string | undefined) =>
    objects.find((o) => o.kind === 'ConfigMap' && o.metadata?.name === name)?.data ?? {};
  const values = new Map<string, unknown>();
  for (const source of container.envFrom ?? []) {
    for (const [name, value] of Object.entries(configMap(source.configMapRef?.name))) values.set(name, value);
  }
  for (const variable of container.env ?? []) {
    const ref = variable.valueFrom?.configMapKeyRef;
    if (ref) values.set(variable.name, configMap(ref.name)[ref.key ?? '']);
    else if (!variable.valueFrom) values.set(variable.name, variable.value ?? '');
  }
  return values;
}

// ---------------------------------------------------------------------------------------------

const allApps = apps();
/** The apps that are deployed: every app but the development-only tools. */
const services = allApps.filter((app) => !app.developmentOnly);
const developmentOnly = allApps.filter((app) => app.developmentOnly);
const compose = readYaml<ComposeFile>(COMPOSE_PATH);
const composeServices = compose.services ?? {};

const realmText = read(REALM_PATH);
const realm = JSON.parse(realmText) as RealmFile;
/**
 * The `${NAME}` and `${NAME:default}` placeholders of the realm file, which Keycloak replaces from
 * its environment at import (lower-case `${...}` are Keycloak's message keys, not variables), with
 * whether they have a default.
 */
const realmPlaceholders = new Map<string, boolean>(
  [...realmText.matchAll(/\$\{([A-Z][A-Z0-9_]*)(:[^}]*)?\}/g)].map((m) => [m[1], m[2] !== undefined]),
);

/** `<OTHER_APP>_URL` variables of an app: the endpoint of another deployed app (the gateway's subgraphs). */
function peerUrlVariables(app: AppFacts): { variable: string; peer: AppFacts; url: string }[] {
  return Object.keys(app.variables).flatMap((variable) => {
    const peer = services.find(
      (other) => other.name !== app.name && variable === `${upperSnake(other.name)}_URL`,
    );
    return peer ? [{ variable, peer, url: `http://${peer.name}:${peer.port}/graphql` }] : [];
  });
}

/**
 * Problems with the values of an app's environment (compose or Kubernetes) that are the same
 * everywhere: GRAPHQL_DEBUG off, its own Keycloak client, the realm of the realm file, peer URLs.
 */
function valueProblems(app: AppFacts, where: string, values: Map<string, unknown>): string[] {
  const problems: string[] = [];
  const check = (variable: string, expected: string, why: string) => {
    if (!(variable in app.variables) || !values.has(variable)) return;
    const value = values.get(variable);
    if (value !== expected) {
      problems.push(
        `${app.name}: ${where} sets ${variable} to ${JSON.stringify(value)}, expected '${expected}' (${why})`,
      );
    }
  };
  check('GRAPHQL_DEBUG', 'false', 'a quoted string; debug output never leaves development');
  check('KEYCLOAK_CLIENT_ID', app.name, "the app's own confidential client in the realm");
  check(
    'KEYCLOAK_REALM',
    realm.realm ?? '(no realm in deploy/keycloak/seriktes-realm.json)',
    'the realm of deploy/keycloak/seriktes-realm.json',
  );
  for (const { variable, peer, url } of peerUrlVariables(app))
    check(variable, url, `the ${peer.name} service on its port, path /graphql`);
  return problems;
}

describe('deployment description (docker-compose.yml, Dockerfile, deploy/)', () => {
  it('finds the services to deploy, and the development-only tools that are not', () => {
    expect(services.map((a) => a.name)).toEqual(
      expect.arrayContaining(['citizen-requests', 'gateway', 'inspector-roster']),
    );
    expect(developmentOnly.map((a) => a.name)).toEqual(expect.arrayContaining(['identity-dev']));
    expect(services.filter((a) => a.database).map((a) => a.name)).toEqual(
      expect.arrayContaining(['citizen-requests', 'inspector-roster']),
    );
    expect(services.find((a) => a.name === 'gateway')?.database).toBe(false);
  });

  it('never deploys a development-only app (compose services, images, commands, deploy/k8s)', () => {
    const problems: string[] = [];
    for (const app of developmentOnly) {
      const why = `apps/${app.name}/src/config.ts exports developmentOnly, so it is never deployed`;
      const image = new RegExp(`(^|/)${app.name}(:|@|$)`);
      for (const [name, service] of Object.entries(composeServices)) {
        if (name === app.name || name.startsWith(`${app.name}-`))
          problems.push(`${app.name}: docker-compose.yml has a service "${name}"; ${why}`);
        else if (buildArgs(service).APP === app.name)
          problems.push(`${app.name}: compose service "${name}" builds APP=${app.name}; ${why}`);
        else if (image.test(service.image ?? ''))
          problems.push(`${app.name}: compose service "${name}" runs the image ${service.image}; ${why}`);
        else if (`${asText(service.command)} ${asText(service.entrypoint)}`.includes(`apps/${app.name}/`))
          problems.push(`${app.name}: compose service "${name}" runs apps/${app.name}; ${why}`);
      }
      for (const file of readdirSync(K8S_DIR)) {
        if (file.replace(/\.ya?ml$/, '') === app.name) {
          problems.push(`${app.name}: deploy/k8s/${file} exists; ${why}`);
          continue;
        }
        for (const object of readYamlDocuments(join(K8S_DIR, file))) {
          const name = object.metadata?.name ?? '';
          const containers = object.spec?.template?.spec?.containers ?? [];
          if (name === app.name || name.startsWith(`${app.name}-`))
            problems.push(`${app.name}: deploy/k8s/${file} defines ${object.kind} ${name}; ${why}`);
          else if (containers.some((c) => image.test(c.image ?? '')))
            problems.push(`${app.name}: deploy/k8s/${file} ${object.kind} ${name} runs its image; ${why}`);
          else if (
            containers.some((c) =>
              [...(c.command ?? []), ...(c.args ?? [])].join(' ').includes(`apps/${app.name}/`),
            )
          )
            problems.push(
              `${app.name}: deploy/k8s/${file} ${object.kind} ${name} runs apps/${app.name}; ${why}`,
            );
        }
      }
    }
    expect(problems).toEqual([]);
  });

  describe.each(services.map((app) => [app.name, app] as const))('%s', (_name, app) => {
    it('runs in docker-compose.yml on its port with exactly its variables, after what it needs', () => {
      const problems: string[] = [];
      const service = composeServices[app.name];
      if (!service) {
        expect([`${app.name}: docker-compose.yml has no service "${app.name}"`]).toEqual([]);
        return;
      }
      if (
        typeof service.build !== 'object' ||
        (service.build.context ?? '.') !== '.' ||
        (service.build.dockerfile ?? 'Dockerfile') !== 'Dockerfile'
      ) {
        problems.push(
          `${app.name}: compose service must build from the root Dockerfile (build: { context: ., args: { APP: ${app.name} } })`,
        );
      }
      if (buildArgs(service).APP !== app.name) {
        problems.push(
          `${app.name}: compose build args APP is ${JSON.stringify(buildArgs(service).APP)}, expected "${app.name}"`,
        );
      }
      const ports = composePorts(service);
      if (!ports.some((p) => p.target === app.port && p.published === app.port)) {
        const found = ports.map((p) => `${p.published ?? '(none)'}:${p.target}`).join(', ') || 'none';
        problems.push(
          `${app.name}: compose publishes port(s) ${found}, expected ${app.port}:${app.port} (the PORT default)`,
        );
      }
      const env = composeEnvironment(service);
      problems.push(...variableProblems(app, 'compose service environment', env.keys()));
      if (env.has('PORT') && Number(env.get('PORT')) !== app.port) {
        problems.push(
          `${app.name}: compose sets PORT=${env.get('PORT')}, expected ${app.port} (the PORT default)`,
        );
      }
      const healthcheck = asText(service.healthcheck?.test);
      if (!healthcheck.includes(`:${app.port}/health/live`)) {
        problems.push(
          `${app.name}: compose healthcheck must GET :${app.port}/health/live (found ${JSON.stringify(healthcheck)})`,
        );
      }
      const dependencies: [string, string][] = [
        ...(app.database
          ? [
              ['postgres', 'service_healthy'],
              [`${app.name}-migrate`, 'service_completed_successfully'],
            ]
          : []),
        ...('KAFKA_BROKERS' in app.variables ? [['kafka-init', 'service_completed_successfully']] : []),
        ...('KEYCLOAK_URL' in app.variables ? [[KEYCLOAK_SERVICE, 'service_healthy']] : []),
        ...peerUrlVariables(app).map(({ peer }) => [peer.name, 'service_healthy']),
      ] as [string, string][];
      for (const [dependency, condition] of dependencies) {
        const found = dependencyCondition(service, dependency);
        if (found !== condition)
          problems.push(
            `${app.name}: compose depends_on ${dependency} must have condition ${condition} (found ${found ?? 'none'})`,
          );
      }

      const environments: [string, ComposeService][] = [['compose service environment', service]];
      const migrate = composeServices[`${app.name}-migrate`];
      if (!app.database) {
        if (migrate) {
          problems.push(
            `${app.name}: docker-compose.yml has a service "${app.name}-migrate", but ${app.name} has no database (no DATABASE_URL) to migrate`,
          );
        }
      } else if (!migrate) {
        problems.push(`${app.name}: docker-compose.yml has no one-shot service "${app.name}-migrate"`);
      } else {
        environments.push([`compose service ${app.name}-migrate environment`, migrate]);
        if (buildArgs(migrate).APP !== app.name && migrate.image !== service.image) {
          problems.push(
            `${app.name}: ${app.name}-migrate must run the image of ${app.name} (same build args APP or image)`,
          );
        }
        if (asText(migrate.command) !== migrateCommand(app.name)) {
          problems.push(
            `${app.name}: ${app.name}-migrate command is ${JSON.stringify(asText(migrate.command))}, expected "${migrateCommand(app.name)}"`,
          );
        }
        problems.push(
          ...variableProblems(
            app,
            `compose service ${app.name}-migrate environment`,
            composeEnvironment(migrate).keys(),
          ),
        );
        if (dependencyCondition(migrate, 'postgres') !== 'service_healthy') {
          problems.push(
            `${app.name}: ${app.name}-migrate must depend on postgres with condition service_healthy`,
          );
        }
      }

      for (const [where, definition] of environments) {
        const values = composeRawEnvironment(definition);
        problems.push(...valueProblems(app, where, values));
        if ('KEYCLOAK_CLIENT_SECRET' in app.variables && values.has('KEYCLOAK_CLIENT_SECRET')) {
          const variable = clientSecretVariable(app.name);
          const value = values.get('KEYCLOAK_CLIENT_SECRET');
          if (typeof value !== 'string' || !requiredInterpolation(variable).test(value)) {
            problems.push(
              `${app.name}: ${where} sets KEYCLOAK_CLIENT_SECRET to ${JSON.stringify(value)}; it must be "\${${variable}:?<message>}" (never a literal or a default: compose stops when it is unset, and Keycloak gets the same variable)`,
            );
          }
        }
      }
      expect([...new Set(problems)]).toEqual([]);
    });

    it('has a confidential client in the realm whose secret placeholder is the variable compose gives it', () => {
      if (!('KEYCLOAK_CLIENT_SECRET' in app.variables)) return;
      const client = realm.clients?.find((c) => c.clientId === app.name);
      const placeholder = `\${${clientSecretVariable(app.name)}}`;
      const problems: string[] = [];
      if (!client)
        problems.push(`${app.name}: deploy/keycloak/seriktes-realm.json has no client "${app.name}"`);
      else if (client.publicClient !== false || client.secret !== placeholder)
        problems.push(
          `${app.name}: realm client "${app.name}" must be confidential with secret "${placeholder}" (found publicClient ${String(client.publicClient)}, secret ${JSON.stringify(client.secret)})`,
        );
      expect(problems).toEqual([]);
    });

    it(`has a ConfigMap, Deployment, Service (and a migration Job if it has a database) in deploy/k8s with its port and exactly its variables`, () => {
      const file = join(K8S_DIR, `${app.name}.yaml`);
      if (!existsSync(file)) {
        expect([`${app.name}: deploy/k8s/${app.name}.yaml is missing`]).toEqual([]);
        return;
      }
      const objects = readYamlDocuments(file);
      const problems: string[] = [];
      const find = (kind: string, name: string) =>
        objects.find((o) => o.kind === kind && o.metadata?.name === name);
      const deployment = find('Deployment', app.name);
      const service = find('Service', app.name);
      const job = find('Job', `${app.name}-migrate`);
      if (!objects.some((o) => o.kind === 'ConfigMap'))
        problems.push(`${app.name}: deploy/k8s/${app.name}.yaml has no ConfigMap`);
      if (!deployment)
        problems.push(`${app.name}: deploy/k8s/${app.name}.yaml has no Deployment "${app.name}"`);
      if (!service) problems.push(`${app.name}: deploy/k8s/${app.name}.yaml has no Service "${app.name}"`);
      if (app.database && !job)
        problems.push(`${app.name}: deploy/k8s/${app.name}.yaml has no Job "${app.name}-migrate"`);
      for (const object of objects) {
        if (!app.database && object.kind === 'Job')
          problems.push(
            `${app.name}: deploy/k8s/${app.name}.yaml has a Job ${object.metadata?.name}, but ${app.name} has no database (no DATABASE_URL) to migrate`,
          );
        if (object.kind === 'Secret')
          problems.push(
            `${app.name}: deploy/k8s/${app.name}.yaml defines a Secret; secret values stay out of the repository`,
          );
        if (object.kind === 'ConfigMap') {
          for (const [name, value] of Object.entries(object.data ?? {})) {
            if (typeof value !== 'string')
              problems.push(
                `${app.name}: ConfigMap ${object.metadata?.name} sets ${name} to the ${typeof value} ${JSON.stringify(value)}; ConfigMap values must be quoted strings`,
              );
          }
        }
      }

      const pod = deployment?.spec?.template?.spec;
      const container = pod?.containers?.[0];
      if (deployment && !container) problems.push(`${app.name}: Deployment has no container`);
      if (deployment && container) {
        if (!container.ports?.some((p) => p.containerPort === app.port)) {
          problems.push(
            `${app.name}: Deployment containerPort is ${container.ports?.map((p) => p.containerPort).join(', ') || 'none'}, expected ${app.port}`,
          );
        }
        for (const [probeName, probe, path] of [
          ['readinessProbe', container.readinessProbe, '/health'],
          ['livenessProbe', container.livenessProbe, '/health/live'],
        ] as const) {
          const port = resolvePort(probe?.httpGet?.port, container);
          if (probe?.httpGet?.path !== path || port !== app.port) {
            problems.push(
              `${app.name}: Deployment ${probeName} must GET ${path} on port ${app.port} (found ${probe?.httpGet?.path ?? 'none'} on ${port ?? 'none'})`,
            );
          }
        }
        problems.push(...containerVariables(app, 'Deployment', container, objects).problems);
        problems.push(...valueProblems(app, 'Deployment', containerValues(container, objects)));
        if (!container.resources?.requests || !container.resources?.limits)
          problems.push(`${app.name}: Deployment container needs resources requests and limits`);
        if (pod?.terminationGracePeriodSeconds !== 30) {
          problems.push(
            `${app.name}: Deployment terminationGracePeriodSeconds is ${pod?.terminationGracePeriodSeconds ?? 'unset'}, expected 30`,
          );
        }
        const nonRoot =
          pod?.securityContext?.runAsNonRoot === true || container.securityContext?.runAsNonRoot === true;
        if (!nonRoot) problems.push(`${app.name}: Deployment must set securityContext runAsNonRoot: true`);
        if (container.securityContext?.allowPrivilegeEscalation !== false) {
          problems.push(`${app.name}: Deployment container must set allowPrivilegeEscalation: false`);
        }
      }

      if (service) {
        const ports = service.spec?.ports ?? [];
        const matching = ports.find((p) => p.port === app.port);
        if (!matching) {
          problems.push(
            `${app.name}: Service port is ${ports.map((p) => p.port).join(', ') || 'none'}, expected ${app.port}`,
          );
        } else if (resolvePort(matching.targetPort ?? matching.port, container) !== app.port) {
          problems.push(
            `${app.name}: Service targetPort ${matching.targetPort} does not reach container port ${app.port}`,
          );
        }
        const labels = deployment?.spec?.template?.metadata?.labels ?? {};
        const selector = { ...(service.spec?.selector ?? {}) };
        if (
          !Object.keys(selector).length ||
          !Object.entries(selector).every(([key, value]) => labels[key] === value)
        ) {
          problems.push(
            `${app.name}: Service selector ${JSON.stringify(selector)} does not select the Deployment's pods`,
          );
        }
      }

      const jobContainer = app.database ? job?.spec?.template?.spec?.containers?.[0] : undefined;
      if (app.database && job && !jobContainer)
        problems.push(`${app.name}: Job ${app.name}-migrate has no container`);
      if (job && jobContainer) {
        const command = [...(jobContainer.command ?? []), ...(jobContainer.args ?? [])].join(' ');
        if (command !== migrateCommand(app.name)) {
          problems.push(
            `${app.name}: Job ${app.name}-migrate runs ${JSON.stringify(command)}, expected "${migrateCommand(app.name)}"`,
          );
        }
        if (container && jobContainer.image !== container.image) {
          problems.push(
            `${app.name}: Job ${app.name}-migrate image ${jobContainer.image} differs from the Deployment's ${container.image}`,
          );
        }
        problems.push(...containerVariables(app, `Job ${app.name}-migrate`, jobContainer, objects).problems);
        problems.push(
          ...valueProblems(app, `Job ${app.name}-migrate`, containerValues(jobContainer, objects)),
        );
        const jobPod = job.spec?.template?.spec;
        if (
          jobPod?.securityContext?.runAsNonRoot !== true &&
          jobContainer.securityContext?.runAsNonRoot !== true
        ) {
          problems.push(`${app.name}: Job ${app.name}-migrate must set securityContext runAsNonRoot: true`);
        }
      }
      expect([...new Set(problems)]).toEqual([]);
    });
  });

  describe('identity (Keycloak)', () => {
    const keycloak = composeServices[KEYCLOAK_SERVICE];
    const keycloakEnv = keycloak ? composeRawEnvironment(keycloak) : new Map<string, unknown>();

    it('reads the secret placeholders of the realm file', () => {
      expect(
        [...realmPlaceholders.keys()].filter((name) => name.startsWith('SERIKTES_CLIENT_SECRET_')),
      ).toEqual(expect.arrayContaining(services.map((app) => clientSecretVariable(app.name))));
    });

    it('gives the compose keycloak service every placeholder of the realm file, from the variable the service uses', () => {
      const problems: string[] = [];
      for (const [name, hasDefault] of realmPlaceholders) {
        const value = keycloakEnv.get(name);
        if (value === undefined && !hasDefault) {
          problems.push(
            `keycloak: compose does not pass ${name}, a placeholder of deploy/keycloak/seriktes-realm.json without default (Keycloak would import the text "\${${name}}" as the secret)`,
          );
        } else if (!hasDefault && (typeof value !== 'string' || !requiredInterpolation(name).test(value))) {
          problems.push(
            `keycloak: compose sets ${name} to ${JSON.stringify(value)}; it must be "\${${name}:?<message>}" (the variable the service's KEYCLOAK_CLIENT_SECRET reads, required)`,
          );
        }
      }
      expect(problems).toEqual([]);
    });

    it('gives every app in compose one issuer: KEYCLOAK_URL is the KC_HOSTNAME of keycloak, reachable in the network', () => {
      const problems: string[] = [];
      const hostname = keycloakEnv.get('KC_HOSTNAME');
      const port = String(keycloakEnv.get('KC_HTTP_PORT') ?? '8080');
      const expected = `http://${KEYCLOAK_SERVICE}:${port}`;
      if (hostname !== expected) {
        problems.push(
          `keycloak: compose KC_HOSTNAME is ${JSON.stringify(hostname)}, expected "${expected}" (the full URL fixes the issuer for tokens fetched from the host and from services)`,
        );
      }
      for (const app of services.filter((a) => 'KEYCLOAK_URL' in a.variables)) {
        for (const name of [app.name, ...(app.database ? [`${app.name}-migrate`] : [])]) {
          const service = composeServices[name];
          if (!service) continue; // reported by the app's own test
          const env = composeRawEnvironment(service);
          if (!env.has('KEYCLOAK_URL')) continue; // a missing variable: reported by the app's own test
          const value = env.get('KEYCLOAK_URL');
          if (value !== expected) {
            problems.push(
              `${app.name}: compose service ${name} sets KEYCLOAK_URL to ${JSON.stringify(value)}, expected "${expected}" (keycloak's KC_HOSTNAME: the issuer must match exactly)`,
            );
          }
        }
      }
      expect(problems).toEqual([]);
    });

    it('gives every app in deploy/k8s the same https KEYCLOAK_URL (the public issuer)', () => {
      const found: { app: string; where: string; value: unknown }[] = [];
      for (const app of services.filter((a) => 'KEYCLOAK_URL' in a.variables)) {
        const file = join(K8S_DIR, `${app.name}.yaml`);
        if (!existsSync(file)) continue; // reported by the app's own test
        const objects = readYamlDocuments(file);
        for (const object of objects.filter((o) => o.kind === 'Deployment' || o.kind === 'Job')) {
          for (const container of object.spec?.template?.spec?.containers ?? []) {
            const values = containerValues(container, objects);
            if (!values.has('KEYCLOAK_URL')) continue; // a missing variable: reported by the app's own test
            const value = values.get('KEYCLOAK_URL');
            found.push({ app: app.name, where: `${object.kind} ${object.metadata?.name}`, value });
          }
        }
      }
      const counts = new Map<unknown, number>();
      for (const { value } of found) counts.set(value, (counts.get(value) ?? 0) + 1);
      const common = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
      const problems: string[] = [];
      for (const { app, where, value } of found) {
        if (typeof value !== 'string' || !/^https:\/\/[^/]+/.test(value) || value.endsWith('/'))
          problems.push(
            `${app}: ${where} sets KEYCLOAK_URL to ${JSON.stringify(value)}; it must be the public https base URL of Keycloak, without trailing slash`,
          );
        else if (value !== common)
          problems.push(
            `${app}: ${where} sets KEYCLOAK_URL to "${value}", others use ${JSON.stringify(common)} (the issuer must be the same for every app)`,
          );
      }
      expect(problems).toEqual([]);
    });
  });

  it('has no compose service or k8s manifest for an app that does not exist', () => {
    const known = new Set(allApps.map((a) => a.name)); // development-only apps: see the test above
    const infrastructure = new Set(['kafka', 'kafka-init', 'postgres', 'keycloak']);
    const problems: string[] = [];
    for (const name of Object.keys(composeServices)) {
      const app = name.replace(/-migrate$/, '');
      if (!infrastructure.has(name) && !known.has(app))
        problems.push(`${name}: compose service for no app under apps/ with src/config.ts`);
    }
    for (const file of readdirSync(K8S_DIR)) {
      const name = file.replace(/\.ya?ml$/, '');
      if (name !== 'namespace' && !known.has(name))
        problems.push(`${name}: deploy/k8s/${file} is for no app under apps/ with src/config.ts`);
    }
    expect(problems).toEqual([]);
  });

  it('puts every Kubernetes object in the namespace of deploy/k8s/namespace.yaml', () => {
    const namespaces = readYamlDocuments(join(K8S_DIR, 'namespace.yaml')).filter(
      (o) => o.kind === 'Namespace',
    );
    expect(namespaces).toHaveLength(1);
    const namespace = namespaces[0].metadata?.name;
    const problems: string[] = [];
    for (const file of readdirSync(K8S_DIR).filter((f) => f !== 'namespace.yaml')) {
      for (const object of readYamlDocuments(join(K8S_DIR, file))) {
        if (object.metadata?.namespace !== namespace) {
          problems.push(
            `deploy/k8s/${file}: ${object.kind} ${object.metadata?.name} is in namespace ${object.metadata?.namespace ?? '(none)'}, expected ${namespace}`,
          );
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('runs Kafka (KRaft, no topic auto-creation), PostgreSQL 15 and Keycloak 26 in compose', () => {
    const problems: string[] = [];
    const kafka = composeServices.kafka;
    const kafkaEnv = kafka ? composeEnvironment(kafka) : new Map<string, string>();
    if (!kafka?.image?.startsWith('apache/kafka:'))
      problems.push(`kafka: compose service must use an apache/kafka image (found ${kafka?.image})`);
    if (kafkaEnv.get('KAFKA_AUTO_CREATE_TOPICS_ENABLE') !== 'false')
      problems.push('kafka: KAFKA_AUTO_CREATE_TOPICS_ENABLE must be "false"');
    if (
      !/broker/.test(kafkaEnv.get('KAFKA_PROCESS_ROLES') ?? '') ||
      !/controller/.test(kafkaEnv.get('KAFKA_PROCESS_ROLES') ?? '')
    ) {
      problems.push('kafka: KAFKA_PROCESS_ROLES must be broker,controller (KRaft, one node)');
    }
    const postgres = composeServices.postgres;
    if (!postgres?.image?.startsWith('postgres:15'))
      problems.push(`postgres: compose service must use postgres:15 (found ${postgres?.image})`);
    if (!postgres?.healthcheck?.test) problems.push('postgres: compose service needs a healthcheck');
    const keycloak = composeServices.keycloak;
    if (!/^quay\.io\/keycloak\/keycloak:26(\.|$)/.test(keycloak?.image ?? '')) {
      problems.push(
        `keycloak: compose service must use quay.io/keycloak/keycloak:26.x (found ${keycloak?.image})`,
      );
    }
    if (!/start-dev.*--import-realm/.test(asText(keycloak?.command)))
      problems.push('keycloak: must start with start-dev --import-realm');
    const mounts = (keycloak?.volumes ?? []).map((v) =>
      typeof v === 'string' ? v : `${v.source}:${v.target}`,
    );
    if (!mounts.some((m) => /^\.\/deploy\/keycloak\/?:\/opt\/keycloak\/data\/import(:|$)/.test(m))) {
      problems.push('keycloak: must mount ./deploy/keycloak at /opt/keycloak/data/import');
    }
    expect(problems).toEqual([]);
  });

  describe('Kafka topics', () => {
    const topics = readYaml<{ topics?: TopicEntry[] }>(TOPICS_PATH).topics ?? [];
    const catalogueTopics = [...new Set(eventCatalogue().map((event) => event.topic))];

    it('reads the event catalogue', () => {
      expect(catalogueTopics.length).toBeGreaterThan(0);
    });

    it('lists every topic of the event catalogue and its dead-letter topic, with partitions and replication', () => {
      const problems: string[] = [];
      const listed = topics.map((t) => t.name ?? '');
      for (const topic of catalogueTopics) {
        for (const name of [topic, deadLetterTopic(topic)]) {
          if (!listed.includes(name))
            problems.push(
              `deploy/kafka/topics.yaml misses topic ${name} (event catalogue, libs/contracts/src/events)`,
            );
        }
      }
      for (const entry of topics) {
        if (!entry.name)
          problems.push(`deploy/kafka/topics.yaml has an entry without a name: ${JSON.stringify(entry)}`);
        if (!Number.isInteger(entry.partitions) || (entry.partitions ?? 0) < 1)
          problems.push(`${entry.name}: partitions must be a positive integer`);
        if (!Number.isInteger(entry.replicationFactor) || (entry.replicationFactor ?? 0) < 1)
          problems.push(`${entry.name}: replicationFactor must be a positive integer`);
        if (listed.filter((name) => name === entry.name).length > 1)
          problems.push(`${entry.name}: listed more than once`);
      }
      expect([...new Set(problems)]).toEqual([]);
    });

    it('are created by the compose kafka-init service, with the same partitions', () => {
      const init = composeServices['kafka-init'];
      const script = `${asText(init?.entrypoint)} ${asText(init?.command)}`;
      const created = new Map<string, number>();
      for (const line of script.split('\n')) {
        if (!/kafka-topics\.sh/.test(line) || !/--create/.test(line)) continue;
        const topic = /--topic[ =](\S+)/.exec(line)?.[1];
        const partitions = /--partitions[ =](\d+)/.exec(line)?.[1];
        if (topic) created.set(topic, Number(partitions));
        if (topic && !/--if-not-exists/.test(line))
          created.set(`${topic} (without --if-not-exists)`, Number(partitions));
      }
      const problems: string[] = [];
      if (!init?.image?.startsWith('apache/kafka:'))
        problems.push('kafka-init: must run the apache/kafka image');
      if (dependencyCondition(init ?? {}, 'kafka') !== 'service_healthy')
        problems.push('kafka-init: must depend on kafka with condition service_healthy');
      for (const entry of topics) {
        const name = entry.name ?? '';
        if (!created.has(name))
          problems.push(`kafka-init: does not create topic ${name} of deploy/kafka/topics.yaml`);
        else if (created.get(name) !== entry.partitions)
          problems.push(
            `kafka-init: creates ${name} with ${created.get(name)} partitions, topics.yaml says ${entry.partitions}`,
          );
      }
      for (const name of created.keys()) {
        if (!topics.some((t) => t.name === name))
          problems.push(`kafka-init: creates ${name}, which deploy/kafka/topics.yaml does not list`);
      }
      expect(problems).toEqual([]);
    });
  });

  it('lists every variable docker-compose.yml interpolates in .env.example, without a value', () => {
    const withoutComments = read(COMPOSE_PATH).replace(/^\s*#.*$/gm, '');
    const interpolated = new Set(
      [...withoutComments.matchAll(/\$\{([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1]),
    );
    const listed = new Map(
      read(ENV_EXAMPLE_PATH)
        .split('\n')
        .map((line) => /^\s*([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(line))
        .filter((m) => m !== null)
        .map((m) => [m[1], m[2].trim()]),
    );
    const problems: string[] = [];
    for (const name of interpolated) {
      if (!listed.has(name))
        problems.push(`.env.example: does not list ${name}, which docker-compose.yml reads`);
    }
    for (const [name, value] of listed) {
      if (!interpolated.has(name))
        problems.push(`.env.example: lists ${name}, which docker-compose.yml does not read`);
      if (value)
        problems.push(`.env.example: gives ${name} a value; it lists names only (secrets go in .env)`);
    }
    expect(problems).toEqual([]);
  });

  it('never mentions synchronize (schema changes are migrations)', () => {
    const files = [COMPOSE_PATH, DOCKERFILE_PATH, DOCKERIGNORE_PATH, ...filesUnder(DEPLOY_DIR)];
    const offending = files
      .filter((file) => /synchroni[sz]e/i.test(read(file)))
      .map((file) => `${relative(ROOT, file)} mentions synchronize`);
    expect(offending).toEqual([]);
  });

  it('builds each image with nx from the one root Dockerfile and runs it through tools/register.js as non-root', () => {
    const dockerfile = read(DOCKERFILE_PATH);
    const problems: string[] = [];
    if (!/node:20-bookworm-slim/.test(dockerfile))
      problems.push('Dockerfile: base image must be node:20-bookworm-slim');
    if ((dockerfile.match(/^FROM\s/gm) ?? []).length < 2)
      problems.push('Dockerfile: must be multi-stage (build, runtime)');
    if (!/nx run \$\{?APP\}?:build/.test(dockerfile))
      problems.push('Dockerfile: must build with `nx run ${APP}:build`');
    if (!/npm prune --omit=dev/.test(dockerfile))
      problems.push('Dockerfile: must prune dev dependencies (npm prune --omit=dev)');
    const cmd = /^CMD\s+(.*)$/m.exec(dockerfile)?.[1] ?? '';
    if (
      !/tools\/register\.js/.test(cmd) ||
      !/dist\/apps\/\$\{?APP\}?\/apps\/\$\{?APP\}?\/src\/main\.js/.test(cmd)
    ) {
      problems.push(
        `Dockerfile: CMD must run node -r ./tools/register.js dist/apps/$APP/apps/$APP/src/main.js (found ${cmd || 'none'})`,
      );
    }
    if (!/^COPY\b.*tools\/register\.js/m.test(dockerfile))
      problems.push('Dockerfile: runtime stage must copy tools/register.js');
    const users = [...dockerfile.matchAll(/^USER\s+(\S+)/gm)].map((m) => m[1]);
    if (!users.length || /^(root|0)(:|$)/.test(users[users.length - 1]))
      problems.push('Dockerfile: the runtime stage must switch to a non-root USER');
    const ignored = read(DOCKERIGNORE_PATH)
      .split('\n')
      .map((line) => line.trim());
    for (const entry of ['node_modules', 'dist']) {
      if (!ignored.includes(entry)) problems.push(`.dockerignore: must exclude ${entry}`);
    }
    expect(problems).toEqual([]);
  });
});
