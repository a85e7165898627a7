/**
 * Appointment and accountability of district inspectors (plain rules, no framework).
 *
 * Law on Internal Affairs Bodies Art. 10(3)(2), 14(33): a candidate district inspector is discussed
 * publicly with the residents of the precinct at a local community meeting held by the police with
 * the district akimat, and only then appointed. Inspectors report to the residents on their work
 * periodically; how often is not fixed by law, so it is configured per district
 * (`district.report_interval_months`, 6 by default).
 *
 * Local dates are 'YYYY-MM-DD' strings in Kazakhstan time (UTC+05:00); instants are `Date`s.
 */
import type { InspectorPosition } from '@seriktes/contracts';
import { addDays, dayNumber, isLocalDate, localDateOf, localInstant } from '../duty/rules/time';

export interface FieldError {
  field: string;
  message: string;
}

/**
 * The public discussion lasts at least a week (time for the akimat to announce the meeting and
 * for residents to come) and at most 60 days (a precinct should not stay without a decided
 * inspector for longer than about two months). Counted in days from the day of the proposal to
 * `discussionUntil`, the last day of the discussion.
 */
export const DISCUSSION_MIN_DAYS = 7;
export const DISCUSSION_MAX_DAYS = 60;

export const PLACE_MAX = 300;
export const REASON_MAX = 500;
export const OPINION_SUMMARY_MAX = 2000;
export const MINUTES_MAX = 20_000;
/** A partner organisation id, e.g. `ast-esil-akimat` (the district akimat). */
export const PARTNER_ORG_ID = /^[a-z0-9-]{2,64}$/;
/** Positions that are discussed with residents before appointment: the holder of the precinct's inspector post. */
export const CANDIDATE_POSITIONS: readonly InspectorPosition[] = ['district_inspector', 'senior_district_inspector'];

export type MeetingPurpose = 'candidate_discussion' | 'inspector_report';
export type MeetingStatus = 'scheduled' | 'held' | 'cancelled';
export type CandidacyStatus = 'discussion' | 'appointed' | 'not_appointed' | 'withdrawn';
export type CandidacyDecision = Exclude<CandidacyStatus, 'discussion'>;

export const MEETING_PURPOSES: readonly MeetingPurpose[] = ['candidate_discussion', 'inspector_report'];
export const CANDIDACY_DECISIONS: readonly CandidacyDecision[] = ['appointed', 'not_appointed', 'withdrawn'];

const blank = (value: string | null | undefined) => value === undefined || value === null || value.trim() === '';

/** Parses an ISO 8601 date-time that carries a time zone (Z or ±HH:MM); undefined otherwise. */
export function parseInstant(value: string | null | undefined): Date | undefined {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value)) return undefined;
  const at = new Date(value);
  return Number.isNaN(at.getTime()) ? undefined : at;
}

/** Checks a proposal made on `today` (local date). */
export function checkProposal(input: { discussionUntil: string; position?: string | null }, today: string): FieldError[] {
  const errors: FieldError[] = [];
  if (!isLocalDate(input.discussionUntil)) {
    errors.push({ field: 'discussionUntil', message: 'must be a date YYYY-MM-DD' });
  } else {
    const days = dayNumber(input.discussionUntil) - dayNumber(today);
    if (days < DISCUSSION_MIN_DAYS) errors.push({ field: 'discussionUntil', message: `the public discussion must last at least ${DISCUSSION_MIN_DAYS} days: not before ${addDays(today, DISCUSSION_MIN_DAYS)}` });
    else if (days > DISCUSSION_MAX_DAYS) errors.push({ field: 'discussionUntil', message: `the public discussion must last at most ${DISCUSSION_MAX_DAYS} days: not after ${addDays(today, DISCUSSION_MAX_DAYS)}` });
  }
  if (input.position !== undefined && input.position !== null && !CANDIDATE_POSITIONS.includes(input.position as InspectorPosition)) {
    errors.push({ field: 'position', message: `must be one of ${CANDIDATE_POSITIONS.join(', ')} (the precinct's inspector post)` });
  }
  return errors;
}

export interface MeetingScheduleInput {
  purpose: string;
  candidacyId?: string | null;
  inspectorId?: string | null;
  scheduledAt: string;
  place: string;
  organisedWith?: string | null;
}

/** Checks the shape of a meeting to schedule (what needs no stored record). */
export function checkMeetingSchedule(input: MeetingScheduleInput, now: Date): FieldError[] {
  const errors: FieldError[] = [];
  if (!MEETING_PURPOSES.includes(input.purpose as MeetingPurpose)) errors.push({ field: 'purpose', message: `must be one of ${MEETING_PURPOSES.join(', ')}` });
  if (input.purpose === 'candidate_discussion') {
    if (blank(input.candidacyId)) errors.push({ field: 'candidacyId', message: 'is required for a candidate discussion' });
    // Art. 14(33): the meeting is held by the police together with the district akimat.
    if (blank(input.organisedWith)) errors.push({ field: 'organisedWith', message: 'is required for a candidate discussion: the partner id of the district akimat that holds it with the police' });
  }
  if (input.purpose === 'inspector_report' && !blank(input.candidacyId)) errors.push({ field: 'candidacyId', message: 'only a candidate discussion concerns a candidacy' });
  const at = parseInstant(input.scheduledAt);
  if (!at) errors.push({ field: 'scheduledAt', message: 'must be an ISO 8601 date-time with a time zone' });
  else if (at.getTime() <= now.getTime()) errors.push({ field: 'scheduledAt', message: 'must be in the future (a meeting is scheduled before it is held)' });
  const place = input.place?.trim() ?? '';
  if (place.length < 1 || place.length > PLACE_MAX) errors.push({ field: 'place', message: `must be 1 to ${PLACE_MAX} characters` });
  if (!blank(input.organisedWith) && !PARTNER_ORG_ID.test(input.organisedWith as string)) {
    errors.push({ field: 'organisedWith', message: 'must be a partner organisation id: 2 to 64 lower-case letters, digits or hyphens' });
  }
  return errors;
}

/** A candidate discussion must take place while the candidacy is discussed: before `discussionUntil` ends. */
export function checkDiscussionMeeting(scheduledAt: Date, candidacy: { status: CandidacyStatus; discussionUntil: string }): FieldError[] {
  if (candidacy.status !== 'discussion') return [{ field: 'candidacyId', message: `the candidacy is already decided (${candidacy.status})` }];
  if (scheduledAt.getTime() >= localInstant(addDays(candidacy.discussionUntil, 1)).getTime()) {
    return [{ field: 'scheduledAt', message: `must be before the public discussion ends (${candidacy.discussionUntil} inclusive)` }];
  }
  return [];
}

export interface MeetingRecordInput {
  heldAt: string;
  attendance: number;
  inFavour?: number | null;
  against?: number | null;
  abstained?: number | null;
  opinionSummary?: string | null;
  minutes?: string | null;
}

/** Checks the record of a held meeting. For a candidate discussion the three opinion counts are required. */
export function checkMeetingRecord(input: MeetingRecordInput, purpose: MeetingPurpose, now: Date, notBefore?: Date): FieldError[] {
  const errors: FieldError[] = [];
  const at = parseInstant(input.heldAt);
  if (!at) errors.push({ field: 'heldAt', message: 'must be an ISO 8601 date-time with a time zone' });
  else if (at.getTime() > now.getTime()) errors.push({ field: 'heldAt', message: 'must not be in the future' });
  else if (notBefore && at.getTime() < notBefore.getTime()) errors.push({ field: 'heldAt', message: `must not be before ${notBefore.toISOString()}, when the candidate was proposed` });
  const count = (field: 'attendance' | 'inFavour' | 'against' | 'abstained', required: boolean) => {
    const value = input[field];
    if (value === undefined || value === null) {
      if (required) errors.push({ field, message: purpose === 'candidate_discussion' && field !== 'attendance' ? 'is required for a candidate discussion' : 'is required' });
      return 0;
    }
    if (!Number.isInteger(value) || value < 0) {
      errors.push({ field, message: 'must be a whole number, 0 or more' });
      return undefined;
    }
    return value;
  };
  const attendance = count('attendance', true);
  const opinions = (['inFavour', 'against', 'abstained'] as const).map((f) => count(f, purpose === 'candidate_discussion'));
  if (attendance !== undefined && opinions.every((n) => n !== undefined)) {
    const sum = (opinions as number[]).reduce((a, b) => a + b, 0);
    if (sum > attendance) errors.push({ field: 'attendance', message: `must be at least inFavour + against + abstained (${sum})` });
  }
  if (input.opinionSummary && input.opinionSummary.length > OPINION_SUMMARY_MAX) errors.push({ field: 'opinionSummary', message: `must be at most ${OPINION_SUMMARY_MAX} characters` });
  if (input.minutes && input.minutes.length > MINUTES_MAX) errors.push({ field: 'minutes', message: `must be at most ${MINUTES_MAX} characters` });
  return errors;
}

export function checkCancellation(reason: string | null | undefined): FieldError[] {
  const text = reason?.trim() ?? '';
  return text.length < 1 || text.length > REASON_MAX ? [{ field: 'reason', message: `must be 1 to ${REASON_MAX} characters` }] : [];
}

export interface HeldDiscussion {
  heldAt: Date;
  inFavour: number;
  against: number;
}

/**
 * Checks a decision on a candidacy still under discussion. Appointment follows the law's order:
 * at least one candidate discussion must have been held. The residents' opinion is advisory, but
 * appointing against it (more against than in favour at the latest meeting) needs a reason; so
 * do `not_appointed` and `withdrawn`. The assignment cannot start before the meeting was held.
 */
export function checkDecision(
  input: { decision: string; validFrom?: string | null; reason?: string | null },
  held: readonly HeldDiscussion[],
  today: string,
): FieldError[] {
  const errors: FieldError[] = [];
  if (!CANDIDACY_DECISIONS.includes(input.decision as CandidacyDecision)) {
    return [{ field: 'decision', message: `must be one of ${CANDIDACY_DECISIONS.join(', ')}` }];
  }
  const reason = input.reason?.trim() ?? '';
  if (reason.length > REASON_MAX) errors.push({ field: 'reason', message: `must be at most ${REASON_MAX} characters` });
  if (input.decision !== 'appointed') {
    if (!reason) errors.push({ field: 'reason', message: `is required when the candidacy is ${input.decision}` });
    if (input.validFrom !== undefined && input.validFrom !== null) errors.push({ field: 'validFrom', message: 'applies to an appointment only' });
    return errors;
  }
  if (!held.length) {
    errors.push({ field: 'decision', message: 'a candidate is appointed only after the community meeting on the candidacy was held (Law on IAB Art. 10(3)(2), 14(33)); record the meeting first' });
    return errors;
  }
  const latest = [...held].sort((a, b) => b.heldAt.getTime() - a.heldAt.getTime())[0];
  if (latest.against > latest.inFavour && !reason) {
    errors.push({ field: 'reason', message: `is required to appoint against the residents' opinion (${latest.inFavour} in favour, ${latest.against} against)` });
  }
  const validFrom = input.validFrom ?? today;
  if (!isLocalDate(validFrom)) errors.push({ field: 'validFrom', message: 'must be a date YYYY-MM-DD' });
  else if (validFrom < localDateOf(latest.heldAt)) errors.push({ field: 'validFrom', message: `must not be before the community meeting (${localDateOf(latest.heldAt)})` });
  return errors;
}

/** Adds calendar months to a local date; the day is clamped to the end of a shorter month (31 Aug + 6 = 28/29 Feb). */
export function addMonths(date: string, months: number): string {
  if (!isLocalDate(date)) throw new RangeError(`invalid local date '${date}', expected YYYY-MM-DD`);
  if (!Number.isInteger(months)) throw new RangeError(`months must be a whole number, got ${months}`);
  const total = Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1 + months;
  const year = Math.floor(total / 12);
  const month = total - year * 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const day = Math.min(Number(date.slice(8, 10)), lastDay);
  return `${String(year).padStart(4, '0')}-${String(month + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * The last day by which the holder of a precinct's inspector post should next report to its
 * residents: `intervalMonths` after their latest report there, or after they took up the post if
 * they have not reported since (a report before `assignedFrom`, e.g. in a previous period at the
 * precinct, does not count).
 */
export function nextReportDue(lastHeldReport: string | null, assignedFrom: string, intervalMonths: number): string {
  if (!isLocalDate(assignedFrom)) throw new RangeError(`invalid assignedFrom '${assignedFrom}'`);
  if (lastHeldReport !== null && !isLocalDate(lastHeldReport)) throw new RangeError(`invalid lastHeldReport '${lastHeldReport}'`);
  if (!Number.isInteger(intervalMonths) || intervalMonths < 1) throw new RangeError(`intervalMonths must be a whole number of months, 1 or more, got ${intervalMonths}`);
  const since = lastHeldReport !== null && lastHeldReport > assignedFrom ? lastHeldReport : assignedFrom;
  return addMonths(since, intervalMonths);
}

/** Overdue once the due day has passed (reporting on the due day itself is in time). */
export const reportOverdue = (due: string, today: string): boolean => today > due;
