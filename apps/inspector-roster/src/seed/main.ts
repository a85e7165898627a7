// `nx run inspector-roster:seed`: the reference territory (all 21 Police Departments and their
// districts) and the demo precincts, inspectors, duty schedules and leave, loaded through the same
// importer as real data. Safe to run again: everything is upserted or added only where missing.
// `-- --reference-only`: only the departments and districts (for production, before importing the
// real precinct boundaries and inspectors with `nx run inspector-roster:import`).
import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { openCommandContext, printReport, progressBar } from '../import/cli';
import { DEPARTMENTS, DISTRICTS, generateDemoTerritory } from '.';
import { seedDuty } from './duty';
import { inspectorsCsv, precinctsGeoJson } from './files';

async function main(): Promise<number> {
  const territory = generateDemoTerritory();
  const context = await openCommandContext('seed');
  try {
    await context.importer.loadReference(
      DEPARTMENTS.map((d) => ({ code: d.code, kind: d.kind, name: d.name, department: d.department, seat: { lon: d.seat.lon, lat: d.seat.lat } })),
      DISTRICTS.map((d) => ({ code: d.code, regionCode: d.regionCode, kind: d.kind, name: d.name })),
      context.actor,
    );
    console.log(`reference: ${DEPARTMENTS.length} departments, ${DISTRICTS.length} districts`);
    if (parseArgs({ options: { 'reference-only': { type: 'boolean' } } }).values['reference-only']) return 0;
    const options = { actor: context.actor };
    const precincts = await context.importer.importPrecincts(precinctsGeoJson(territory.precincts), { ...options, onProgress: progressBar('precincts ') });
    printReport('demo precincts', precincts);
    if (!precincts.applied) return 1;
    const inspectors = await context.importer.importInspectors(inspectorsCsv(territory.inspectors), { ...options, onProgress: progressBar('inspectors') });
    printReport('demo inspectors', inspectors);
    if (!inspectors.applied) return 1;
    console.log(await seedDuty(context, territory.inspectors));
    return 0;
  } finally {
    await context.dataSource.destroy();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
