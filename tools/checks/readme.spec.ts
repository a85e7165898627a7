/** README.md stays true: every variable, port, script and the CI command it documents exist, and vice versa. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { apps, ROOT } from './workspace';

const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');

describe('README.md', () => {
  it('documents every variable of every app with its default', () => {
    for (const app of apps()) {
      for (const [name, spec] of Object.entries(app.variables)) {
        const row = readme.split('\n').find((line) => line.startsWith(`| \`${name}\``));
        expect({ app: app.name, variable: name, documented: row !== undefined }).toEqual({ app: app.name, variable: name, documented: true });
        if (spec.default && name !== 'PORT') expect({ variable: name, row }).toEqual({ variable: name, row: expect.stringContaining(spec.default) });
      }
    }
  });

  it('lists every app with its port', () => {
    for (const app of apps()) {
      expect(readme).toMatch(new RegExp(`\\| ${app.name} \\| ${app.port} \\|`));
    }
  });

  it('mentions every npm script', () => {
    const { scripts } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    for (const script of Object.keys(scripts)) {
      const command = script === 'start' || script === 'test' ? `npm ${script}` : `npm run ${script}`;
      expect({ script, documented: readme.includes(command) }).toEqual({ script, documented: true });
    }
  });

  it('names the test command that CI runs', () => {
    const ci = readFileSync(join(ROOT, '.ci', 'run'), 'utf8');
    const commands = ci.split('\n').filter((line) => line.trim() && !line.trim().startsWith('#'));
    expect(commands.slice(-2)).toEqual(['npm install --no-audit --no-fund', 'npm test']);
    expect(readme).toContain('npm test    # lint, typecheck, unit and integration tests');
  });
});
