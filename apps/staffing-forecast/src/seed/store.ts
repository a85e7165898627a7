/**
 * Writes generated inputs into the service's own tables, the store the event handlers fill
 * (`workload_month`, `task_fact`), in large multi-row statements; and the workforce facts as the
 * CSV an HR planner imports. Used by the demo seed and the benchmark.
 */
import type { DataSource, EntityManager } from 'typeorm';
import { FACT_COLUMNS, type WorkforceFact } from '../workforce/facts';
import type { TaskRow, WorkloadRow } from './generate';

const S = 'staffing_forecast';
type Queryable = Pick<DataSource | EntityManager, 'query'>;

/** Monthly sums per precinct, category and month; rows already there are kept (ON CONFLICT DO NOTHING). */
export async function insertWorkload(db: Queryable, rows: readonly WorkloadRow[], chunk = 20_000): Promise<void> {
  for (let i = 0; i < rows.length; i += chunk) {
    const part = rows.slice(i, i + chunk);
    await db.query(
      `INSERT INTO ${S}.workload_month (precinct_code, category, month, requests, line_102, answered, elapsed_hours, units)
       SELECT * FROM unnest($1::text[], $2::text[], $3::date[], $4::int[], $5::int[], $6::int[], $7::float8[], $8::int[])
       ON CONFLICT (precinct_code, category, month) DO NOTHING`,
      [
        part.map((r) => r.precinctCode),
        part.map((r) => r.category),
        part.map((r) => r.month),
        part.map((r) => r.requests),
        part.map((r) => r.line102),
        part.map((r) => r.answered),
        part.map((r) => r.elapsedHours),
        part.map((r) => r.units),
      ],
    );
  }
}

/** Police commission tasks per territory and month; a task already counted is kept. */
export async function insertTasks(db: Queryable, tasks: readonly TaskRow[]): Promise<void> {
  if (!tasks.length) return;
  await db.query(
    `INSERT INTO ${S}.task_fact (task_id, territory_code, month)
     SELECT * FROM unnest($1::uuid[], $2::text[], $3::date[]) ON CONFLICT (task_id) DO NOTHING`,
    [tasks.map((t) => t.taskId), tasks.map((t) => t.territoryCode), tasks.map((t) => t.month)],
  );
}

/** The facts as the import template's CSV (header, then one line per fact; periods as YYYY-MM). */
export function factsCsv(facts: readonly WorkforceFact[]): string {
  const lines = [FACT_COLUMNS.map(([column]) => column).join(',')];
  for (const f of facts) {
    lines.push(
      FACT_COLUMNS.map(([, field]) => {
        const value = f[field];
        if (field === 'period') return String(value).slice(0, 7);
        return value === null ? '' : String(value);
      }).join(','),
    );
  }
  return `${lines.join('\n')}\n`;
}
