// `node -r ./tools/register.js apps/feedback-surveys/src/seed/main.ts` (`nx run feedback-surveys:seed`;
// run by `npm start` after the migrations, before the service starts): a year of synthetic survey
// responses for ten Astana precincts and the five Astana units, month by month (Asia/Almaty months,
// the current one last), for the three shipped instruments, plus approximate population margins of
// Astana for weighting (see astana.ts and generate.ts). Deterministic: the same data on every run.
// Does nothing if the response store or the inbox holds anything already; the margins are recorded
// only where AST has none. Writes through the service's own classes: the responses go into the inbox
// (ResponseIngestion.enqueueMany) and through the batch job (tick) into the anonymous store, the index
// cells and the outbox, whose events the service's relay publishes once it starts. Needs DATABASE_URL;
// not Kafka.
import 'reflect-metadata';
import { userFromClaims, Role } from '@seriktes/auth';
import { addCalendarMonths, localDateOf } from '@seriktes/calendar';
import { newCorrelationId, runInContext } from '@seriktes/observability';
import type { Indicator } from '../instruments/definition';
import type { PublishedVersion } from '../instruments/instrument.service';
import type { InboxPayload } from '../responses/ingestion.service';
import { quarterOf } from '../indices/cells';
import { periodLabel, type IndexFigure, type Period, type Scope } from '../indices/index.service';
import { ASTANA_MARGINS, ASTANA_MARGINS_SOURCE, ASTANA_PRECINCTS, ASTANA_UNITS } from './astana';
import { openSeedContext, type SeedContext } from './context';
import { DEMO_SEED, generateDemo, lastMonths } from './generate';

const CHUNK = 2000;
const INSTRUMENTS = { area: 'area-safety', post_contact: 'post-contact', staff_pulse: 'staff-pulse' } as const;

/** The analyst of the demo realm (deploy/keycloak), so the audit entry of the margins names a known subject. */
const ANALYST = userFromClaims(
  { sub: '7689a044-feb1-4681-812e-dc5b5abe6404', preferred_username: 'ast.analyst', azp: 'feedback-surveys-seed', realm_access: { roles: [Role.analyst] }, exp: 4_102_444_800, region_code: 'AST' },
  '',
);

async function seedMargins(ctx: SeedContext): Promise<string> {
  const [row] = (await ctx.dataSource.query(`SELECT source FROM feedback_surveys.population_margin WHERE territory_code = 'AST'`)) as Array<{ source: string }>;
  if (row) return `population margins of AST exist already (${row.source}): kept`;
  await ctx.indices.setMargins(ANALYST, 'AST', ASTANA_MARGINS, ASTANA_MARGINS_SOURCE);
  return 'population margins of AST recorded (approximate demo shares by sex and age band)';
}

const quarter = (start: string): Period => ({ kind: 'quarter', start, label: periodLabel('quarter', start) });
const fmt = (f: IndexFigure) => (f.value === null ? `– (n ${f.n})` : `${f.value.toFixed(1)} (n ${f.n})`);
const named = (v: PublishedVersion, codes: string[]): Indicator[] =>
  codes.map((c) => {
    const found = v.indicators.find((i) => i.code === c);
    if (!found) throw new Error(`${v.code} v${v.version} has no indicator ${c}`);
    return found;
  });

async function summary(ctx: SeedContext, versions: Record<keyof typeof INSTRUMENTS, PublishedVersion>, months: string[]): Promise<string[]> {
  // The last complete quarter (the one before the current), and the first complete one of the year of data.
  const lastFull = quarterOf(addCalendarMonths(quarterOf(months[months.length - 1]), -1));
  const firstFull = months.find((m) => m === quarterOf(m)) ?? months[0];
  const q = quarter(lastFull);
  const area = versions.area;
  const lines: string[] = [];
  const precinct = (code: string): Scope => ({ level: 'precinct', code });
  const rows: string[] = [];
  for (const p of ASTANA_PRECINCTS) {
    const [trust, safe] = await ctx.indices.figures(area, named(area, ['trust', 'feel_safe']), precinct(p.code), q);
    const [first] = await ctx.indices.figures(area, named(area, ['trust']), precinct(p.code), quarter(firstFull));
    rows.push(`${p.code} trust ${fmt(trust)} [${q.label}] vs ${fmt(first)} [${periodLabel('quarter', firstFull)}], feel safe ${fmt(safe)}`);
  }
  lines.push(`area survey, per precinct:`, ...rows.map((r) => `  ${r}`));
  const region: Scope = { level: 'region', code: 'AST' };
  const [unweighted] = await ctx.indices.figures(area, named(area, ['feel_safe']), region, q);
  const [weighted] = await ctx.indices.figures(area, named(area, ['feel_safe']), region, q, { weighted: true });
  lines.push(`AST feel safe ${q.label}: unweighted ${fmt(unweighted)}, weighted ${weighted.value?.toFixed(1)} (design effect ${weighted.designEffect?.toFixed(2)})`);
  const contact = versions.post_contact;
  const byLine: string[] = [];
  for (const line of ['local_police', 'criminal_police', 'administrative'] as const) {
    const [csat] = await ctx.indices.figures(contact, named(contact, ['csat']), region, q, { serviceLine: line });
    byLine.push(`${line} ${fmt(csat)}`);
  }
  lines.push(`AST post-contact CSAT ${q.label}: ${byLine.join(', ')}`);
  const pulse = versions.staff_pulse;
  const units: string[] = [];
  for (const u of ASTANA_UNITS) {
    const [staff] = await ctx.indices.figures(pulse, named(pulse, ['staff_satisfaction']), { level: 'district', code: u.code }, q);
    units.push(`${u.code} ${fmt(staff)}`);
  }
  lines.push(`staff satisfaction ${q.label}: ${units.join(', ')}`);
  const [{ suppressed, total }] = (await ctx.dataSource.query(
    `SELECT count(*) FILTER (WHERE n < $2)::int AS suppressed, count(*)::int AS total FROM (
       SELECT sum(n) AS n FROM feedback_surveys.index_cell
        WHERE version_id = $1 AND indicator = 'good_job' AND scope_level = 'precinct' AND period_kind = 'month' AND segment = '*'
        GROUP BY scope_code, period_start) t`,
    [area.id, ctx.indices.minN],
  )) as Array<{ suppressed: number; total: number }>;
  lines.push(`precinct months of the area survey below n ${ctx.indices.minN} (suppressed): ${suppressed} of ${total}`);
  return lines;
}

async function main(): Promise<number> {
  const ctx = await openSeedContext();
  try {
    console.log(await seedMargins(ctx));
    const [{ responses, inbox }] = (await ctx.dataSource.query(
      `SELECT (SELECT count(*) FROM feedback_surveys.response)::int AS responses, (SELECT count(*) FROM feedback_surveys.response_inbox)::int AS inbox`,
    )) as Array<{ responses: number; inbox: number }>;
    if (responses > 0 || inbox > 0) {
      console.log(`survey responses exist already (${responses} stored, ${inbox} in the inbox): nothing seeded`);
      return 0;
    }
    const versions = {} as Record<keyof typeof INSTRUMENTS, PublishedVersion>;
    for (const [kind, code] of Object.entries(INSTRUMENTS) as Array<[keyof typeof INSTRUMENTS, string]>) {
      const v = await ctx.instruments.current(code);
      if (!v) throw new Error(`instrument ${code} has no published version`);
      versions[kind] = v;
    }
    const now = new Date();
    const months = lastMonths(localDateOf(now), 12);
    const payloads: InboxPayload[] = generateDemo({ seed: DEMO_SEED, months, precincts: ASTANA_PRECINCTS, units: ASTANA_UNITS }).map((r) => ({ versionId: versions[r.kind].id, ...r }));
    const correlationId = newCorrelationId();
    const moved = await runInContext({ correlationId }, async () => {
      await ctx.dataSource.transaction(async (em) => {
        for (let i = 0; i < payloads.length; i += CHUNK) await ctx.ingestion.enqueueMany(em, payloads.slice(i, i + CHUNK));
      });
      return ctx.ingestion.tick(now);
    });
    const byKind = Object.keys(INSTRUMENTS).map((k) => `${k} ${payloads.filter((p) => p.kind === k).length}`);
    const [{ cells, outbox }] = (await ctx.dataSource.query(
      `SELECT (SELECT count(*) FROM feedback_surveys.index_cell)::int AS cells, (SELECT count(*) FROM feedback_surveys.outbox)::int AS outbox`,
    )) as Array<{ cells: number; outbox: number }>;
    console.log(`survey responses: ${moved} seeded for ${months[0].slice(0, 7)}..${months[months.length - 1].slice(0, 7)} (${byKind.join(', ')}; correlation id ${correlationId})`);
    console.log(`  ${cells} index cells; ${outbox} event(s) in the outbox waiting for the relay`);
    for (const line of await summary(ctx, versions, months)) console.log(`  ${line}`);
    return 0;
  } finally {
    await ctx.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  },
);
