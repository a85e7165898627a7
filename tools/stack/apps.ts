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
}

/** Every service under apps/ (a folder with src/main.ts and src/config.ts), with its declared environment. */
export function serviceApps(): AppInfo[] {
  return readdirSync(join(WORKSPACE_ROOT, 'apps'), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .filter((d) => ['main.ts', 'config.ts'].every((f) => existsSync(join(WORKSPACE_ROOT, 'apps', d.name, 'src', f))))
    .map((d) => {
      // Launcher and checks read each app's declared environment as data; they do not use its code.
      const { env } = require(join(WORKSPACE_ROOT, 'apps', d.name, 'src', 'config.ts')) as {
        env: { spec: Record<string, VariableSpec> };
      };
      return { name: d.name, port: Number(env.spec.PORT.default), variables: env.spec };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}
