import { Directive, Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { GraphQLScalarType, Kind, type ValueNode } from 'graphql';
import { LocalizedTextNode } from '@seriktes/graphql';

/** Free-form JSON: instrument definitions, answers, forms. */
export const SurveyJSON = new GraphQLScalarType({
  name: 'SurveyJSON',
  description: 'A JSON value: an instrument definition, a set of answers (question code → scale value, option code or text), or a survey form.',
  serialize: (value) => value,
  parseValue: (value) => value,
  parseLiteral: function literal(ast: ValueNode): unknown {
    switch (ast.kind) {
      case Kind.STRING:
      case Kind.BOOLEAN:
        return ast.value;
      case Kind.INT:
      case Kind.FLOAT:
        return Number(ast.value);
      case Kind.NULL:
        return null;
      case Kind.LIST:
        return ast.values.map((v) => literal(v));
      case Kind.OBJECT:
        return Object.fromEntries(ast.fields.map((f) => [f.name.value, literal(f.value)]));
      default:
        return undefined;
    }
  },
});

export enum ServiceLineEnum {
  local_police = 'local_police',
  criminal_police = 'criminal_police',
  administrative = 'administrative',
}
registerEnumType(ServiceLineEnum, {
  name: 'ServiceLine',
  description: 'Service line of the contact a post-contact survey rates.',
  valuesMap: {
    local_police: { description: 'District inspectors and patrols.' },
    criminal_police: { description: 'Criminal police and investigation.' },
    administrative: { description: 'Documents, migration, traffic registration.' },
  },
});

@ObjectType('Precinct', { description: 'An administrative precinct (owned by inspector-roster).' })
@Directive('@key(fields: "id")')
export class PrecinctRef {
  @Field(() => ID, { description: 'Precinct code, e.g. AST-ESL-01.' })
  id!: string;
}

@ObjectType('IndexFigure', { description: 'A published survey figure with its sample size, 95 % interval and suppression flag.' })
export class IndexFigureNode {
  @Field({ description: 'Indicator code, e.g. `trust`, `feel_safe`, `csat`, or `q.<question>` for a single item.' })
  indicator!: string;

  @Field(() => LocalizedTextNode, { description: 'Name of the indicator (or text of the question) in Kazakh, Russian and English.' })
  name!: LocalizedTextNode;

  @Field({ description: '`construct` (mean of items, 0-100), `share` (% of answers) or `mean` (one item, 0-100).' })
  kind!: string;

  @Field(() => Float, { nullable: true, description: 'The estimate on 0..100; null when suppressed.' })
  value!: number | null;

  @Field(() => Float, { nullable: true, description: 'Lower bound of the 95 % confidence interval (Wilson for shares, t or normal for means).' })
  lower!: number | null;

  @Field(() => Float, { nullable: true, description: 'Upper bound of the 95 % confidence interval.' })
  upper!: number | null;

  @Field(() => Int, { description: 'Responses behind the figure.' })
  n!: number;

  @Field(() => Float, { description: 'Effective sample size after weighting (n when unweighted).' })
  effectiveN!: number;

  @Field(() => Float, { description: 'Kish design effect of the weights (1 when unweighted).' })
  designEffect!: number;

  @Field({ description: 'True below the minimum n (default 30): no value is shown, so no small group can be identified.' })
  suppressed!: boolean;

  @Field({ description: 'How the interval was computed: wilson, t or normal.' })
  method!: string;

  @Field({ description: 'Whether the figure is weighted to population margins.' })
  weighted!: boolean;

  @Field({ description: 'Instrument the figure comes from.' })
  instrumentCode!: string;

  @Field(() => Int, { description: 'Published version of the instrument; figures of different versions are never mixed.' })
  instrumentVersion!: number;

  @Field({ description: 'Territory: a precinct, district or region code, `KAZ`, or `<district>:<inspector id>`.' })
  territoryCode!: string;

  @Field({ description: 'Period: `2026-11` (month) or `2026-Q4` (quarter).' })
  period!: string;

  @Field(() => ServiceLineEnum, { nullable: true, description: 'Service line, when the figure is of one line only.' })
  serviceLine!: ServiceLineEnum | null;

  @Field(() => PrecinctRef, { nullable: true, description: 'The precinct, when the figure is of one precinct (its roster details through the gateway).' })
  precinct!: PrecinctRef | null;
}

@ObjectType('SurveyResults', { description: 'Every indicator and every question of one instrument version for one territory and period.' })
export class SurveyResultsNode {
  @Field({ description: 'Instrument code.' })
  instrumentCode!: string;

  @Field(() => Int, { description: 'Version the figures belong to.' })
  version!: number;

  @Field({ description: 'Territory.' })
  territoryCode!: string;

  @Field({ description: 'Period.' })
  period!: string;

  @Field(() => [IndexFigureNode], { description: 'The defined indicators, then `q.<code>` item means, `q.<code>.top2` top-2-box shares and `q.<code>=<option>` answer shares.' })
  figures!: IndexFigureNode[];
}

@ObjectType('UnitPulse', { description: 'The staff pulse of a unit beside its citizens’ figures (seed 003: staff and citizen satisfaction move together).' })
export class UnitPulseNode {
  @Field({ description: 'Unit (district) code.' })
  unitCode!: string;

  @Field({ description: 'Period.' })
  period!: string;

  @Field(() => [IndexFigureNode], { description: 'Staff satisfaction figures of the unit.' })
  staff!: IndexFigureNode[];

  @Field(() => [IndexFigureNode], { description: 'Citizens’ trust (area survey) and satisfaction (post-contact) in the same territory and period.' })
  citizens!: IndexFigureNode[];
}

@ObjectType('SurveyComment', { description: 'A free-text answer with personal data masked.' })
export class SurveyCommentNode {
  @Field({ description: 'Question code.' })
  question!: string;

  @Field({ description: 'The text, phone numbers, IINs, e-mail addresses and card numbers replaced by [phone], [IIN], [e-mail], [card].' })
  text!: string;

  @Field(() => [String], { description: 'Kinds of personal data that were masked in this response.' })
  masked!: string[];
}

@ObjectType('SurveyComments', { description: 'A random sample of masked comments of a territory and period.' })
export class SurveyCommentsNode {
  @Field(() => Int, { description: 'Responses in the territory and period.' })
  responses!: number;

  @Field(() => [SurveyCommentNode], { description: 'Comments, in random order.' })
  items!: SurveyCommentNode[];
}

@ObjectType('SurveyVersion', { description: 'One version of an instrument; a published version never changes.' })
export class SurveyVersionNode {
  @Field(() => ID, { description: 'Id of the version.' })
  id!: string;

  @Field({ description: 'Instrument code.' })
  instrumentCode!: string;

  @Field(() => Int, { description: 'Version number.' })
  version!: number;

  @Field({ description: 'draft, published (the current one) or retired.' })
  status!: string;

  @Field(() => SurveyJSON, { description: 'The definition: questions, scales, order, required flags, constructs, indicators, texts in kk/ru/en.' })
  definition!: unknown;

  @Field(() => String, { nullable: true, description: 'What changed against the previous version.' })
  changeNote!: string | null;

  @Field({ description: 'Who wrote it.' })
  createdBy!: string;

  @Field(() => Date, { nullable: true, description: 'When it was published.' })
  publishedAt!: Date | null;
}

@ObjectType('SurveyInstrument', { description: 'A survey instrument and its versions.' })
export class SurveyInstrumentNode {
  @Field({ description: 'Instrument code.' })
  code!: string;

  @Field({ description: 'post_contact, area or staff_pulse.' })
  kind!: string;

  @Field(() => [SurveyVersionNode], { description: 'Versions, newest first.' })
  versions!: SurveyVersionNode[];
}

@ObjectType('SurveyWave', { description: 'An area-survey wave or a staff pulse.' })
export class SurveyWaveNode {
  @Field(() => ID, { description: 'Id of the wave.' })
  id!: string;

  @Field({ description: 'area or staff_pulse.' })
  kind!: string;

  @Field({ description: 'Name.' })
  name!: string;

  @Field({ description: 'Territory the wave covers.' })
  territoryCode!: string;

  @Field({ description: 'First day.' })
  opensOn!: string;

  @Field({ description: 'Last day.' })
  closesOn!: string;

  @Field({ description: 'open or closed.' })
  status!: string;

  @Field(() => Int, { description: 'Invitations (area) sent to the sample.' })
  invited!: number;

  @Field(() => Int, { description: 'Responses received.' })
  responded!: number;

  @Field(() => SurveyJSON, { nullable: true, description: 'Sample report: seed, per precinct frame size, wanted, selected and shortfall, warnings.' })
  sampleReport!: unknown;

  @Field({ description: 'Instrument code.' })
  instrumentCode!: string;

  @Field(() => Int, { description: 'Instrument version the wave asks.' })
  instrumentVersion!: number;
}

@ObjectType('SurveyForm', { description: 'The survey behind an invitation token, to show to the respondent.' })
export class SurveyFormNode {
  @Field({ description: 'Instrument code.' })
  instrumentCode!: string;

  @Field(() => Int, { description: 'Version.' })
  version!: number;

  @Field(() => LocalizedTextNode, { description: 'Title.' })
  title!: LocalizedTextNode;

  @Field(() => LocalizedTextNode, { description: 'Introduction: who asks, why, that answers are anonymous.' })
  introduction!: LocalizedTextNode;

  @Field(() => SurveyJSON, { description: 'Questions in order, with scales, options and texts in kk/ru/en.' })
  questions!: unknown;

  @Field({ description: 'Suggested language (kk, ru, en); the respondent may switch.' })
  language!: string;

  @Field(() => Date, { description: 'Until when the invitation is valid.' })
  expiresAt!: Date;
}

@ObjectType('SurveySubmission', { description: 'Receipt of an anonymous response.' })
export class SurveySubmissionNode {
  @Field({ description: 'Always true: the response was accepted and the token is spent.' })
  accepted!: boolean;

  @Field(() => LocalizedTextNode, { description: 'A thank-you text.' })
  message!: LocalizedTextNode;
}

@InputType('SurveyFrameEntryInput', { description: 'One entry of a sampling frame (kept only if sampled, and only until invited).' })
export class FrameEntryInputType {
  @Field({ description: 'Precinct of the address.' })
  precinctCode!: string;

  @Field({ description: 'Phone number (+7XXXXXXXXXX) or e-mail address.' })
  contact!: string;

  @Field(() => String, { nullable: true, description: 'Language of the invitation: kk (default), ru or en.' })
  language?: 'kk' | 'ru' | 'en' | null;

  @Field(() => String, { nullable: true, description: 'Sex, when the frame has it (for quotas): female or male.' })
  sex?: 'female' | 'male' | null;

  @Field(() => String, { nullable: true, description: 'Age band, when the frame has it: 16-24, 25-34, 35-44, 45-59, 60+.' })
  ageBand?: '16-24' | '25-34' | '35-44' | '45-59' | '60+' | null;
}

@InputType('SurveyQuotaInput', { description: 'How many to invite in a precinct, optionally by sex and age band.' })
export class QuotaInputType {
  @Field({ description: 'Precinct.' })
  precinctCode!: string;

  @Field(() => Int, { description: 'Invitations to send in the precinct.' })
  size!: number;

  @Field(() => SurveyJSON, { nullable: true, description: 'Sub-quotas by sex, e.g. {"female": 60, "male": 50}.' })
  bySex?: Record<string, number> | null;

  @Field(() => SurveyJSON, { nullable: true, description: 'Sub-quotas by age band, e.g. {"16-24": 20}.' })
  byAgeBand?: Record<string, number> | null;
}

@InputType('RunSurveyWaveInput', { description: 'An area-survey wave.' })
export class RunWaveInputType {
  @Field(() => String, { nullable: true, description: 'Instrument (an area survey); area-safety by default. Its current version is used.' })
  instrumentCode?: string | null;

  @Field({ description: 'Name, e.g. "Astana, autumn 2026".' })
  name!: string;

  @Field({ description: 'Territory: region, district, precinct or KAZ.' })
  territoryCode!: string;

  @Field({ description: 'First day (YYYY-MM-DD); invitations go out from then.' })
  opensOn!: string;

  @Field({ description: 'Last day; the wave closes after it.' })
  closesOn!: string;

  @Field(() => [FrameEntryInputType], { description: 'The sampling frame.' })
  frame!: FrameEntryInputType[];

  @Field(() => [QuotaInputType], { description: 'Quotas per precinct.' })
  quotas!: QuotaInputType[];

  @Field(() => String, { nullable: true, description: 'Seed of the random sample, to reproduce it; random when absent (recorded in the sample report).' })
  seed?: string | null;
}

@InputType('RunStaffPulseInput', { description: 'A staff pulse for a police unit.' })
export class RunPulseInputType {
  @Field({ description: 'Name.' })
  name!: string;

  @Field({ description: 'Unit (district) code, e.g. AST-ESL.' })
  unitCode!: string;

  @Field({ description: 'First day.' })
  opensOn!: string;

  @Field({ description: 'Last day.' })
  closesOn!: string;
}
