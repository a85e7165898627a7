/**
 * What partners receive of each event type (domain.md sections 8-9). Default deny: a field reaches
 * a partner only if it is listed here, in `fields` (any partner of the territory: ids, codes,
 * categories, territory codes, statuses, dates, counts, scores) or in `scoped` (only partners whose
 * information-sharing agreement grants the scope). Anything else, including every field a later
 * version adds, is withheld until someone decides about it here. An event type without an entry is
 * not sent at all (and the tests fail until it has one).
 *
 * Never in `fields`: the definition's `personalData` (inspector ids are personnel data; free text
 * such as reasons may name people), applicant details, and free text in general. Special-category
 * cases (minors, victims) only ever show as a category code.
 */
import {
  CitizenRequestAnswered,
  CitizenRequestAssigned,
  CitizenRequestClosed,
  CitizenRequestDeadlineApproaching,
  CitizenRequestExtended,
  CitizenRequestOverdue,
  CitizenRequestRedirected,
  CitizenRequestRegistered,
  CitizenRequestReopened,
  CitizenRequestStatusChanged,
  CommissionDecisionRecorded,
  CommissionDecisionStageChanged,
  CommissionMeetingHeld,
  CommissionMeetingScheduled,
  CommissionMinutesPublished,
  CommissionTaskAccepted,
  CommissionTaskAssigned,
  CommissionTaskCarriedOver,
  CommissionTaskClosed,
  CommissionTaskDueSoon,
  CommissionTaskEscalated,
  CommissionTaskOverdue,
  CommissionTaskReported,
  CommissionTaskReportReviewed,
  CommunityMeetingCancelled,
  CommunityMeetingHeld,
  CommunityMeetingScheduled,
  ForecastPublished,
  PrecinctAssignmentChanged,
  PrecinctCandidateDecided,
  PrecinctCandidateProposed,
  RecommendationPackageAnswered,
  RecommendationPackageSubmitted,
  SharingAgreementChanged,
  SurveyResponseReceived,
  SurveyWaveClosed,
  TrustIndexUpdated,
  type EventType,
  type SharingScope,
} from '@seriktes/contracts';

export interface RedactionPolicy {
  /** Top-level data fields any partner of the territory may receive. */
  readonly fields: readonly string[];
  /** Top-level data fields a partner receives only when its agreement grants the scope. */
  readonly scoped?: Readonly<Record<string, SharingScope>>;
  /** `false`: never sent to partners (internal events). */
  readonly partnerVisible?: false;
  /** Why fields are withheld or scoped, for the catalogue and reviewers. */
  readonly note?: string;
  /** Events of this type that are not sent at all, by their content; the reason, or null to send. */
  readonly excludeWhen?: (data: Record<string, unknown>) => string | null;
}

/** A policy entry whose field names are checked against the event's data type. */
function policy<T>(
  event: EventType<T>,
  entry: { fields: ReadonlyArray<keyof T & string>; scoped?: Partial<Record<keyof T & string, SharingScope>>; note?: string; excludeWhen?: (data: Record<string, unknown>) => string | null },
): [string, RedactionPolicy] {
  return [
    event.type,
    {
      fields: entry.fields,
      ...(entry.scoped ? { scoped: entry.scoped as Record<string, SharingScope> } : {}),
      ...(entry.note ? { note: entry.note } : {}),
      ...(entry.excludeWhen ? { excludeWhen: entry.excludeWhen } : {}),
    },
  ];
}

function internal(event: { type: string }, note: string): [string, RedactionPolicy] {
  return [event.type, { fields: [], partnerVisible: false, note }];
}

const INSPECTOR = 'inspectorId is personnel data (an officer\'s identity) and is never sent.';

export const REDACTION_POLICIES: Readonly<Record<string, RedactionPolicy>> = Object.freeze(
  Object.fromEntries([
    // Citizen requests: ids, kind, category code, channel, territory, times; nothing of the applicant.
    policy(CitizenRequestRegistered, {
      fields: ['requestId', 'kind', 'category', 'channel', 'regionCode', 'precinctCode', 'receivedAt', 'registeredAt'],
      scoped: { registrationNumber: 'linked_requests' },
      note: 'The registration number is the applicant\'s coupon (it opens the status page): linked_requests only.',
    }),
    policy(CitizenRequestAssigned, { fields: ['requestId', 'precinctCode', 'assignedAt', 'dueAt', 'queue'], note: INSPECTOR }),
    policy(CitizenRequestOverdue, { fields: ['requestId', 'precinctCode', 'dueAt', 'detectedAt', 'deadline'] }),
    policy(CitizenRequestClosed, {
      fields: ['requestId', 'precinctCode', 'closedAt', 'outcome', 'kind', 'category'],
      note: `${INSPECTOR} surveyInvitation tells whether the applicant left contact details: withheld.`,
    }),
    policy(CitizenRequestStatusChanged, { fields: ['requestId', 'precinctCode', 'from', 'to', 'action', 'changedAt'] }),
    policy(CitizenRequestRedirected, {
      fields: ['requestId', 'precinctCode', 'redirectedAt', 'redirectDueAt', 'withinTerm'],
      scoped: { toBody: 'linked_requests' },
      note: 'toBody is free text typed by staff (meant to name an organisation): linked_requests only.',
    }),
    policy(CitizenRequestExtended, { fields: ['requestId', 'precinctCode', 'previousDueAt', 'dueAt', 'decidedAt', 'noticeDueAt'] }),
    policy(CitizenRequestAnswered, { fields: ['requestId', 'precinctCode', 'answeredAt', 'dueAt', 'withinTerm'] }),
    policy(CitizenRequestReopened, { fields: ['requestId', 'precinctCode', 'reopenedAt', 'dueAt'] }),
    policy(CitizenRequestDeadlineApproaching, { fields: ['requestId', 'precinctCode', 'deadline', 'dueAt', 'workingDaysLeft', 'detectedAt'] }),

    // Commissions: ids, levels, territory, stages, dates and counts only; texts stay in commission-tasks.
    policy(CommissionMeetingScheduled, { fields: ['commissionId', 'level', 'territoryCode', 'meetingId', 'number', 'scheduledAt', 'agendaItemCount'] }),
    policy(CommissionMeetingHeld, { fields: ['commissionId', 'level', 'territoryCode', 'meetingId', 'heldAt', 'organisationsPresent', 'apologies', 'minutesDueOn'] }),
    policy(CommissionMinutesPublished, { fields: ['commissionId', 'level', 'territoryCode', 'meetingId', 'publishedAt', 'dueOn', 'late', 'decisionCount'] }),
    policy(CommissionDecisionRecorded, { fields: ['commissionId', 'level', 'territoryCode', 'decisionId', 'meetingId', 'number', 'stage', 'decisionTerritoryCode', 'recordedAt'] }),
    policy(CommissionDecisionStageChanged, { fields: ['commissionId', 'level', 'territoryCode', 'decisionId', 'from', 'to', 'changedAt'] }),
    policy(RecommendationPackageSubmitted, { fields: ['commissionId', 'level', 'territoryCode', 'packageId', 'recommendationCount', 'submittedAt'] }),
    policy(RecommendationPackageAnswered, { fields: ['commissionId', 'level', 'territoryCode', 'packageId', 'accepted', 'rejected', 'answeredAt'] }),
    internal(SharingAgreementChanged, 'Consumed by the partner hub itself; one partner\'s agreement is not news for the others.'),

    // Commission tasks: organisation ids (never people), territory, status, dates, progress.
    policy(CommissionTaskAssigned, {
      fields: ['taskId', 'precinctCode', 'executorKind', 'assignedAt', 'dueAt', 'commissionId', 'decisionId', 'leadOrganisationId', 'coExecutorIds', 'territoryCode'],
      scoped: { priority: 'task_details', requestIds: 'linked_requests', problemId: 'linked_requests', blocksProblem: 'linked_requests' },
      note: `${INSPECTOR} Which requests and problems a task answers to is shown under linked_requests only.`,
    }),
    policy(CommissionTaskOverdue, { fields: ['taskId', 'dueAt', 'detectedAt', 'commissionId', 'leadOrganisationId', 'territoryCode'] }),
    policy(CommissionTaskClosed, { fields: ['taskId', 'status', 'closedAt', 'onTime', 'commissionId', 'leadOrganisationId', 'territoryCode'] }),
    policy(CommissionTaskAccepted, { fields: ['taskId', 'commissionId', 'leadOrganisationId', 'territoryCode', 'acceptedAt'] }),
    policy(CommissionTaskReported, {
      fields: ['taskId', 'commissionId', 'leadOrganisationId', 'territoryCode', 'reportId', 'reportingOrganisationId', 'final', 'progressPercent', 'attachmentCount', 'reportedAt'],
    }),
    policy(CommissionTaskReportReviewed, { fields: ['taskId', 'commissionId', 'leadOrganisationId', 'territoryCode', 'reportId', 'outcome', 'reviewedAt'] }),
    policy(CommissionTaskEscalated, { fields: ['taskId', 'commissionId', 'leadOrganisationId', 'territoryCode', 'step', 'target', 'targetOrganisationId', 'dueAt', 'escalatedAt'] }),
    policy(CommissionTaskCarriedOver, { fields: ['taskId', 'commissionId', 'leadOrganisationId', 'territoryCode', 'meetingId', 'reasonCode', 'previousDueAt', 'dueAt', 'carriedOverAt'] }),
    policy(CommissionTaskDueSoon, { fields: ['taskId', 'commissionId', 'leadOrganisationId', 'territoryCode', 'dueAt', 'workingDaysLeft', 'remindedAt'] }),

    // Precincts: that a precinct has (or will have) an inspector, not who.
    policy(PrecinctAssignmentChanged, {
      fields: ['assignmentId', 'change', 'precinctCode', 'districtCode', 'regionCode', 'position', 'validFrom', 'validTo'],
      note: `${INSPECTOR} reason is free text about an officer: withheld.`,
    }),
    policy(PrecinctCandidateProposed, { fields: ['candidacyId', 'precinctCode', 'districtCode', 'regionCode', 'position', 'discussionUntil'], note: INSPECTOR }),
    policy(CommunityMeetingScheduled, {
      fields: ['meetingId', 'purpose', 'precinctCode', 'districtCode', 'regionCode', 'candidacyId', 'scheduledAt', 'place', 'organisedWith'],
      note: 'place is a public address by contract: partners announce the meeting with it.',
    }),
    policy(CommunityMeetingHeld, {
      fields: ['meetingId', 'purpose', 'precinctCode', 'districtCode', 'regionCode', 'candidacyId', 'heldAt', 'attendance', 'inFavour', 'against', 'abstained'],
    }),
    policy(PrecinctCandidateDecided, { fields: ['candidacyId', 'precinctCode', 'districtCode', 'regionCode', 'decision', 'decidedAt'], note: INSPECTOR }),
    policy(CommunityMeetingCancelled, {
      fields: ['meetingId', 'purpose', 'precinctCode', 'districtCode', 'regionCode', 'cancelledAt'],
      note: 'reason is free text (it may tell why an officer cannot come): withheld.',
    }),

    // Surveys: suppressed aggregates only.
    internal(SurveyResponseReceived, 'Single (anonymous) responses stay inside the platform; partners get the suppressed aggregates.'),
    policy(TrustIndexUpdated, {
      fields: ['scopeLevel', 'scopeCode', 'periodKind', 'periodStart', 'instrumentCode', 'instrumentVersion', 'versionId', 'indicator', 'value', 'lower', 'upper', 'n', 'suppressed', 'computedAt'],
      excludeWhen: (d) => (d.instrumentCode === 'staff-pulse' ? 'staff pulse figures are internal to the police' : null),
    }),
    policy(SurveyWaveClosed, {
      fields: ['waveId', 'instrumentCode', 'instrumentVersion', 'versionId', 'kind', 'territoryCode', 'opensOn', 'closedAt', 'invited', 'responded', 'indices'],
      excludeWhen: (d) => (d.kind === 'staff_pulse' ? 'staff pulse waves are internal to the police' : null),
    }),

    // Staffing forecasts: aggregates per district.
    policy(ForecastPublished, { fields: ['runId', 'scopeCode', 'regionCodes', 'horizonMonths', 'scenario', 'model', 'publishedAt', 'totals', 'districts'] }),
  ]),
);

/** The policy of an event type; undefined when it has none (then nothing of it is sent). */
export function partnerPolicy(type: string): RedactionPolicy | undefined {
  return Object.prototype.hasOwnProperty.call(REDACTION_POLICIES, type) ? REDACTION_POLICIES[type] : undefined;
}

/** Whether events of the type are ever sent to partners. */
export function isPartnerVisible(type: string): boolean {
  const entry = partnerPolicy(type);
  return entry !== undefined && entry.partnerVisible !== false;
}
