import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import {
  CitizenRequestAssigned,
  CitizenRequestClosed,
  CitizenRequestOverdue,
  CitizenRequestRegistered,
  CommissionDecisionRecorded,
  CommissionTaskAssigned,
  CommissionTaskClosed,
  CommissionTaskDueSoon,
  CommissionTaskOverdue,
  CommunityMeetingScheduled,
  eventCatalogue,
  ForecastPublished,
  PrecinctAssignmentChanged,
  PrecinctCandidateDecided,
  SHARING_SCOPES,
  SharingAgreementChanged,
  SurveyResponseReceived,
  SurveyWaveClosed,
  TrustIndexUpdated,
  type EventDefinition,
  type SharingScope,
} from '@seriktes/contracts';
import { isPartnerVisible, partnerPolicy, REDACTION_POLICIES } from './policy';
import { partnerDataSchema, redact, territoriesOf } from './redact';

const top = (path: string) => path.split('.')[0];
const propertiesOf = (d: EventDefinition) => (d.schema as unknown as { properties: Record<string, unknown> }).properties;

/** The example with every property of the schema present: optional ones the example leaves out get a placeholder. */
function fullData(d: EventDefinition): Record<string, unknown> {
  const data: Record<string, unknown> = { ...(d.example as Record<string, unknown>) };
  for (const name of Object.keys(propertiesOf(d))) if (!(name in data)) data[name] = `placeholder-${name}`;
  return data;
}

describe('the redaction policy', () => {
  const catalogue = eventCatalogue();

  it('has an entry for every event type of the catalogue, and none for types that do not exist', () => {
    expect(catalogue.length).toBeGreaterThan(30);
    expect(catalogue.map((d) => d.type).filter((type) => !partnerPolicy(type))).toEqual([]);
    expect(Object.keys(REDACTION_POLICIES).filter((type) => !catalogue.some((d) => d.type === type))).toEqual([]);
    expect(partnerPolicy('toString')).toBeUndefined();
    expect(partnerPolicy('kz.seriktes.nothing.happened.v1')).toBeUndefined();
  });

  it.each(eventCatalogue().map((d) => [d.type, d] as const))('%s: names existing fields, never personal data in the default view', (_type, d) => {
    const policy = partnerPolicy(d.type)!;
    const properties = Object.keys(propertiesOf(d));
    const scoped = Object.keys(policy.scoped ?? {});
    expect(policy.fields.filter((f) => !properties.includes(f))).toEqual([]);
    expect(scoped.filter((f) => !properties.includes(f))).toEqual([]);
    expect(policy.fields.filter((f) => scoped.includes(f))).toEqual([]);
    expect(policy.fields.filter((f) => d.personalData.map(top).includes(f))).toEqual([]);
    expect(Object.values(policy.scoped ?? {}).filter((s) => !SHARING_SCOPES.includes(s))).toEqual([]);
    expect(new Set(policy.fields).size).toBe(policy.fields.length);
    if (policy.partnerVisible !== false) expect(policy.fields.length).toBeGreaterThan(0);
  });

  it('treats officers\' ids and free-text reasons as personal data in the catalogue', () => {
    const personal = Object.fromEntries(catalogue.filter((d) => d.personalData.length).map((d) => [d.type, [...d.personalData]]));
    expect(personal).toEqual({
      'kz.seriktes.citizen-request.assigned.v1': ['inspectorId'],
      'kz.seriktes.citizen-request.closed.v1': ['inspectorId'],
      'kz.seriktes.commission-task.assigned.v1': ['inspectorId'],
      'kz.seriktes.precinct.assignment-changed.v1': ['inspectorId', 'reason'],
      'kz.seriktes.precinct.candidate-decided.v1': ['inspectorId'],
      'kz.seriktes.precinct.candidate-proposed.v1': ['inspectorId'],
      'kz.seriktes.precinct.community-meeting-cancelled.v1': ['reason'],
    });
    // Every field named like a person's id is listed as personal data.
    for (const d of catalogue) {
      for (const name of Object.keys(propertiesOf(d))) {
        if (/^(inspector|officer|candidate|applicant|person|citizen|user)(Id|Ids)$/.test(name)) expect({ type: d.type, personal: d.personalData.includes(name) }).toEqual({ type: d.type, personal: true });
      }
    }
  });

  it('keeps internal events from partners', () => {
    expect(isPartnerVisible(SurveyResponseReceived.type)).toBe(false);
    expect(isPartnerVisible(SharingAgreementChanged.type)).toBe(false);
    expect(isPartnerVisible(CitizenRequestRegistered.type)).toBe(true);
    expect(isPartnerVisible('kz.seriktes.nothing.happened.v1')).toBe(false);
  });
});

describe('redact', () => {
  it.each(eventCatalogue().map((d) => [d.type, d] as const))('%s: no personal data without an agreement that grants it', (_type, d) => {
    const policy = partnerPolicy(d.type)!;
    const personal = d.personalData.map(top);
    const scoped = policy.scoped ?? {};
    for (const data of [d.example as Record<string, unknown>, fullData(d)]) {
      const none = redact(d.type, data, []);
      const all = redact(d.type, data, SHARING_SCOPES);
      if (policy.partnerVisible === false) {
        expect(none).toBeNull();
        expect(all).toBeNull();
        continue;
      }
      // Without scopes: only default fields, none of them personal, and nothing silently lost.
      expect(Object.keys(none!.data).filter((f) => personal.includes(f))).toEqual([]);
      expect(Object.keys(none!.data).filter((f) => !policy.fields.includes(f))).toEqual([]);
      expect(none!.grantedBy).toEqual([]);
      expect([...Object.keys(none!.data), ...none!.withheld].sort()).toEqual(Object.keys(data).sort());
      // With every scope: a personal field only where a scope is explicitly mapped to it.
      expect(Object.keys(all!.data).filter((f) => personal.includes(f) && !(f in scoped))).toEqual([]);
      expect(Object.keys(all!.data).filter((f) => !policy.fields.includes(f) && !(f in scoped))).toEqual([]);
      expect(all!.withheld.filter((f) => f in scoped)).toEqual([]);
    }
  });

  it.each(eventCatalogue().filter((d) => isPartnerVisible(d.type)).map((d) => [d.type, d] as const))('%s: the redacted example fits the partner schema', (_type, d) => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    const validate = ajv.compile(partnerDataSchema(d.type)!);
    for (const scopes of [[], SHARING_SCOPES] as const) {
      const { data } = redact(d.type, d.example as Record<string, unknown>, scopes)!;
      expect({ data, ok: validate(data), errors: validate.errors ?? null }).toEqual({ data, ok: true, errors: null });
    }
  });

  it('withholds fields the policy does not know, e.g. ones added to an event later', () => {
    const result = redact(CitizenRequestRegistered.type, { ...CitizenRequestRegistered.example, applicantName: 'Aigerim', note: 'x' }, SHARING_SCOPES)!;
    expect(result.data).not.toHaveProperty('applicantName');
    expect(result.withheld).toEqual(expect.arrayContaining(['applicantName', 'note']));
  });

  it('returns null for unknown types', () => {
    expect(redact('kz.seriktes.nothing.happened.v1', { a: 1 }, SHARING_SCOPES)).toBeNull();
    expect(partnerDataSchema('kz.seriktes.nothing.happened.v1')).toBeNull();
    expect(partnerDataSchema(SurveyResponseReceived.type)).toBeNull();
  });

  it('copies values, so the partner view cannot change the event', () => {
    const data = structuredClone(ForecastPublished.example) as unknown as Record<string, unknown>;
    const result = redact(ForecastPublished.type, data, [])!;
    (result.data.districts as Array<{ need: number }>)[0].need = 0;
    expect((data.districts as Array<{ need: number }>)[0].need).toBe(14.2);
  });

  // domain.md section 8: the events partners care about carry ids, territory and status by default.
  const useful: ReadonlyArray<readonly [{ type: string; example: unknown }, readonly string[], readonly string[]]> = [
    [CitizenRequestRegistered, ['requestId', 'precinctCode', 'regionCode', 'kind', 'category', 'registeredAt'], ['registrationNumber']],
    [CitizenRequestClosed, ['requestId', 'precinctCode', 'outcome', 'closedAt', 'category'], ['inspectorId', 'surveyInvitation']],
    [CitizenRequestOverdue, ['requestId', 'precinctCode', 'dueAt', 'detectedAt'], []],
    [CitizenRequestAssigned, ['requestId', 'precinctCode', 'assignedAt', 'dueAt'], ['inspectorId']],
    [CommissionTaskAssigned, ['taskId', 'territoryCode', 'leadOrganisationId', 'executorKind', 'dueAt', 'decisionId'], ['inspectorId', 'priority', 'requestIds', 'problemId', 'blocksProblem']],
    [CommissionTaskDueSoon, ['taskId', 'territoryCode', 'dueAt', 'workingDaysLeft'], []],
    [CommissionTaskOverdue, ['taskId', 'dueAt', 'detectedAt'], []],
    [CommissionTaskClosed, ['taskId', 'status', 'closedAt'], []],
    [CommissionDecisionRecorded, ['decisionId', 'commissionId', 'territoryCode', 'decisionTerritoryCode', 'stage', 'recordedAt'], []],
    [SurveyWaveClosed, ['waveId', 'territoryCode', 'closedAt', 'invited', 'responded', 'indices'], []],
    [TrustIndexUpdated, ['scopeCode', 'indicator', 'value', 'n', 'suppressed'], []],
    [ForecastPublished, ['runId', 'scopeCode', 'regionCodes', 'totals', 'districts'], []],
    [PrecinctAssignmentChanged, ['assignmentId', 'change', 'precinctCode', 'position', 'validFrom'], ['inspectorId', 'reason']],
    [PrecinctCandidateDecided, ['candidacyId', 'precinctCode', 'decision', 'decidedAt'], ['inspectorId']],
    [CommunityMeetingScheduled, ['meetingId', 'purpose', 'precinctCode', 'scheduledAt', 'place'], []],
  ];
  it.each(useful.map(([event, expected, withheld]) => [event.type, event, expected, withheld] as const))('%s: a useful payload by default', (_type, event, expected, withheld) => {
    const result = redact(event.type, event.example as unknown as Record<string, unknown>, [])!;
    for (const field of expected) expect(result.data).toHaveProperty(field, (event.example as unknown as Record<string, unknown>)[field]);
    expect(result.withheld.sort()).toEqual([...withheld].sort());
  });
});

describe('scoped fields', () => {
  const cases = eventCatalogue().flatMap((d) => Object.entries(partnerPolicy(d.type)?.scoped ?? {}).map(([field, scope]) => [d.type, field, scope, d] as const));

  it('exist (registration numbers, task links and details)', () => {
    expect(cases.map(([type, field, scope]) => `${type} ${field} ${scope}`)).toEqual(
      expect.arrayContaining([
        'kz.seriktes.citizen-request.registered.v1 registrationNumber linked_requests',
        'kz.seriktes.commission-task.assigned.v1 requestIds linked_requests',
        'kz.seriktes.commission-task.assigned.v1 priority task_details',
      ]),
    );
  });

  it.each(cases)('%s: %s appears only with %s', (type, field, scope, d) => {
    const data = fullData(d);
    expect(redact(type, data, [])!.data).not.toHaveProperty(field);
    expect(redact(type, data, [])!.withheld).toContain(field);
    const others = SHARING_SCOPES.filter((s) => s !== scope);
    expect(redact(type, data, others)!.data).not.toHaveProperty(field);
    const granted = redact(type, data, [scope] as SharingScope[])!;
    expect(granted.data).toHaveProperty(field, data[field]);
    expect(granted.grantedBy).toEqual([scope]);
  });

  it('reports the scopes that let fields through', () => {
    const data = CommissionTaskAssigned.example as unknown as Record<string, unknown>;
    expect(redact(CommissionTaskAssigned.type, data, ['task_details', 'linked_requests', 'decisions'])!.grantedBy.sort()).toEqual(['linked_requests', 'task_details']);
    expect(redact(CommissionTaskAssigned.type, data, ['decisions', 'sensitive_tasks'])!.grantedBy).toEqual([]);
  });
});

describe('territoriesOf', () => {
  it('gives a precinct event its precinct, district and region', () => {
    expect(territoriesOf(CitizenRequestRegistered.type, CitizenRequestRegistered.example as unknown as Record<string, unknown>)).toEqual(['AST-ESL-01', 'AST-ESL', 'AST']);
    expect(territoriesOf(CitizenRequestClosed.type, CitizenRequestClosed.example as unknown as Record<string, unknown>)).toEqual(['AST-ESL-01', 'AST-ESL', 'AST']);
    expect(territoriesOf(PrecinctAssignmentChanged.type, PrecinctAssignmentChanged.example as unknown as Record<string, unknown>)).toEqual(['AST-ESL-01', 'AST-ESL', 'AST']);
  });

  it('reads territory, decision, scope codes and lists', () => {
    expect(territoriesOf(CommissionDecisionRecorded.type, CommissionDecisionRecorded.example as unknown as Record<string, unknown>)).toEqual(['AST', 'AST-ESL']);
    expect(territoriesOf(CommissionTaskDueSoon.type, CommissionTaskDueSoon.example as unknown as Record<string, unknown>)).toEqual(['AST-ESL', 'AST']);
    expect(territoriesOf(TrustIndexUpdated.type, { ...TrustIndexUpdated.example, scopeLevel: 'national', scopeCode: 'KAZ' })).toEqual(['KAZ']);
    expect(territoriesOf(ForecastPublished.type, ForecastPublished.example as unknown as Record<string, unknown>)).toEqual(['AST', 'AST-ESL']);
    expect(territoriesOf(ForecastPublished.type, { ...ForecastPublished.example, scopeCode: 'KAZ', regionCodes: ['AST', 'ALA'], districts: [] })).toEqual(['KAZ', 'AST', 'ALA']);
    expect(territoriesOf(SurveyWaveClosed.type, SurveyWaveClosed.example as unknown as Record<string, unknown>)).toEqual(['AST-ESL', 'AST', 'AST-ESL-07']);
  });

  it('gives nothing for unknown types and events without codes', () => {
    expect(territoriesOf('kz.seriktes.nothing.happened.v1', { precinctCode: 'AST-ESL-01' })).toEqual([]);
    expect(territoriesOf(CommissionTaskOverdue.type, CommissionTaskOverdue.example as unknown as Record<string, unknown>)).toEqual([]);
    expect(territoriesOf(CitizenRequestRegistered.type, { precinctCode: 'nowhere', regionCode: 42 })).toEqual([]);
  });
});

describe('events excluded by their content', () => {
  it('never sends staff pulse figures or waves to partners', () => {
    expect(redact('kz.seriktes.survey-wave.closed.v1', { waveId: 'w', kind: 'staff_pulse', indices: [] }, [])).toBeNull();
    expect(redact('kz.seriktes.survey-wave.closed.v1', { waveId: 'w', kind: 'area', indices: [] }, [])).not.toBeNull();
    expect(redact('kz.seriktes.trust-index.updated.v1', { instrumentCode: 'staff-pulse', value: 60 }, [])).toBeNull();
  });
});
