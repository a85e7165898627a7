// `node -r ./tools/register.js apps/staffing-forecast/src/seed/main.ts` (`nx run staffing-forecast:seed`;
// run by `npm start` after the migrations, before the services start): the inputs a staffing forecast
// of Astana reads, for the 425 precincts and 5 districts of the roster's demo territory (see astana.ts
// and generate.ts; synthetic, deterministic: the same data on every run):
//  - 36 complete months (the ones before the current, as a run reads them) of monthly request sums
//    per precinct and category of the citizen-requests catalogue, with line-102 calls, answers,
//    elapsed hours and units, written into `workload_month` as the request events would have;
//  - police commission tasks of the last 12 of those months in `task_fact`;
//  - 24 months of workforce facts per AST district, imported as CSV in the name of the demo HR
//    planner `ast.hr` through the service's own import (checked row by row, audit-logged).
// Idempotent: the workload and the tasks are written only if `workload_month` holds no AST row in
// those months; the facts only if AST has none. Needs DATABASE_URL only: it writes the service's own
// tables and calls neither the roster (precinct figures come from the roster's sync at the first run)
// nor Kafka.
import 'reflect-metadata';
import { AuditLog } from '@seriktes/audit';
import { Role, userFromClaims } from '@seriktes/auth';
import { newCorrelationId, runInContext } from '@seriktes/observability';
import { assertMigrated, createServiceDataSource } from '@seriktes/persistence';
import { databaseOptions } from '@seriktes/runtime';
import type { DataSource } from 'typeorm';
import { env } from '../config';
import { historyWindow } from '../inputs/inputs.repository';
import { staffingForecastService } from '../service';
import { WorkforceService } from '../workforce/workforce.service';
import { ASTANA_DISTRICTS, CATEGORY_PROFILES, WORKFORCE } from './astana';
import { astanaPrecincts, DEMO_SEED, generateTasks, generateWorkforce, generateWorkload } from './generate';
import { factsCsv, insertTasks, insertWorkload } from './store';

const S = 'staffing_forecast';
const HISTORY_MONTHS = 36;
const FACT_MONTHS = 24;
const TASK_MONTHS = 12;

/** The HR planner of the demo realm (deploy/keycloak), so the import's audit entry names a known subject. */
const HR_PLANNER = userFromClaims(
  { sub: 'e968b575-88a5-457c-83b9-17459c997cff', preferred_username: WORKFORCE.enteredBy, azp: 'staffing-forecast-seed', realm_access: { roles: [Role.hrPlanner] }, exp: 4_102_444_800, region_code: 'AST' },
  '',
);

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const span = (months: readonly string[]) => `${months[0].slice(0, 7)}..${months[months.length - 1].slice(0, 7)}`;

async function seedWorkload(dataSource: DataSource, months: string[]): Promise<string> {
  const [{ n }] = (await dataSource.query(`SELECT count(*)::int AS n FROM ${S}.workload_month WHERE month BETWEEN $1 AND $2 AND starts_with(precinct_code, 'AST-')`, [
    months[0],
    months[months.length - 1],
  ])) as Array<{ n: number }>;
  if (n > 0) return `AST workload of ${span(months)} exists already (${fmt(n)} rows): kept`;
  const precincts = astanaPrecincts(DEMO_SEED);
  const rows = generateWorkload(DEMO_SEED, precincts, months);
  const tasks = generateTasks(DEMO_SEED, precincts, months.slice(-TASK_MONTHS));
  await dataSource.transaction(async (em) => {
    await insertWorkload(em, rows);
    await insertTasks(em, tasks);
  });
  const requests = rows.reduce((s, r) => s + r.requests, 0);
  const line102 = rows.reduce((s, r) => s + r.line102, 0);
  return (
    `workload ${span(months)} of ${precincts.length} AST precincts × ${CATEGORY_PROFILES.length} categories ` +
    `(${fmt(rows.length)} rows, ${fmt(requests)} requests, ${Math.round((100 * line102) / requests)} % by line 102), ${tasks.length} police commission tasks`
  );
}

async function seedWorkforce(dataSource: DataSource, periods: string[]): Promise<string> {
  const [{ n }] = (await dataSource.query(`SELECT count(*)::int AS n FROM ${S}.workforce_fact WHERE starts_with(territory_code || '-', 'AST-')`)) as Array<{ n: number }>;
  if (n > 0) return `AST workforce facts exist already (${fmt(n)}): kept`;
  const facts = generateWorkforce(DEMO_SEED, periods);
  const workforce = new WorkforceService(dataSource, new AuditLog(dataSource));
  const { imported, errors } = await workforce.import(HR_PLANNER, factsCsv(facts));
  if (errors.length) throw new Error(`the demo workforce facts were refused: ${errors.slice(0, 5).map((e) => `line ${e.line} ${e.field}: ${e.message}`).join('; ')}`);
  const latest = facts.filter((f) => f.period === periods[periods.length - 1]);
  const filled = latest.reduce((s, f) => s + f.filled, 0);
  const authorised = latest.reduce((s, f) => s + f.authorised, 0);
  return `${imported} workforce facts ${span(periods)} of ${ASTANA_DISTRICTS.length} AST districts (csv by ${WORKFORCE.enteredBy}; latest ${filled} filled of ${authorised} authorised)`;
}

async function main(): Promise<number> {
  const config = env.load(process.env);
  const dataSource = createServiceDataSource({ ...databaseOptions(staffingForecastService, config), poolSize: 2, applicationName: 'staffing-forecast:seed' });
  await dataSource.initialize();
  try {
    await assertMigrated(dataSource, staffingForecastService.service);
    const { months } = historyWindow(new Date(), HISTORY_MONTHS);
    const periods = months.slice(-FACT_MONTHS);
    const parts = await runInContext({ correlationId: newCorrelationId() }, async () => [await seedWorkload(dataSource, months), await seedWorkforce(dataSource, periods)]);
    console.log(`staffing-forecast demo: ${parts.join('; ')}`);
    return 0;
  } finally {
    await dataSource.destroy();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  },
);
