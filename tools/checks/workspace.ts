/** Facts about the workspace that checks read: the root and the apps with their declared environment. */
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '..', '..');

export interface VariableSpec {
  kind: string;
  description: string;
  default?: string;
}

export interface AppFacts {
  name: string;
  /** Every variable the app reads, from `apps/<name>/src/config.ts` (`env.spec`). */
  variables: Record<string, VariableSpec>;
  /** Its default HTTP port (the PORT default). */
  port: number;
}

/** Every app under apps/ that is a service (has src/config.ts). */
export function apps(): AppFacts[] {
  return readdirSync(join(ROOT, 'apps'), { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(ROOT, 'apps', d.name, 'src', 'config.ts')))
    .map((d) => {
      // A check of the whole workspace reads each app's declaration; it is data, not a dependency.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { env } = require(join(ROOT, 'apps', d.name, 'src', 'config.ts')) as { env: { spec: Record<string, VariableSpec> } };
      return { name: d.name, variables: env.spec, port: Number(env.spec.PORT.default) };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}
