/**
 * Post-contact surveys, the part of citizen-requests (plain rules, no framework): who may be
 * invited, and what an invitation request from feedback-surveys must look like. feedback-surveys
 * decides on the `citizen-request.closed` event (`surveyInvitation`) and makes the personal link;
 * citizen-requests, which alone holds the applicant's contact details, delivers it.
 */
import { isUuid, type FieldError } from '@seriktes/runtime';

/** The client whose service account may ask for invitations. */
export const SURVEY_CLIENT_ID = 'feedback-surveys';
export const MAX_SURVEY_URL_LENGTH = 500;

/** What citizen-requests knows of how to reach an applicant, without opening the sealed identity. */
export interface ApplicantReach {
  optedOut: boolean;
  hasPhone: boolean;
  hasEmail: boolean;
}

/**
 * Whether the applicant may be invited to a post-contact survey: not a tip (anonymous, nobody to
 * ask), the applicant did not opt out of notifications, and gave a phone or an e-mail.
 */
export function mayInviteToSurvey(kind: string, applicant: ApplicantReach | null): boolean {
  return kind !== 'tip' && applicant !== null && !applicant.optedOut && (applicant.hasPhone || applicant.hasEmail);
}

export interface SurveyInvitationRequest {
  requestId: string;
  /** A secret: never echoed in an error, a log line, an event or the audit log. */
  url: string;
  expiresAt: Date;
}

/** The shape rules of an invitation, all at once (whether the request exists is the service's to check). */
export function checkSurveyInvitation(input: SurveyInvitationRequest, now: Date): FieldError[] {
  const errors: FieldError[] = [];
  if (!isUuid(input.requestId)) errors.push({ field: 'requestId', message: 'must be the id of a request (UUID)' });
  const urlProblem = surveyUrlProblem(input.url);
  if (urlProblem) errors.push({ field: 'url', message: urlProblem });
  const expiresAt = input.expiresAt instanceof Date ? input.expiresAt.getTime() : Number.NaN;
  if (Number.isNaN(expiresAt)) errors.push({ field: 'expiresAt', message: 'must be a date-time (ISO 8601, e.g. 2026-12-31T18:00:00+05:00)' });
  else if (expiresAt <= now.getTime()) errors.push({ field: 'expiresAt', message: 'must be in the future' });
  return errors;
}

/** Why a survey link is refused, or undefined. The messages never quote the link. */
function surveyUrlProblem(url: unknown): string | undefined {
  if (typeof url !== 'string' || url === '') return 'give the survey link';
  if (url.length > MAX_SURVEY_URL_LENGTH) return `must be at most ${MAX_SURVEY_URL_LENGTH} characters`;
  // eslint-disable-next-line no-control-regex
  if (/[\s\u0000-\u001f\u007f]/.test(url)) return 'must not contain spaces or control characters';
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'must be an absolute URL (https://...)';
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return 'must be an http or https URL';
  if (!parsed.hostname) return 'must name a host';
  if (parsed.username || parsed.password) return 'must not carry a user name or password';
  return undefined;
}
