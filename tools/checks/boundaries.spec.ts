/**
 * The architecture rules that lint enforces, proven by linting code that breaks them: an app never
 * imports another app, a library never imports an app, nothing outside libs/messaging imports
 * kafkajs, and nothing turns on TypeORM's synchronize.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './workspace';

const cases: Record<string, string> = {
  'apps/inspector-roster/src/caseload/violation.ts':
    "import { IntakeService } from '../../../citizen-requests/src/intake/intake.service';\nexport const x = IntakeService;\n",
  'libs/contracts/src/violation.ts': "import { env } from '../../../apps/citizen-requests/src/config';\nexport const x = env;\n",
  'apps/citizen-requests/src/intake/kafka-violation.ts': "import { Kafka } from 'kafkajs';\nexport const x = Kafka;\n",
  'libs/testing/src/kafka-violation.ts': "import { Kafka } from 'kafkajs';\nexport const x = Kafka;\n",
  'libs/messaging/src/kafka-allowed.ts': "import { Kafka } from 'kafkajs';\nexport const x = Kafka;\n",
  'libs/persistence/src/sync-violation.ts': 'export const options = { synchronize: true };\n',
  'apps/citizen-requests/src/intake/fine.ts':
    "import { CitizenRequestRegistered } from '@seriktes/contracts';\nexport const x = CitizenRequestRegistered;\n",
};

// ESLint's flat config loads through a dynamic import, which Jest's sandbox refuses: lint the
// virtual files (never written to disk) in one child process with ESLint's API.
const LINT_SCRIPT = `
import { ESLint } from 'eslint';
const cases = JSON.parse(await new Promise((r) => { let s = ''; process.stdin.on('data', (c) => (s += c)); process.stdin.on('end', () => r(s)); }));
const eslint = new ESLint({ cwd: process.cwd() });
const out = {};
for (const [file, code] of Object.entries(cases)) {
  const [result] = await eslint.lintText(code, { filePath: file });
  out[file] = result.messages.filter((m) => m.severity === 2).map((m) => m.ruleId + ': ' + m.message);
}
process.stdout.write(JSON.stringify(out));
`;

let linted: Record<string, string[]>;

function problems(filePath: string): string[] {
  return linted[filePath];
}

beforeAll(() => {
  // The boundary rule reads Nx's cached project graph; make sure it is there and current.
  execFileSync(process.execPath, [join(ROOT, 'node_modules', 'nx', 'dist', 'bin', 'nx.js'), 'show', 'projects'], {
    cwd: ROOT,
    env: { ...process.env, NX_DAEMON: 'false' },
    stdio: 'ignore',
  });
  const input = Object.fromEntries(Object.entries(cases).map(([file, code]) => [join(ROOT, file), code]));
  const output = execFileSync(process.execPath, ['--input-type=module', '-e', LINT_SCRIPT], { cwd: ROOT, input: JSON.stringify(input), encoding: 'utf8' });
  linted = Object.fromEntries(Object.entries(JSON.parse(output) as Record<string, string[]>).map(([file, found]) => [file.slice(ROOT.length + 1), found]));
}, 120_000);

describe('module boundaries and platform rules, as lint enforces them', () => {
  it('rejects an app importing another app', () => {
    const found = problems('apps/inspector-roster/src/caseload/violation.ts');
    expect(found.some((p) => p.startsWith('@nx/enforce-module-boundaries'))).toBe(true);
  });

  it('rejects a library importing an app', () => {
    const found = problems('libs/contracts/src/violation.ts');
    expect(found.some((p) => p.startsWith('@nx/enforce-module-boundaries'))).toBe(true);
  });

  it('rejects kafkajs outside libs/messaging, and allows it inside', () => {
    expect(problems('apps/citizen-requests/src/intake/kafka-violation.ts')).toEqual([expect.stringContaining('no-restricted-imports')]);
    expect(problems('libs/testing/src/kafka-violation.ts')).toEqual([expect.stringContaining('no-restricted-imports')]);
    expect(problems('libs/messaging/src/kafka-allowed.ts')).toEqual([]);
  });

  it('rejects synchronize: true', () => {
    const found = problems('libs/persistence/src/sync-violation.ts');
    expect(found).toEqual([expect.stringContaining('never synchronize')]);
  });

  it('accepts an app using shared libraries through their aliases', () => {
    const found = problems('apps/citizen-requests/src/intake/fine.ts');
    expect(found).toEqual([]);
  });
});
