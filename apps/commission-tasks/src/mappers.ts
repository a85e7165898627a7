import { parsePrecinctCode } from '@seriktes/contracts';
import type { CommissionRow } from './commissions/commission.service';
import type { DecisionRow, PackageRow } from './decisions/decision.service';
import type { AgendaRow, MeetingRow } from './meetings/meeting.service';
import type { AgreementRow, OrganisationRow } from './organisations/organisation.service';
import type { TaskRow } from './tasks/task.service';
import type { AgreementNode, CommissionNode, DecisionNode, MeetingNode, OrganisationNode, PackageNode, TaskNode } from './graphql.types';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function organisationNode(o: OrganisationRow, withContacts: boolean): OrganisationNode {
  const person = (name: string | null, position: string | null, email: string | null = null, phone: string | null = null) => (name && position ? { name, position, email, phone } : null);
  return {
    id: o.id,
    kind: o.kind,
    name: { kk: o.name_kk, ru: o.name_ru, en: o.name_en },
    territoryCode: o.territory_code,
    pointOfContact: withContacts ? person(o.contact_name, o.contact_position, o.contact_email, o.contact_phone) : null,
    deputy: withContacts ? person(o.deputy_name, o.deputy_position) : null,
    manager: withContacts ? person(o.manager_name, o.manager_position) : null,
  };
}

export function agreementNode(a: AgreementRow, today: string): AgreementNode {
  return {
    id: a.id,
    organisationId: a.organisation_id,
    scopes: a.scopes,
    territoryCode: a.territory_code,
    signedOn: a.signed_on,
    reviewOn: a.review_on,
    revokedAt: iso(a.revoked_at),
    inForce: !a.revoked_at && a.signed_on <= today && a.review_on >= today,
  };
}

export function commissionNode(c: CommissionRow): CommissionNode {
  return {
    id: c.id,
    code: c.code,
    level: c.level,
    territoryCode: c.territory_code,
    name: { kk: c.name_kk, ru: c.name_ru, en: c.name_en },
    hostAkimatId: c.host_akimat_id,
    chairName: c.chair_name,
    chairPosition: c.chair_position,
    reminderWorkingDays: c.reminder_working_days,
    escalationWaits: c.escalation_waits,
    published: c.published,
  };
}

export function meetingNode(m: MeetingRow, state: string, agenda: AgendaRow[], attendance: Array<{ organisation_id: string; status: string; representative: string | null }>, showDraft: boolean): Omit<MeetingNode, never> {
  return {
    id: m.id,
    commissionId: m.commission_id,
    number: m.number,
    year: m.year,
    scheduledAt: m.scheduled_at.toISOString(),
    venue: m.venue,
    status: m.status,
    heldAt: iso(m.held_at),
    minutesDueOn: m.minutes_due_on,
    minutesState: state,
    minutesPublishedAt: iso(m.minutes_published_at),
    minutes: m.minutes_published_at || showDraft ? m.minutes_text : null,
    agenda: agenda.map((a) => ({ position: a.position, source: a.source, title: a.title, reference: a.reference, proposedBy: a.proposed_by, summary: a.summary ? JSON.stringify(a.summary) : null })),
    attendance: attendance.map((a) => ({ organisationId: a.organisation_id, status: a.status, representative: a.representative })),
  };
}

export function decisionNode(d: DecisionRow, withReasons: boolean): DecisionNode {
  return {
    id: d.id,
    commissionId: d.commission_id,
    meetingId: d.meeting_id,
    number: d.number,
    title: d.title,
    what: d.what,
    why: withReasons ? d.why : null,
    evidence: withReasons ? d.evidence : null,
    territoryCode: d.territory_code,
    stage: d.stage,
    evaluation: d.evaluation,
    recordedAt: d.recorded_at.toISOString(),
  };
}

export function packageNode(p: PackageRow): PackageNode {
  return { id: p.id, title: p.title, analysis: p.analysis, recommendations: p.recommendations, addressee: p.addressee, status: p.status, submittedAt: iso(p.submitted_at), answer: p.answer, answeredAt: iso(p.answered_at) };
}

export function taskNode(t: TaskRow, options: { requests: boolean }, now = new Date()): TaskNode {
  return {
    id: t.id,
    number: t.number,
    title: t.title,
    description: t.description,
    commissionId: t.commission_id,
    decisionId: t.decision_id,
    leadOrganisationId: t.lead_org_id,
    coExecutorIds: t.co_executor_ids,
    territoryCode: t.territory_code,
    precinct: parsePrecinctCode(t.territory_code) ? { id: t.territory_code } : null,
    priority: t.priority,
    status: t.status,
    dueKind: t.due_kind,
    timeframeWorkingDays: t.timeframe_working_days,
    dueOn: t.due_on,
    dueAt: t.due_at.toISOString(),
    overdue: ['assigned', 'accepted', 'in_progress'].includes(t.status) && t.due_at < now,
    assignedAt: t.assigned_at.toISOString(),
    acceptedAt: iso(t.accepted_at),
    reportedAt: iso(t.reported_at),
    closedAt: iso(t.closed_at),
    onTime: t.on_time,
    progressPercent: t.status === 'done' ? 100 : t.progress_percent,
    templateCode: t.template_code,
    sensitive: t.sensitive,
    problemId: t.problem_id,
    blocksProblem: t.blocks_problem,
    requestIds: options.requests ? t.request_ids : null,
    surveyReference: t.survey_reference,
    carryOvers: t.carry_overs,
  };
}

