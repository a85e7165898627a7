/** Figures of the task dashboards (plain rules). */

/** The median of a list (null when empty). */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Share of done tasks finished by their due date, in percent with one decimal (null when none is done). */
export function onTimeRate(done: number, onTime: number): number | null {
  return done === 0 ? null : Math.round((onTime / done) * 1000) / 10;
}

/** Days between two instants, in whole days rounded up (a task 1 hour late is 1 day late). */
export function daysLate(dueAt: Date, doneOrNow: Date): number {
  const ms = doneOrNow.getTime() - dueAt.getTime();
  return ms <= 0 ? 0 : Math.ceil(ms / 86_400_000);
}
