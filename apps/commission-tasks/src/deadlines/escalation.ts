/**
 * The escalation ladder of an overdue task (MARAC practice, domain.md section 5): first the point
 * of contact of the lead organisation, then their manager, then the commission chair. Each step
 * has its own wait in working days after the previous one (the first after the due time), and
 * happens at the end of that working day; a wait of 0 means at once.
 */
import { endOfLocalDay, localDateOf, type WorkingCalendar } from '@seriktes/calendar';
import type { EscalationTarget } from '@seriktes/contracts';

export const LADDER: readonly EscalationTarget[] = ['point_of_contact', 'manager', 'chair'];
export const DEFAULT_ESCALATION_WAITS: readonly number[] = [0, 2, 3];

export interface EscalationStep {
  step: number;
  target: EscalationTarget;
  at: Date;
}

export function waitErrors(waits: readonly number[], field = 'escalationWaits'): Array<{ field: string; message: string }> {
  if (waits.length !== LADDER.length) return [{ field, message: `give ${LADDER.length} waits in working days: point of contact, manager, chair` }];
  return waits.some((w) => !Number.isInteger(w) || w < 0 || w > 30) ? [{ field, message: 'each wait must be a whole number of working days from 0 to 30' }] : [];
}

/** The steps of the ladder for a missed due time. */
export function escalationLadder(dueAt: Date, waits: readonly number[], calendar: WorkingCalendar): EscalationStep[] {
  let day = localDateOf(dueAt);
  let at = dueAt;
  return LADDER.map((target, i) => {
    if (waits[i] > 0) {
      day = calendar.addWorkingDays(day, waits[i]);
      at = endOfLocalDay(day);
    }
    return { step: i + 1, target, at };
  });
}

/** The steps due by `now` that have not been taken yet (`taken`: step numbers already logged). */
export function stepsDue(ladder: readonly EscalationStep[], taken: readonly number[], now: Date): EscalationStep[] {
  return ladder.filter((s) => s.at.getTime() <= now.getTime() && !taken.includes(s.step));
}
