/** GraphQL object and input types of commission-tasks (every field described). */
import { Directive, Field, Float, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { ConnectionType, LocalizedTextInput, LocalizedTextNode } from '@seriktes/graphql';

@ObjectType('Precinct', { description: 'An administrative precinct (owned by inspector-roster).' })
@Directive('@key(fields: "id")')
export class PrecinctRef {
  @Field(() => ID, { description: 'Precinct code, e.g. AST-ESL-01.' })
  id!: string;
}

@ObjectType('OrganisationPerson', { description: 'An official of an organisation (work details only).' })
export class PersonNode {
  @Field({ description: 'Full name.' })
  name!: string;
  @Field({ description: 'Position.' })
  position!: string;
  @Field(() => String, { nullable: true, description: 'Work e-mail.' })
  email!: string | null;
  @Field(() => String, { nullable: true, description: 'Work phone, +7 and 10 digits.' })
  phone!: string | null;
}

@ObjectType('SharingAgreement', { description: 'An information-sharing agreement: what a partner may see beyond ids, categories, territory, statuses, dates and counts.' })
export class AgreementNode {
  @Field(() => ID, { description: 'Id.' })
  id!: string;
  @Field({ description: 'The partner organisation.' })
  organisationId!: string;
  @Field(() => [String], { description: 'Scopes granted: decisions, task_details, linked_requests, sensitive_tasks.' })
  scopes!: string[];
  @Field({ description: 'Territory it covers.' })
  territoryCode!: string;
  @Field({ description: 'Signed on (YYYY-MM-DD).' })
  signedOn!: string;
  @Field({ description: 'To be reviewed by (YYYY-MM-DD); it lapses after that day.' })
  reviewOn!: string;
  @Field(() => String, { nullable: true, description: 'When it was revoked or replaced (ISO 8601).' })
  revokedAt!: string | null;
  @Field({ description: 'In force today: signed, not revoked, not past its review date.' })
  inForce!: boolean;
}

@ObjectType('Organisation', { description: 'An agency or partner organisation that sits on commissions and carries out tasks.' })
export class OrganisationNode {
  @Field(() => ID, { description: 'Id, also the partner_org_id of its users, e.g. ast-akimat.' })
  id!: string;
  @Field({ description: 'police, akimat, school, health, social_protection, prosecutor, ngo, housing, business or other.' })
  kind!: string;
  @Field(() => LocalizedTextNode, { description: 'Name in Kazakh, Russian and English.' })
  name!: LocalizedTextNode;
  @Field({ description: 'Territory it serves (region, district or precinct code).' })
  territoryCode!: string;
  @Field(() => PersonNode, { nullable: true, description: 'Point of contact able to commit resources (its own people, the secretariat and staff of its territory; audit-logged).' })
  pointOfContact!: PersonNode | null;
  @Field(() => PersonNode, { nullable: true, description: 'Deputy of the point of contact (same access as the contact).' })
  deputy!: PersonNode | null;
  @Field(() => PersonNode, { nullable: true, description: 'Manager of the point of contact: the second step of escalation (same access as the contact).' })
  manager!: PersonNode | null;
}

@ObjectType('Commission', { description: 'An interagency commission on crime prevention under an akimat.' })
export class CommissionNode {
  @Field(() => ID, { description: 'Id.' })
  id!: string;
  @Field({ description: 'Code, e.g. AST-IAC.' })
  code!: string;
  @Field({ description: 'republic, region or district.' })
  level!: string;
  @Field({ description: 'Territory: KAZ, a region or a district code.' })
  territoryCode!: string;
  @Field(() => LocalizedTextNode, { description: 'Name in Kazakh, Russian and English.' })
  name!: LocalizedTextNode;
  @Field({ description: 'Id of the host akimat.' })
  hostAkimatId!: string;
  @Field({ description: 'Position of the chair (the escalation ladder’s last step).' })
  chairPosition!: string;
  @Field({ description: 'Name of the chair.' })
  chairName!: string;
  @Field(() => Int, { description: 'Working days before a due date when executors are reminded.' })
  reminderWorkingDays!: number;
  @Field(() => [Int], { description: 'Waits in working days of the escalation steps: point of contact (after the due time), manager, chair.' })
  escalationWaits!: number[];
  @Field({ description: 'Whether its public accountability view is published.' })
  published!: boolean;
}

@ObjectType('AgendaItem', { description: 'An item on a meeting’s agenda.' })
export class AgendaItemNode {
  @Field(() => Int, { description: 'Position, from 1.' })
  position!: number;
  @Field({ description: 'problem, request_stats, partner_proposal, carry_over, recommendation_package or other.' })
  source!: string;
  @Field({ description: 'Title.' })
  title!: string;
  @Field(() => String, { nullable: true, description: 'What it refers to: a problem id, task numbers, a package id.' })
  reference!: string | null;
  @Field(() => String, { nullable: true, description: 'Organisation that proposed it.' })
  proposedBy!: string | null;
  @Field(() => String, { nullable: true, description: 'Figures attached (JSON), e.g. requests by category over 90 days.' })
  summary!: string | null;
}

@ObjectType('MeetingAttendance', { description: 'Whether a member organisation attended.' })
export class AttendanceNode {
  @Field({ description: 'Member organisation.' })
  organisationId!: string;
  @Field({ description: 'present, apologies or absent.' })
  status!: string;
  @Field(() => String, { nullable: true, description: 'Who represented it (position).' })
  representative!: string | null;
}

@ObjectType('CommissionMeeting', { description: 'A meeting of a commission.' })
export class MeetingNode {
  @Field(() => ID, { description: 'Id.' })
  id!: string;
  @Field({ description: 'Commission id.' })
  commissionId!: string;
  @Field(() => Int, { description: 'Number within the year.' })
  number!: number;
  @Field(() => Int, { description: 'Year.' })
  year!: number;
  @Field({ description: 'When it is scheduled (ISO 8601).' })
  scheduledAt!: string;
  @Field({ description: 'Where.' })
  venue!: string;
  @Field({ description: 'scheduled, held or cancelled.' })
  status!: string;
  @Field(() => String, { nullable: true, description: 'When it was held.' })
  heldAt!: string | null;
  @Field(() => String, { nullable: true, description: 'Last day for the minutes: the 3rd working day after the meeting.' })
  minutesDueOn!: string | null;
  @Field({ description: 'not_due, due, late (no published minutes after the due day), published or published_late.' })
  minutesState!: string;
  @Field(() => String, { nullable: true, description: 'When the minutes were published.' })
  minutesPublishedAt!: string | null;
  @Field(() => String, { nullable: true, description: 'The minutes (the draft for the secretariat, the published text for members).' })
  minutes!: string | null;
  @Field(() => [AgendaItemNode], { description: 'The agenda.' })
  agenda!: AgendaItemNode[];
  @Field(() => [AttendanceNode], { description: 'Attendance and apologies.' })
  attendance!: AttendanceNode[];
}

@ObjectType('DecisionEvidence', { description: 'Evidence a decision rests on.' })
export class EvidenceNode {
  @Field({ description: 'request_statistics, problem, survey, crime_statistics, inspection, partner_report or other.' })
  kind!: string;
  @Field({ description: 'Reference (an id, a report number).' })
  reference!: string;
  @Field({ description: 'What it shows.' })
  description!: string;
}

@InputType('DecisionEvidenceInput', { description: 'Evidence a decision rests on.' })
export class EvidenceInput {
  @Field({ description: 'request_statistics, problem, survey, crime_statistics, inspection, partner_report or other.' })
  kind!: string;
  @Field({ description: 'Reference (an id, a report number).' })
  reference!: string;
  @Field({ description: 'What it shows.' })
  description!: string;
}

@ObjectType('DecisionStageChange', { description: 'A step of a decision through the six-stage cycle.' })
export class StageChangeNode {
  @Field(() => String, { nullable: true, description: 'Stage before (none when recorded).' })
  from!: string | null;
  @Field({ description: 'Stage after.' })
  to!: string;
  @Field(() => String, { nullable: true, description: 'Note.' })
  note!: string | null;
  @Field({ description: 'When.' })
  changedAt!: string;
}

@ObjectType('CommissionDecision', { description: 'A decision of a commission: what, why, on which evidence, and where it is in the six-stage cycle.' })
export class DecisionNode {
  @Field(() => ID, { description: 'Id.' })
  id!: string;
  @Field({ description: 'Commission id.' })
  commissionId!: string;
  @Field(() => String, { nullable: true, description: 'Meeting that took it.' })
  meetingId!: string | null;
  @Field({ description: 'Protocol number, e.g. AST-IAC-2026/4-2.' })
  number!: string;
  @Field({ description: 'Title.' })
  title!: string;
  @Field({ description: 'What was decided.' })
  what!: string;
  @Field(() => String, { nullable: true, description: 'Why (staff, and partners whose agreement grants `decisions`).' })
  why!: string | null;
  @Field(() => [EvidenceNode], { nullable: true, description: 'Evidence (same access as `why`).' })
  evidence!: EvidenceNode[] | null;
  @Field({ description: 'Territory it concerns.' })
  territoryCode!: string;
  @Field({ description: 'diagnose, collect, alternatives, decide, implement or evaluate.' })
  stage!: string;
  @Field(() => String, { nullable: true, description: 'What was learned (at the evaluate stage).' })
  evaluation!: string | null;
  @Field({ description: 'When it was recorded.' })
  recordedAt!: string;
}

@ObjectType('Recommendation', { description: 'One recommendation of a package.' })
export class RecommendationNode {
  @Field({ description: 'Text.' })
  text!: string;
  @Field(() => Boolean, { nullable: true, description: 'Accepted by the akim (null until answered).' })
  accepted!: boolean | null;
}

@ObjectType('RecommendationPackage', { description: 'An analytical group’s recommendations to the akim, and the answer.' })
export class PackageNode {
  @Field(() => ID, { description: 'Id.' })
  id!: string;
  @Field({ description: 'Title.' })
  title!: string;
  @Field({ description: 'The analysis it rests on.' })
  analysis!: string;
  @Field(() => [RecommendationNode], { description: 'The recommendations.' })
  recommendations!: RecommendationNode[];
  @Field({ description: 'To whom (the akim’s position).' })
  addressee!: string;
  @Field({ description: 'draft, submitted or answered.' })
  status!: string;
  @Field(() => String, { nullable: true, description: 'When submitted.' })
  submittedAt!: string | null;
  @Field(() => String, { nullable: true, description: 'The akim’s answer.' })
  answer!: string | null;
  @Field(() => String, { nullable: true, description: 'When answered.' })
  answeredAt!: string | null;
}

@ObjectType('TaskAttachment', { description: 'Metadata of a document attached to a report (the file is in the document store).' })
export class AttachmentNode {
  @Field({ description: 'File name.' })
  name!: string;
  @Field({ description: 'Media type.' })
  mediaType!: string;
  @Field(() => Int, { description: 'Size in bytes.' })
  sizeBytes!: number;
  @Field(() => String, { nullable: true, description: 'SHA-256 of the content.' })
  sha256!: string | null;
  @Field(() => String, { nullable: true, description: 'Link in the document store.' })
  url!: string | null;
}

@InputType('TaskAttachmentInput', { description: 'Metadata of a document attached to a report.' })
export class AttachmentInputType {
  @Field({ description: 'File name.' })
  name!: string;
  @Field({ description: 'Media type, e.g. application/pdf.' })
  mediaType!: string;
  @Field(() => Int, { description: 'Size in bytes (at most 50 MB).' })
  sizeBytes!: number;
  @Field(() => String, { nullable: true, description: 'SHA-256 of the content (64 hex digits).' })
  sha256?: string | null;
  @Field(() => String, { nullable: true, description: 'Link in the document store.' })
  url?: string | null;
}

@ObjectType('TaskReport', { description: 'A progress or final report on a task.' })
export class ReportNode {
  @Field(() => ID, { description: 'Id.' })
  id!: string;
  @Field({ description: 'Reporting organisation.' })
  organisationId!: string;
  @Field({ description: 'Who submitted it (username).' })
  author!: string;
  @Field({ description: 'What was done.' })
  text!: string;
  @Field(() => [AttachmentNode], { description: 'Attachments.' })
  attachments!: AttachmentNode[];
  @Field(() => Int, { description: 'Progress claimed, 0-100.' })
  progressPercent!: number;
  @Field({ description: 'A final report asks for the task to be accepted as done.' })
  final!: boolean;
  @Field({ description: 'When submitted.' })
  submittedAt!: string;
  @Field(() => String, { nullable: true, description: 'accepted or returned (null while waiting).' })
  outcome!: string | null;
  @Field(() => String, { nullable: true, description: 'Why it was returned.' })
  returnReason!: string | null;
  @Field(() => String, { nullable: true, description: 'When reviewed.' })
  reviewedAt!: string | null;
}

@ObjectType('TaskEscalation', { description: 'A step of the escalation ladder taken for an overdue task (immutable).' })
export class EscalationNode {
  @Field(() => Int, { description: '1 point of contact, 2 their manager, 3 the commission chair.' })
  step!: number;
  @Field({ description: 'point_of_contact, manager or chair.' })
  target!: string;
  @Field({ description: 'Organisation of the person asked.' })
  targetOrganisationId!: string;
  @Field(() => String, { nullable: true, description: 'Position of the person asked.' })
  targetPosition!: string | null;
  @Field({ description: 'The due time that was missed.' })
  dueAt!: string;
  @Field({ description: 'When the step was taken.' })
  escalatedAt!: string;
}

@ObjectType('TaskMeetingReview', { description: 'A review of an unfinished task at a meeting.' })
export class ReviewNode {
  @Field({ description: 'Meeting.' })
  meetingId!: string;
  @Field({ description: 'circumstances_changed or not_done_by_agency.' })
  reasonCode!: string;
  @Field({ description: 'carried_over or closed.' })
  outcome!: string;
  @Field({ description: 'Due time before.' })
  previousDueAt!: string;
  @Field(() => String, { nullable: true, description: 'New due time, when carried over.' })
  newDueAt!: string | null;
  @Field(() => String, { nullable: true, description: 'Note.' })
  note!: string | null;
  @Field({ description: 'When reviewed.' })
  reviewedAt!: string;
}

@ObjectType('CommissionTask', { description: 'A task of a commission decision (or protocol) carried out by agencies and partners.' })
export class TaskNode {
  @Field(() => ID, { description: 'Id.' })
  id!: string;
  @Field({ description: 'Number, e.g. AST-IAC-T007.' })
  number!: string;
  @Field({ description: 'Title.' })
  title!: string;
  @Field({ description: 'What is to be done.' })
  description!: string;
  @Field({ description: 'Commission id.' })
  commissionId!: string;
  @Field(() => String, { nullable: true, description: 'Decision id (none for a protocol task).' })
  decisionId!: string | null;
  @Field({ description: 'Lead organisation.' })
  leadOrganisationId!: string;
  @Field(() => [String], { description: 'Co-executing organisations.' })
  coExecutorIds!: string[];
  @Field({ description: 'Territory (region, district or precinct code).' })
  territoryCode!: string;
  @Field(() => PrecinctRef, { nullable: true, description: 'The precinct, when the task is that local.' })
  precinct!: PrecinctRef | null;
  @Field({ description: 'low, normal, high or critical.' })
  priority!: string;
  @Field({ description: 'assigned, accepted, in_progress, reported, done, not_done or cancelled.' })
  status!: string;
  @Field({ description: 'date or timeframe.' })
  dueKind!: string;
  @Field(() => Int, { nullable: true, description: 'The timeframe in working days, when given so.' })
  timeframeWorkingDays!: number | null;
  @Field({ description: 'Due day (YYYY-MM-DD, Asia/Almaty).' })
  dueOn!: string;
  @Field({ description: 'Due time (end of the due day).' })
  dueAt!: string;
  @Field({ description: 'Open, owed by the executor and past its due time.' })
  overdue!: boolean;
  @Field({ description: 'When assigned.' })
  assignedAt!: string;
  @Field(() => String, { nullable: true, description: 'When accepted by the lead.' })
  acceptedAt!: string | null;
  @Field(() => String, { nullable: true, description: 'When the last final report came.' })
  reportedAt!: string | null;
  @Field(() => String, { nullable: true, description: 'When closed.' })
  closedAt!: string | null;
  @Field(() => Boolean, { nullable: true, description: 'Done by the due date (done tasks).' })
  onTime!: boolean | null;
  @Field(() => Int, { description: 'Progress from accepted reports, 0-100.' })
  progressPercent!: number;
  @Field(() => String, { nullable: true, description: 'Protocol template, e.g. school-child-in-difficulty.' })
  templateCode!: string | null;
  @Field({ description: 'Concerns minors or victims: shared only under an agreement.' })
  sensitive!: boolean;
  @Field(() => String, { nullable: true, description: 'The problem (citizen-requests) it addresses.' })
  problemId!: string | null;
  @Field({ description: 'Whether the problem may count as resolved only after this task is closed.' })
  blocksProblem!: boolean;
  @Field(() => [String], { nullable: true, description: 'Citizen requests it answers to (partners: under a linked_requests agreement).' })
  requestIds!: string[] | null;
  @Field(() => String, { nullable: true, description: 'A survey result it refers to.' })
  surveyReference!: string | null;
  @Field(() => Int, { description: 'Times carried over.' })
  carryOvers!: number;
}

export const TaskConnection = ConnectionType(TaskNode, 'CommissionTaskConnection', 'A page of commission tasks, soonest due first.');

@ObjectType('TaskStatsGroup', { description: 'Task figures of one agency, status or month.' })
export class TaskStatsNode {
  @Field({ description: 'The agency id, status or month (YYYY-MM of assignment).' })
  key!: string;
  @Field(() => Int, { description: 'Tasks.' })
  total!: number;
  @Field(() => Int, { description: 'Open.' })
  open!: number;
  @Field(() => Int, { description: 'Open and overdue now.' })
  overdue!: number;
  @Field(() => Int, { description: 'Done.' })
  done!: number;
  @Field(() => Int, { description: 'Done by the due date.' })
  doneOnTime!: number;
  @Field(() => Float, { nullable: true, description: 'On-time completion rate, percent (null when none done).' })
  onTimeRate!: number | null;
  @Field(() => Float, { nullable: true, description: 'Median days overdue of tasks overdue now and done late.' })
  medianDaysOverdue!: number | null;
}

@ObjectType('AccountabilityDecision', { description: 'A decision in the public view: what, stage, progress, dates.' })
export class AccountabilityDecisionNode {
  @Field({ description: 'Protocol number.' })
  number!: string;
  @Field({ description: 'What was decided (title).' })
  title!: string;
  @Field({ description: 'Stage of the cycle.' })
  stage!: string;
  @Field({ description: 'Territory.' })
  territoryCode!: string;
  @Field({ description: 'When decided.' })
  recordedAt!: string;
  @Field(() => Int, { description: 'Tasks (not cancelled, not sensitive).' })
  tasks!: number;
  @Field(() => Int, { description: 'Done.' })
  done!: number;
  @Field(() => Int, { description: 'Open.' })
  open!: number;
  @Field(() => Int, { description: 'Overdue.' })
  overdue!: number;
  @Field(() => Int, { description: 'Progress, percent.' })
  progressPercent!: number;
  @Field(() => String, { nullable: true, description: 'Latest due day of its tasks.' })
  lastDueOn!: string | null;
}

@ObjectType('CommissionAccountability', { description: 'The public accountability view of a commission: no personal data.' })
export class AccountabilityNode {
  @Field({ description: 'Commission code.' })
  code!: string;
  @Field(() => LocalizedTextNode, { description: 'Name.' })
  name!: LocalizedTextNode;
  @Field({ description: 'Territory.' })
  territoryCode!: string;
  @Field({ description: 'When the view was published.' })
  publishedAt!: string;
  @Field(() => Int, { description: 'Meetings held.' })
  meetingsHeld!: number;
  @Field(() => String, { nullable: true, description: 'Last meeting.' })
  lastMeetingAt!: string | null;
  @Field(() => Int, { description: 'Mean progress of decisions with tasks, percent.' })
  progressPercent!: number;
  @Field(() => [AccountabilityDecisionNode], { description: 'Decisions, newest first.' })
  decisions!: AccountabilityDecisionNode[];
}

@ObjectType('TaskTemplate', { description: 'A protocol task with a hard SLA from the law.' })
export class TemplateNode {
  @Field({ description: 'Code.' })
  code!: string;
  @Field(() => LocalizedTextNode, { description: 'Title.' })
  title!: LocalizedTextNode;
  @Field(() => LocalizedTextNode, { description: 'What is to be done.' })
  description!: LocalizedTextNode;
  @Field(() => Int, { description: 'Working days allowed.' })
  workingDays!: number;
  @Field(() => [String], { description: 'Kinds of organisation that lead it.' })
  leadKinds!: string[];
  @Field({ description: 'Source in law.' })
  source!: string;
}

@InputType('DueInput', { description: 'A due date: either a date or a timeframe in working days from assignment.' })
export class DueInputType {
  @Field(() => String, { nullable: true, description: 'Due day, YYYY-MM-DD (due at its end, Asia/Almaty).' })
  date?: string | null;
  @Field(() => Int, { nullable: true, description: 'Working days from the day of assignment (e.g. 1, 3, 10, 30).' })
  workingDays?: number | null;
}

@InputType('IllTreatmentAssessmentInput', { description: 'Block scores of an ill-treatment assessment (joint order of July 2023).' })
export class AssessmentInputType {
  @Field(() => Int, { description: 'Physical violence block, points.' })
  physical!: number;
  @Field(() => Int, { description: 'Psychological violence block, points.' })
  psychological!: number;
  @Field(() => Int, { description: 'Economic violence block, points.' })
  economic!: number;
  @Field(() => Int, { description: 'Sexual violence block, points.' })
  sexual!: number;
  @Field({ description: 'The person is a minor (referral to the guardianship authority).' })
  minor!: boolean;
}

@InputType('AssignTaskInput', { description: 'A task to assign.' })
export class AssignTaskInputType {
  @Field({ description: 'Commission id.' })
  commissionId!: string;
  @Field(() => String, { nullable: true, description: 'Decision it carries out.' })
  decisionId?: string | null;
  @Field(() => String, { nullable: true, description: 'Protocol template (sets the due date, priority and sensitivity).' })
  templateCode?: string | null;
  @Field(() => String, { nullable: true, description: 'Title (the template’s by default).' })
  title?: string | null;
  @Field({ description: 'What is to be done.' })
  description!: string;
  @Field({ description: 'Lead organisation.' })
  leadOrganisationId!: string;
  @Field(() => [String], { nullable: true, description: 'Co-executing organisations.' })
  coExecutorIds?: string[] | null;
  @Field({ description: 'Territory (region, district or precinct code) within the commission’s.' })
  territoryCode!: string;
  @Field(() => DueInputType, { nullable: true, description: 'Due date or timeframe (not with a template).' })
  due?: DueInputType | null;
  @Field(() => String, { nullable: true, description: 'low, normal (default), high or critical.' })
  priority?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'Concerns minors or victims.' })
  sensitive?: boolean | null;
  @Field(() => String, { nullable: true, description: 'Problem id (citizen-requests).' })
  problemId?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'The problem may count as resolved only after this task is closed.' })
  blocksProblem?: boolean | null;
  @Field(() => [String], { nullable: true, description: 'Citizen request ids.' })
  requestIds?: string[] | null;
  @Field(() => String, { nullable: true, description: 'A survey result it refers to.' })
  surveyReference?: string | null;
  @Field(() => String, { nullable: true, description: 'Roster id of the inspector responsible (police tasks).' })
  inspectorId?: string | null;
  @Field(() => AssessmentInputType, { nullable: true, description: 'For ill-treatment-referral: the assessment.' })
  assessment?: AssessmentInputType | null;
}

@InputType('TaskFilter', { description: 'Filters of a task list.' })
export class TaskFilterInput {
  @Field(() => String, { nullable: true, description: 'Commission id.' })
  commissionId?: string | null;
  @Field(() => String, { nullable: true, description: 'Decision id.' })
  decisionId?: string | null;
  @Field(() => String, { nullable: true, description: 'Agency (lead or co-executor).' })
  agency?: string | null;
  @Field(() => [String], { nullable: true, description: 'Statuses.' })
  status?: string[] | null;
  @Field(() => Boolean, { nullable: true, description: 'Only overdue (true) or not overdue (false).' })
  overdue?: boolean | null;
  @Field(() => String, { nullable: true, description: 'Due before this time.' })
  dueBefore?: string | null;
  @Field(() => String, { nullable: true, description: 'Within this territory.' })
  territoryCode?: string | null;
}

@InputType('AgendaItemInput', { description: 'An agenda item.' })
export class AgendaItemInputType {
  @Field({ description: 'problem, request_stats, partner_proposal, recommendation_package or other.' })
  source!: string;
  @Field({ description: 'Title.' })
  title!: string;
  @Field(() => String, { nullable: true, description: 'Reference (problem id, package id).' })
  reference?: string | null;
  @Field(() => String, { nullable: true, description: 'Proposing organisation (partner proposals).' })
  proposedBy?: string | null;
}

@InputType('AttendanceInput', { description: 'Attendance of a member organisation.' })
export class AttendanceInputType {
  @Field({ description: 'Member organisation.' })
  organisationId!: string;
  @Field({ description: 'present, apologies or absent.' })
  status!: string;
  @Field(() => String, { nullable: true, description: 'Representative (position).' })
  representative?: string | null;
}

@InputType('OrganisationPersonInput', { description: 'An official (work details).' })
export class PersonInputType {
  @Field({ description: 'Full name.' })
  name!: string;
  @Field({ description: 'Position.' })
  position!: string;
  @Field(() => String, { nullable: true, description: 'Work e-mail.' })
  email?: string | null;
  @Field(() => String, { nullable: true, description: 'Work phone, +7 and 10 digits.' })
  phone?: string | null;
}

@InputType('RegisterOrganisationInput', { description: 'An organisation to register.' })
export class OrganisationInputType {
  @Field({ description: 'Id (partner_org_id of its users).' })
  id!: string;
  @Field({ description: 'Kind.' })
  kind!: string;
  @Field(() => LocalizedTextInput, { description: 'Name.' })
  name!: LocalizedTextInput;
  @Field({ description: 'Territory code.' })
  territoryCode!: string;
  @Field(() => PersonInputType, { description: 'Point of contact able to commit resources.' })
  pointOfContact!: PersonInputType;
  @Field(() => PersonInputType, { nullable: true, description: 'Deputy.' })
  deputy?: PersonInputType | null;
  @Field(() => PersonInputType, { nullable: true, description: 'Manager of the point of contact.' })
  manager?: PersonInputType | null;
}

@InputType('CreateCommissionInput', { description: 'A commission to set up.' })
export class CommissionInputType {
  @Field({ description: 'Code, e.g. AST-IAC.' })
  code!: string;
  @Field({ description: 'republic, region or district.' })
  level!: string;
  @Field({ description: 'KAZ, a region or a district code.' })
  territoryCode!: string;
  @Field({ description: 'Host akimat (organisation of kind akimat).' })
  hostAkimatId!: string;
  @Field(() => LocalizedTextInput, { description: 'Name.' })
  name!: LocalizedTextInput;
  @Field({ description: 'Chair’s name.' })
  chairName!: string;
  @Field({ description: 'Chair’s position.' })
  chairPosition!: string;
  @Field(() => [String], { description: 'Member organisations.' })
  memberIds!: string[];
  @Field(() => Int, { nullable: true, description: 'Working days of reminder before a due date (2 by default).' })
  reminderWorkingDays?: number | null;
  @Field(() => [Int], { nullable: true, description: 'Escalation waits in working days (0, 2, 3 by default).' })
  escalationWaits?: number[] | null;
}
