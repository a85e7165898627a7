// `nx run inspector-roster:import -- --precincts <file.geojson> --inspectors <file.csv> [--skip-invalid] [--dry-run]`
import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { openCommandContext, printReport, progressBar } from './cli';

const USAGE = 'usage: nx run inspector-roster:import -- [--precincts <file.geojson>] [--inspectors <file.csv>] [--skip-invalid] [--dry-run]';

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { precincts: { type: 'string' }, inspectors: { type: 'string' }, 'skip-invalid': { type: 'boolean' }, 'dry-run': { type: 'boolean' }, help: { type: 'boolean' } },
  });
  if (values.help || (!values.precincts && !values.inspectors)) {
    console.error(USAGE);
    return values.help ? 0 : 2;
  }
  const context = await openCommandContext('import');
  let failed = false;
  try {
    const options = { skipInvalid: values['skip-invalid'] ?? false, dryRun: values['dry-run'] ?? false, actor: context.actor };
    // Precincts first: the inspectors' file refers to them.
    if (values.precincts) {
      const report = await context.importer.importPrecincts(readFileSync(values.precincts, 'utf8'), { ...options, onProgress: progressBar('precincts') });
      printReport(values.precincts, report);
      failed ||= report.errors.length > 0 && !report.applied;
    }
    if (values.inspectors && !failed) {
      const report = await context.importer.importInspectors(readFileSync(values.inspectors, 'utf8'), { ...options, onProgress: progressBar('inspectors') });
      printReport(values.inspectors, report);
      failed ||= report.errors.length > 0 && !report.applied;
    }
  } finally {
    await context.dataSource.destroy();
  }
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
