import { Directive, Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ConnectionType } from '@seriktes/graphql';
import type { RequestChannel, RequestKind } from './citizen-request.entity';
import type { CitizenRequestEntity } from './citizen-request.entity';

export const URGENT_ADVICE = 'Urgent: call 102 now. Your report has been handed to the police duty unit at once.';

export enum RequestKindEnum {
  PROPOSAL = 'proposal',
  APPLICATION = 'application',
  COMPLAINT = 'complaint',
  FEEDBACK = 'feedback',
  INQUIRY = 'inquiry',
  TIP = 'tip',
}
registerEnumType(RequestKindEnum, {
  name: 'RequestKind',
  description: 'Kind of appeal under the Administrative Procedural Code, or an anonymous tip.',
  valuesMap: {
    PROPOSAL: { description: 'Proposal (ұсыныс / предложение).' },
    APPLICATION: { description: 'Application or statement (өтініш / заявление).' },
    COMPLAINT: { description: 'Complaint (шағым / жалоба), also about an officer.' },
    FEEDBACK: { description: 'Feedback or opinion (пікір / отклик).' },
    INQUIRY: { description: 'Inquiry (сұрау салу / запрос).' },
    TIP: { description: 'Anonymous report of a crime or threat: no statutory term, only an internal target.' },
  },
});

export enum RequestChannelEnum {
  WEB = 'web',
  OPEN311 = 'open311',
  WALK_IN = 'walk-in',
  LETTER = 'letter',
  PHONE_102 = 'line-102',
  TELEGRAM = 'telegram',
  PARTNER = 'partner',
}
registerEnumType(RequestChannelEnum, {
  name: 'RequestChannel',
  description: 'How a request arrived.',
  valuesMap: {
    WEB: { description: 'The web or mobile app (the citizen themself).' },
    OPEN311: { description: 'A partner app through the Open311 API.' },
    WALK_IN: { description: 'In person at a precinct point or post, registered by staff.' },
    LETTER: { description: 'A written letter, registered by staff with the date it arrived.' },
    PHONE_102: { description: 'Handed over from the 102 line.' },
    TELEGRAM: { description: 'The Telegram bot (a partner client).' },
    PARTNER: { description: 'Another partner system (e.g. the e-appeals portal).' },
  },
});

export enum RequestStatusEnum {
  REGISTERED = 'registered',
  ASSIGNED = 'assigned',
  IN_PROGRESS = 'in_progress',
  EXTENDED = 'extended',
  REDIRECTED = 'redirected',
  ANSWERED = 'answered',
  RESOLVED = 'resolved',
  CLOSED = 'closed',
  REOPENED = 'reopened',
  UNDER_CONTROL = 'under_control',
}
registerEnumType(RequestStatusEnum, {
  name: 'RequestStatus',
  description: 'Where a request is in its workflow.',
  valuesMap: {
    REGISTERED: { description: 'Registered; not yet routed to an inspector or queue.' },
    ASSIGNED: { description: 'Routed to an inspector or a queue.' },
    IN_PROGRESS: { description: 'Being looked into.' },
    EXTENDED: { description: 'Its term was extended by a reasoned decision of the unit head.' },
    REDIRECTED: { description: 'Sent to the competent body (outside police competence).' },
    ANSWERED: { description: 'The answer was sent to the applicant.' },
    RESOLVED: { description: 'The inspector reports the resolution criteria met; awaits the unit head.' },
    CLOSED: { description: 'Closed by the unit head or deputy.' },
    REOPENED: { description: 'Reopened for another look, with a new term.' },
    UNDER_CONTROL: { description: 'Answered, the fix takes long: under additional control (000:L10679).' },
  },
});

/** The precinct, owned by inspector-roster; this subgraph adds the precinct's requests. */
@ObjectType('Precinct', { description: 'An administrative precinct (әкімшілік учаске / административный участок) served by a district inspector.' })
@Directive('@key(fields: "id")')
export class PrecinctRef {
  @Field(() => ID, { description: 'Precinct code, e.g. AST-ESL-01 (region-district-number).' })
  id!: string;
}

/** An inspector of the roster (owned by inspector-roster), referenced by id. */
@ObjectType('Inspector', { description: 'A district police inspector of the roster.' })
@Directive('@key(fields: "id", resolvable: false)')
export class InspectorRef {
  @Field(() => ID, { description: 'Roster id of the inspector.' })
  id!: string;
}

@ObjectType('GeoPointOfRequest', { description: 'Where a request is about (WGS 84).' })
export class RequestPoint {
  @Field(() => Float, { description: 'Latitude, degrees north.' })
  lat!: number;

  @Field(() => Float, { description: 'Longitude, degrees east.' })
  lon!: number;
}

@ObjectType('DuplicateSuggestion', { description: 'A request that may be the same: same category, within 50 m, open or closed in the last 30 days.' })
export class DuplicateSuggestionNode {
  @Field(() => ID, { description: 'Id of the other request.' })
  id!: string;

  @Field({ description: 'Its registration number.' })
  registrationNumber!: string;

  @Field({ description: 'Its status.' })
  status!: string;

  @Field(() => Float, { description: 'Metres between the two.' })
  distanceMetres!: number;

  @Field({ description: 'When it was registered.' })
  registeredAt!: string;
}

@ObjectType('RegistrationCoupon', { description: 'The registration coupon (талон): proof that the request was registered.' })
export class RegistrationCouponNode {
  @Field({ description: 'Registration number, unique per region and year.' })
  registrationNumber!: string;

  @Field({ description: 'When it was registered (ISO 8601).' })
  registeredAt!: string;

  @Field({ description: 'Who or which channel accepted it.' })
  acceptedBy!: string;

  @Field({ description: 'Retried submit: this is the first registration, returned again.' })
  replayed!: boolean;

  @Field(() => String, { nullable: true, description: 'What the applicant should do now (urgent: call 102).' })
  advice!: string | null;
}

@ObjectType('CitizenRequest', { description: 'A registered citizen request (өтініш / обращение): an application, complaint, proposal, inquiry, feedback or tip.' })
export class CitizenRequestNode {
  @Field(() => ID, { description: 'Stable id of the request.' })
  id!: string;

  @Field({ description: 'Registration number on the coupon handed to the applicant, unique per region and year, e.g. AST-2026-000123.' })
  registrationNumber!: string;

  @Field(() => RequestKindEnum, { description: 'Kind of appeal.' })
  kind!: RequestKind;

  @Field({ description: 'Category code of the classifier, e.g. public-order-noise (deprecated name of categoryCode).', deprecationReason: 'Use categoryCode.' })
  category!: string;

  @Field({ description: 'Category code of the classifier, e.g. public-order-noise.' })
  categoryCode!: string;

  @Field(() => RequestChannelEnum, { description: 'How it arrived.' })
  channel!: RequestChannel;

  @Field(() => RequestStatusEnum, { description: 'Where it is in the workflow.' })
  status!: string;

  @Field({ description: 'Region code, e.g. AST.' })
  regionCode!: string;

  @Field(() => String, { nullable: true, description: 'District code, e.g. AST-ESL; null while routing is pending.' })
  districtCode!: string | null;

  @Field(() => PrecinctRef, { nullable: true, description: 'The precinct it concerns; null while routing is pending.' })
  precinct!: PrecinctRef | null;

  @Field(() => InspectorRef, { nullable: true, description: 'The inspector it is assigned to; null when it waits in a queue.' })
  assignee!: InspectorRef | null;

  @Field(() => String, { nullable: true, description: 'The queue it waits in when nobody is named: the district (AST-ESL), a desk (AST-ESL:fraud) or the unit head (AST-ESL:head).' })
  queue!: string | null;

  @Field({ description: 'The roster could not place it yet: a unit head or the scheduler will route it.' })
  routingPending!: boolean;

  @Field({ description: 'What the applicant wrote. Personal data: every read is audit-logged.' })
  description!: string;

  @Field(() => String, { nullable: true, description: 'Where it happened, in words.' })
  place!: string | null;

  @Field(() => RequestPoint, { nullable: true, description: 'Where it happened, as a point.' })
  location!: RequestPoint | null;

  @Field({ description: 'Priority: low, normal, high or critical (urgent ones are critical).' })
  priority!: string;

  @Field({ description: 'Urgent: handed to the duty unit at once, the applicant told to call 102.' })
  urgent!: boolean;

  @Field({ description: 'When it was received (ISO 8601); starts the legal clock.' })
  receivedAt!: string;

  @Field({ description: 'When it was registered (ISO 8601).' })
  registeredAt!: string;

  @Field(() => String, { nullable: true, description: 'The working day the receipt counts as (a receipt on a non-working day counts from the next working day).' })
  countedFrom!: string | null;

  @Field(() => String, { nullable: true, description: 'When the answer is due (ISO 8601, 23:59:59 Asia/Almaty of the last working day); for a tip, its internal target.' })
  dueAt!: string | null;

  @Field(() => String, { nullable: true, description: 'The latest an extension may reach (2 months from receipt); null for a tip.' })
  maxDueAt!: string | null;

  @Field(() => String, { nullable: true, description: 'The latest a redirect to another body may happen (3 working days from receipt); null for a tip.' })
  redirectDueAt!: string | null;

  @Field({ description: 'Unanswered after its due time.' })
  overdue!: boolean;

  @Field({ description: 'Under additional control of the unit head.' })
  underControl!: boolean;

  @Field(() => String, { nullable: true, description: 'When the answer was sent.' })
  answeredAt!: string | null;

  @Field(() => String, { nullable: true, description: 'When it was closed (or redirected).' })
  closedAt!: string | null;

  @Field(() => String, { nullable: true, description: 'The body it was redirected to.' })
  redirectedTo!: string | null;

  @Field(() => ID, { nullable: true, description: 'The earlier request this one repeats without new arguments.' })
  repeatOf!: string | null;

  @Field(() => RegistrationCouponNode, { description: 'The registration coupon handed to the applicant.' })
  coupon!: RegistrationCouponNode;
}

export const CitizenRequestConnection = ConnectionType(CitizenRequestNode, 'CitizenRequest', 'A page of citizen requests, newest first.');

export function toNode(row: CitizenRequestEntity, now = new Date(), replayed = false): CitizenRequestNode {
  return {
    coupon: {
      registrationNumber: row.registrationNumber,
      registeredAt: row.registeredAt.toISOString(),
      acceptedBy: row.acceptedBy ?? `channel:${row.channel}`,
      replayed,
      advice: row.urgent ? URGENT_ADVICE : null,
    },
    id: row.id,
    registrationNumber: row.registrationNumber,
    kind: row.kind,
    category: row.category,
    categoryCode: row.category,
    channel: row.channel,
    status: row.status,
    regionCode: row.regionCode,
    districtCode: row.districtCode,
    precinct: row.precinctCode ? { id: row.precinctCode } : null,
    assignee: row.assigneeId ? { id: row.assigneeId } : null,
    queue: row.queue,
    routingPending: row.routingPending,
    description: row.description,
    place: row.place,
    location: row.lat !== null && row.lon !== null ? { lat: row.lat, lon: row.lon } : null,
    priority: row.priority,
    urgent: row.urgent,
    receivedAt: row.receivedAt.toISOString(),
    registeredAt: row.registeredAt.toISOString(),
    countedFrom: row.countedFrom,
    dueAt: row.dueAt?.toISOString() ?? null,
    maxDueAt: row.maxDueAt?.toISOString() ?? null,
    redirectDueAt: row.redirectDueAt?.toISOString() ?? null,
    overdue: row.kind !== 'tip' && row.closedAt === null && row.answeredAt === null && row.dueAt !== null && row.dueAt.getTime() < now.getTime(),
    underControl: row.underControl,
    answeredAt: row.answeredAt?.toISOString() ?? null,
    closedAt: row.closedAt?.toISOString() ?? null,
    redirectedTo: row.redirectedTo,
    repeatOf: row.repeatOf,
  };
}

@InputType('GeoPointInput', { description: 'A point (WGS 84) in Kazakhstan.' })
export class GeoPointInput {
  @Field(() => Float, { description: 'Latitude, degrees north.' })
  lat!: number;

  @Field(() => Float, { description: 'Longitude, degrees east.' })
  lon!: number;
}

@InputType('ApplicantInput', { description: 'Who the applicant is: personal data, stored sealed and never in events.' })
export class ApplicantInputNode {
  @Field({ description: 'Full name.' })
  fullName!: string;

  @Field(() => String, { nullable: true, description: 'Phone, e.g. +77011234567 (for SMS about the request).' })
  phone?: string | null;

  @Field(() => String, { nullable: true, description: 'Individual identification number (IIN), 12 digits.' })
  iin?: string | null;

  @Field(() => String, { nullable: true, description: 'E-mail (for notifications).' })
  email?: string | null;

  @Field(() => String, { nullable: true, description: 'Postal address for a written answer.' })
  address?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'No SMS or e-mail about the request (follow it online).' })
  optOut?: boolean | null;
}

@InputType('RegisterCitizenRequestInput', { description: 'A request to register. Every field is checked; nothing is stored for a rejected input.' })
export class RegisterCitizenRequestInput {
  @Field(() => RequestKindEnum, { description: 'Kind of appeal; TIP for an anonymous report of a crime or threat.' })
  kind!: RequestKind;

  @Field({ description: 'Category code (see requestCategories).' })
  categoryCode!: string;

  @Field({ description: 'What happened, what is asked (10 to 5000 characters).' })
  description!: string;

  @Field(() => GeoPointInput, { nullable: true, description: 'Where (gives the precinct). Required unless staff give the precinct.' })
  location?: GeoPointInput | null;

  @Field(() => String, { nullable: true, description: 'The precinct, when staff know it (e.g. a walk-in at its precinct point).' })
  precinctCode?: string | null;

  @Field(() => String, { nullable: true, description: 'Where, in words (street, landmark).' })
  place?: string | null;

  @Field(() => RequestChannelEnum, { nullable: true, description: 'How it arrived (WEB by default; WALK_IN, LETTER, PHONE_102 for staff).' })
  channel?: RequestChannel | null;

  @Field(() => String, { nullable: true, description: 'When it was actually received (ISO 8601): staff channels only.' })
  receivedAt?: string | null;

  @Field(() => ApplicantInputNode, { nullable: true, description: 'The applicant; absent for a tip.' })
  applicant?: ApplicantInputNode | null;

  @Field(() => String, { nullable: true, description: 'The category’s structured fields as a JSON object, e.g. {"phone_numbers": ["+77011234567"], "amount": 150000}.' })
  attributesJson?: string | null;

  @Field(() => String, { nullable: true, description: 'A key of your choice (8-128 characters); a retried submit with the same key returns the first registration.' })
  idempotencyKey?: string | null;

  @Field(() => String, { nullable: true, description: 'Language of notifications to the applicant: kk, ru (default) or en.' })
  language?: string | null;
}

@ObjectType('RequestTransition', { description: 'One step in the life of a request.' })
export class TransitionNode {
  @Field({ description: 'The step: register, route, start, extend, redirect, answer, control, resolve, close, reopen, link.' })
  action!: string;

  @Field(() => String, { nullable: true, description: 'Status before.' })
  from!: string | null;

  @Field({ description: 'Status after.' })
  to!: string;

  @Field(() => String, { nullable: true, description: 'Who took it (username), or the platform.' })
  actor!: string | null;

  @Field(() => String, { nullable: true, description: 'Their role.' })
  actorRole!: string | null;

  @Field(() => String, { nullable: true, description: 'The reason given.' })
  reason!: string | null;

  @Field({ description: 'When (ISO 8601).' })
  at!: string;
}

@ObjectType('RequestDeadline', { description: 'A deadline of the legal clock.' })
export class DeadlineNode {
  @Field({ description: 'answer, extension-notice, redirect or internal-target.' })
  kind!: string;

  @Field({ description: 'Due time (ISO 8601).' })
  dueAt!: string;

  @Field(() => String, { nullable: true, description: 'When it was met.' })
  metAt!: string | null;

  @Field({ description: 'Replaced (by an extension) or no longer relevant.' })
  cancelled!: boolean;

  @Field({ description: 'A deadline-approaching event went out.' })
  warned!: boolean;

  @Field({ description: 'An overdue event went out.' })
  overdue!: boolean;
}

@ObjectType('RequestAnswer', { description: 'An answer sent to the applicant.' })
export class AnswerNode {
  @Field({ description: 'The text sent.' })
  text!: string;

  @Field(() => String, { nullable: true, description: 'Measures taken.' })
  measures!: string | null;

  @Field(() => String, { nullable: true, description: 'Who answered (username).' })
  author!: string | null;

  @Field({ description: 'When it was sent (ISO 8601).' })
  sentAt!: string;
}

@ObjectType('Applicant', { description: 'The applicant’s identity (personal data: every read is audit-logged).' })
export class ApplicantNode {
  @Field({ description: 'Full name.' })
  fullName!: string;

  @Field(() => String, { nullable: true, description: 'Phone.' })
  phone!: string | null;

  @Field(() => String, { nullable: true, description: 'IIN.' })
  iin!: string | null;

  @Field(() => String, { nullable: true, description: 'E-mail.' })
  email!: string | null;

  @Field(() => String, { nullable: true, description: 'Postal address.' })
  address!: string | null;
}

@ObjectType('RequestLink', { description: 'A link to another request.' })
export class LinkNode {
  @Field(() => ID, { description: 'The other request.' })
  requestId!: string;

  @Field({ description: 'duplicate, repeat or related.' })
  kind!: string;

  @Field({ description: 'When it was linked.' })
  linkedAt!: string;
}

@ObjectType('RequestStatBucket', { description: 'Counts of requests in one group.' })
export class StatBucketNode {
  @Field({ description: 'The group key (a territory code, category, status, kind, channel or a month YYYY-MM).' })
  key!: string;

  @Field(() => Int, { description: 'Requests received in the period.' })
  received!: number;

  @Field(() => Int, { description: 'Of them still open.' })
  open!: number;

  @Field(() => Int, { description: 'Of them unanswered past their due time.' })
  overdue!: number;

  @Field(() => Int, { description: 'Of them answered.' })
  answered!: number;

  @Field(() => Int, { description: 'Of them answered within the term.' })
  answeredInTerm!: number;

  @Field(() => Int, { description: 'Of them closed.' })
  closed!: number;

  @Field(() => Float, { nullable: true, description: 'Median working days from receipt to answer, of the answered ones.' })
  medianDaysToAnswer!: number | null;
}
