import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { WORKSPACE_ROOT } from '@seriktes/testing';

export interface AppInfo {
  name: string;
  port: number;
}

/** Every service under apps/ (a folder with src/main.ts and src/config.ts), with its default port. */
export function serviceApps(): AppInfo[] {
  return readdirSync(join(WORKSPACE_ROOT, 'apps'), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .filter((d) => ['main.ts', 'config.ts'].every((f) => existsSync(join(WORKSPACE_ROOT, 'apps', d.name, 'src', f))))
    .map((d) => {
      // The launcher reads each app's declared environment; it does not depend on the app's code.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { env } = require(join(WORKSPACE_ROOT, 'apps', d.name, 'src', 'config.ts')) as {
        env: { spec: { PORT: { default?: string } } };
      };
      return { name: d.name, port: Number(env.spec.PORT.default) };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}
