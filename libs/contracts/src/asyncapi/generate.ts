// Writes docs/asyncapi.yaml from the event registry. `--check` fails if the file is stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import '../events';
import { renderAsyncApiYaml } from './asyncapi';

export const ASYNCAPI_PATH = join(__dirname, '..', '..', '..', '..', 'docs', 'asyncapi.yaml');

export function catalogueVersion(): string {
  const pkg = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', '..', 'package.json'), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}

export function renderCommittedCatalogue(): string {
  return renderAsyncApiYaml({ version: catalogueVersion() });
}

if (require.main === module) {
  const yaml = renderCommittedCatalogue();
  if (process.argv.includes('--check')) {
    const current = readFileSync(ASYNCAPI_PATH, 'utf8');
    if (current !== yaml) {
      console.error('docs/asyncapi.yaml is stale: run `npm run asyncapi` and commit it');
      process.exit(1);
    }
    console.log('docs/asyncapi.yaml is up to date');
  } else {
    writeFileSync(ASYNCAPI_PATH, yaml);
    console.log(`wrote ${ASYNCAPI_PATH}`);
  }
}
