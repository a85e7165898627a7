/**
 * Demo duty data on top of the imported roster: acting cover of some vacant precincts, the
 * five-day office schedule for every inspector, a 24-hour district duty list around today, and
 * some inspectors on leave now, so that "who is on duty" has fallbacks to show. Only what is
 * missing is added, so the seed can run again.
 */
import type { CommandContext } from '../import/cli';
import { addDays, localDateOf } from '../duty/rules/time';
import { DEMO_ACCOUNTS } from './generate';
import type { DemoInspector } from './types';

export async function seedDuty(context: CommandContext, inspectors: readonly DemoInspector[]): Promise<string> {
  const { dataSource, assignments, actor } = context;
  const ids = new Map(
    ((await dataSource.query(`SELECT id, personal_number FROM inspector_roster.inspector`)) as Array<{ id: string; personal_number: string }>).map((r) => [r.personal_number, r.id]),
  );
  const today = localDateOf(new Date());
  let acting = 0;
  await dataSource.transaction(async (em) => {
    for (const inspector of inspectors) {
      for (const code of inspector.actingPrecinctCodes) {
        const id = ids.get(inspector.personalNumber) as string;
        const held = (await em.query(`SELECT 1 FROM inspector_roster.assignment WHERE precinct_code = $1 AND valid_to IS NULL`, [code])) as unknown[];
        if (held.length) continue;
        await assignments.assignIn(em, { inspectorId: id, precinctCode: code, validFrom: inspector.assignedFrom, reason: 'acting cover of a vacant precinct' }, actor);
        acting++;
      }
    }
  });
  const schedules = (await dataSource.query(
    `INSERT INTO inspector_roster.duty_schedule (inspector_id, pattern_code, anchor_date, valid_from, created_by)
     SELECT i.id, 'five-day', '2025-01-06', '2025-01-01', $1 FROM inspector_roster.inspector i
      WHERE NOT EXISTS (SELECT 1 FROM inspector_roster.duty_schedule s WHERE s.inspector_id = i.id)
     RETURNING id`,
    [actor.username],
  )) as unknown[];
  // 24-hour district duty from 08:00, rotating through the district's inspectors, yesterday to two weeks ahead.
  const byUnit = new Map<string, string[]>();
  for (const i of inspectors) if (i.position !== 'assistant') byUnit.set(i.unitCode, [...(byUnit.get(i.unitCode) ?? []), ids.get(i.personalNumber) as string]);
  let duties = 0;
  for (const [unit, members] of byUnit) {
    for (let day = -1; day <= 14; day++) {
      const date = addDays(today, day);
      const start = new Date(`${date}T08:00:00+05:00`);
      const exists = (await dataSource.query(`SELECT 1 FROM inspector_roster.district_duty WHERE district_code = $1 AND starts_at = $2`, [unit, start])) as unknown[];
      if (exists.length) continue;
      const dayNumber = Math.floor(start.getTime() / 86_400_000);
      await dataSource.query(`INSERT INTO inspector_roster.district_duty (district_code, inspector_id, starts_at, ends_at, created_by) VALUES ($1, $2, $3, $4, $5)`, [
        unit,
        members[dayNumber % members.length],
        start,
        new Date(start.getTime() + 24 * 3600_000),
        actor.username,
      ]);
      duties++;
    }
  }
  // About one inspector in 15 on annual leave now (never the demo users), deterministic by personal number.
  const demo = new Set(Object.values(DEMO_ACCOUNTS).map((a) => a.username));
  const onLeave = inspectors.filter((i) => !demo.has(i.username) && Number(i.personalNumber.replace(/\D/g, '')) % 15 === 0).map((i) => ids.get(i.personalNumber) as string);
  const leave = (await dataSource.query(
    `INSERT INTO inspector_roster.leave (inspector_id, kind, start_date, end_date, note, created_by)
     SELECT id, 'annual', $2::date, $3::date, 'demo', $4 FROM unnest($1::uuid[]) AS u(id)
      WHERE NOT EXISTS (SELECT 1 FROM inspector_roster.leave l WHERE l.inspector_id = u.id AND l.cancelled_at IS NULL)
     RETURNING id`,
    [onLeave, addDays(today, -7), addDays(today, 20), actor.username],
  )) as unknown[];
  return `duty: ${acting} acting assignments, ${schedules.length} schedules, ${duties} district duty shifts, ${leave.length} inspectors put on leave`;
}
