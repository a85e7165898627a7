import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { WORKSPACE_ROOT } from '@seriktes/testing';

export interface VariableSpec {
  kind: string;
  description: string;
  default?: string;
}

export interface AppInfo {
  name: string;
  /** Its default HTTP port (the PORT default). */
  port: number;
  /** Every variable the app reads, from `apps/<name>/src/config.ts` (`env.spec`). */
  variables: Record<string, VariableSpec>;
  /**
   * A development and test tool (its config module exports `developmentOnly = true`, e.g.
   * identity-dev): the launcher runs it, but it is never deployed (docker-compose.yml, deploy/).
   */
  developmentOnly: boolean;
  /** It has a database (declares `DATABASE_URL`), hence migrations and a `<name>-migrate` step. */
  database: boolean;
}

/** Every service under apps/ (a folder with src/main.ts and src/config.ts), with its declared environment. */
export function serviceApps(): AppInfo[] {
  return readdirSync(join(WORKSPACE_ROOT, 'apps'), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .filter((d) => ['main.ts', 'config.ts'].every((f) => existsSync(join(WORKSPACE_ROOT, 'apps', d.name, 'src', f))))
    .map((d) => {
      // Launcher and checks read each app's declared environment as data; they do not use its code.
      const { env, developmentOnly } = require(join(WORKSPACE_ROOT, 'apps', d.name, 'src', 'config.ts')) as {
        env: { spec: Record<string, VariableSpec> };
        developmentOnly?: unknown;
      };
      return {
        name: d.name,
        port: Number(env.spec.PORT.default),
        variables: env.spec,
        developmentOnly: developmentOnly === true,
        database: 'DATABASE_URL' in env.spec,
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}
