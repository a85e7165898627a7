/**
 * Synthetic survey responses for the demo (and the ingestion benchmark), deterministic: every
 * answer comes from a named PRNG stream, so the same plan gives the same responses on every run.
 * Plain TypeScript, no framework, no database.
 *
 * The model: each precinct (or police unit) has a latent level in the current month and a mild
 * monthly trend; each respondent adds a personal effect (and, in the area survey, an effect of age,
 * with women and older people feeling less safe after dark); each item adds its own offset and
 * noise. A 1..5 agreement item cuts the latent value at fixed thresholds, a 0..10 rating scales it,
 * a yes/no question draws from its logistic. Post-contact ratings depend on the service line: local
 * police are rated better than criminal police (seed 003, l. 787-803). Respondents over-represent
 * women and older people, as real surveys do, so weighting to the population margins has work to do.
 */
import { addCalendarMonths, type LocalDate } from '@seriktes/calendar';
import { parsePrecinctCode, type ServiceLine } from '@seriktes/contracts';
import type { AgeBand, Answers, Sex } from '../instruments/types';
import type { InboxPayload } from '../responses/ingestion.service';
import type { PrecinctProfile, UnitProfile } from './astana';
import { chance, integer, logistic, normal, pick, stream, weighted, type Random } from './random';

export const DEMO_SEED = 20261122;

/** A response as the inbox takes it, before the instrument version is known. */
export type DemoResponse = Omit<InboxPayload, 'versionId'>;

export interface DemoPlan {
  seed: number;
  /** First days of the months, oldest first; the last is the "current" one the levels refer to. */
  months: readonly string[];
  precincts: readonly PrecinctProfile[];
  units: readonly UnitProfile[];
}

/** Responses per precinct and month: area survey and post-contact survey (both inclusive). */
export const AREA_PER_MONTH = [25, 60] as const;
export const POST_CONTACT_PER_MONTH = [8, 22] as const;

/** The first days of the `count` Asia/Almaty months up to and including that of `today`, oldest first. */
export function lastMonths(today: LocalDate, count = 12): string[] {
  const current = `${today.slice(0, 7)}-01`;
  return Array.from({ length: count }, (_, i) => addCalendarMonths(current, i - (count - 1)));
}

/** District and region of a precinct code (`AST-ESL-01` → `AST-ESL`, `AST`). */
export function territoryOf(precinctCode: string): { districtCode: string; regionCode: string } {
  const parsed = parsePrecinctCode(precinctCode);
  if (!parsed) throw new Error(`not a precinct code: ${precinctCode}`);
  return { districtCode: parsed.districtCode, regionCode: parsed.regionCode };
}

// -----------------------------------------------------------------------------------------------
// Answers

/** A 1..5 agreement from a latent value (about 0: the middle; thresholds give a mean near 3.4 at 0). */
export function agree5(z: number): number {
  return 1 + [-1.5, -0.6, 0.3, 1.2].filter((t) => z > t).length;
}

/** A 0..10 rating from a latent value. */
export function rating10(z: number): number {
  return Math.min(10, Math.max(0, Math.round(5 + 2 * z)));
}

/** Who answers the area survey: more women and older people than in the population. */
const SAMPLE_SEX: ReadonlyArray<readonly [Sex, number]> = [
  ['female', 0.58],
  ['male', 0.42],
];
const SAMPLE_AGE: ReadonlyArray<readonly [AgeBand, number]> = [
  ['16-24', 0.1],
  ['25-34', 0.19],
  ['35-44', 0.23],
  ['45-59', 0.26],
  ['60+', 0.22],
];
/** Older respondents trust the police more, the young less. */
const AGE_EFFECT: Readonly<Record<AgeBand, number>> = { '16-24': -0.25, '25-34': -0.1, '35-44': 0, '45-59': 0.1, '60+': 0.3 };

/** Area-survey items on 1..5 and their offsets from the respondent's level. */
const AREA_AGREE: ReadonlyArray<readonly [string, number]> = [
  ['es_family', 0.6],
  ['es_dark', -0.2],
  ['es_children', 0],
  ['es_neighbours', 0.7],
  ['trust_inspector', 0.2],
  ['es_environment', -0.1],
  ['trust_police', 0],
  ['trust_rely', -0.1],
  ['pj_respect', 0.2],
  ['pj_fair', -0.1],
  ['pj_listen', -0.2],
  ['pj_matters', -0.1],
];
const AREA_RATINGS: ReadonlyArray<readonly [string, number]> = [
  ['eff_prevent', 0.2],
  ['eff_catch', -0.3],
  ['eff_arrive', 0],
];

/** Free text without personal data (checked by the spec): some respondents write a line. */
export const AREA_COMMENTS = [
  'Темно во дворах, не хватает освещения',
  'Машины паркуются на тротуарах',
  'Шумные компании во дворе по ночам',
  'Быстрая езда у школы, нужен лежачий полицейский',
  'Аулада кешке жарық жоқ',
  'Много бродячих собак',
  'Вечером мало патрулей',
  'Всё спокойно, спасибо участковому',
] as const;
export const POST_CONTACT_COMMENTS = [
  'Спасибо, участковый быстро во всём разобрался',
  'Долго ждал ответа',
  'Не сообщили, чем всё закончилось',
  'Рахмет, көмектесті',
  'Вежливо, но вопрос так и не решён',
] as const;
export const PULSE_COMMENTS = [
  'Слишком много отчётов и справок',
  'Не хватает служебного транспорта',
  'На участке нужна ещё одна ставка',
  'Хорошая поддержка от руководства',
] as const;

/** Share of optional questions left unanswered; 0..10 ratings are skipped more ("don't know"). */
const SKIP = 0.04;
const SKIP_RATING = 0.08;

/** One respondent's answers to the area survey, at the precinct's latent level. */
export function areaAnswers(random: Random, level: number): Answers {
  const sex = weighted(random, SAMPLE_SEX);
  const ageBand = weighted(random, SAMPLE_AGE);
  const person = 0.6 * normal(random);
  const base = level + person + AGE_EFFECT[ageBand];
  const item = (offset: number) => base + offset + 0.8 * normal(random);
  const answers: Answers = {};
  const safeLogit = 0.6 + 1.4 * (level + person) + (sex === 'female' ? -0.6 : 0) + (ageBand === '60+' ? -0.3 : 0);
  answers.feel_safe_dark = chance(random, 0.03) ? 'dont_know' : chance(random, logistic(safeLogit)) ? 'safe' : 'unsafe';
  for (const [code, offset] of AREA_AGREE) {
    const value = agree5(item(offset));
    if (!chance(random, SKIP)) answers[code] = value;
  }
  for (const [code, offset] of AREA_RATINGS) {
    const value = rating10(item(offset));
    if (!chance(random, SKIP_RATING)) answers[code] = value;
  }
  const knows = chance(random, logistic(-0.1 + 0.9 * level + (ageBand === '45-59' || ageBand === '60+' ? 0.4 : 0)));
  if (!chance(random, SKIP)) answers.knows_contact = knows ? 'yes' : 'no';
  answers.good_job = agree5(item(0.1));
  if (chance(random, 0.06)) answers.top_issue = pick(random, AREA_COMMENTS);
  if (chance(random, 0.88)) answers.profile_sex = sex;
  if (chance(random, 0.82)) answers.profile_age = ageBand;
  return answers;
}

/** How contacts split over service lines, and how each line is rated against the precinct's level. */
export const LINE_MIX: ReadonlyArray<readonly [ServiceLine, number]> = [
  ['local_police', 0.6],
  ['criminal_police', 0.25],
  ['administrative', 0.15],
];
export const LINE_EFFECT: Readonly<Record<ServiceLine, number>> = { local_police: 0.35, administrative: 0.15, criminal_police: -0.3 };

/** One applicant's answers to the post-contact survey. */
export function postContactAnswers(random: Random, level: number, line: ServiceLine): Answers {
  const base = 0.2 + 0.7 * level + LINE_EFFECT[line] + 0.7 * normal(random);
  const r = base + 0.8 * normal(random);
  const answers: Answers = {
    csat: agree5(base + 0.6 * normal(random)),
    resolved: r > 0.3 ? 'yes' : r > -0.6 ? 'partly' : 'no',
  };
  const items: Array<[string, number]> = [
    ['politeness', 0.5],
    ['timeliness', line === 'criminal_police' ? -0.5 : -0.2],
    ['next_steps', 0],
  ];
  for (const [code, offset] of items) {
    const value = agree5(base + offset + 0.7 * normal(random));
    if (!chance(random, SKIP)) answers[code] = value;
  }
  if (chance(random, 0.08)) answers.comment = pick(random, POST_CONTACT_COMMENTS);
  return answers;
}

/** One staff member's answers to the pulse of their unit. */
export function pulseAnswers(random: Random, level: number): Answers {
  const base = level + 0.6 * normal(random);
  const answers: Answers = { js_overall: agree5(base + 0.2 + 0.7 * normal(random)) };
  const items: Array<[string, number]> = [
    ['js_workload', -0.6],
    ['js_support', 0.1],
    ['js_tools', -0.2],
    ['js_paperwork', -0.8],
  ];
  for (const [code, offset] of items) {
    const value = agree5(base + offset + 0.7 * normal(random));
    if (!chance(random, SKIP)) answers[code] = value;
  }
  if (chance(random, 0.1)) answers.comment = pick(random, PULSE_COMMENTS);
  return answers;
}

// -----------------------------------------------------------------------------------------------
// Responses

/** The level `monthsBack` months before the current one. */
export function levelAt(profile: { level: number; trend: number }, monthsBack: number): number {
  return profile.level - monthsBack * profile.trend;
}

/** An area-survey response of a precinct (no wave: the demo's answers come from no recorded wave). */
export function areaResponse(random: Random, precinctCode: string, month: string, level: number): DemoResponse {
  return { kind: 'area', precinctCode, ...territoryOf(precinctCode), serviceLine: null, waveId: null, inspectorId: null, month, answers: areaAnswers(random, level), masked: [] };
}

/**
 * Every response of the plan, month by month (oldest first): per precinct and month 25-60 area
 * responses and 8-22 post-contact ones, per unit and month about its `staff` pulse answers
 * (±30 %). Each (instrument, place, month) has its own stream, keyed by the month's position in
 * the plan, so the data of one month do not depend on the others.
 */
export function generateDemo(plan: DemoPlan): DemoResponse[] {
  const out: DemoResponse[] = [];
  const last = plan.months.length - 1;
  plan.months.forEach((month, k) => {
    for (const p of plan.precincts) {
      const level = levelAt(p, last - k);
      const territory = territoryOf(p.code);
      const area = stream(plan.seed, `area:${p.code}:${k}`);
      for (let i = integer(area, AREA_PER_MONTH[0], AREA_PER_MONTH[1]); i > 0; i--) out.push(areaResponse(area, p.code, month, level));
      const contact = stream(plan.seed, `post-contact:${p.code}:${k}`);
      for (let i = integer(contact, POST_CONTACT_PER_MONTH[0], POST_CONTACT_PER_MONTH[1]); i > 0; i--) {
        const line = weighted(contact, LINE_MIX);
        // No inspector ids: the roster's ids are random UUIDs of its database, unknown here.
        out.push({ kind: 'post_contact', precinctCode: p.code, ...territory, serviceLine: line, waveId: null, inspectorId: null, month, answers: postContactAnswers(contact, level, line), masked: [] });
      }
    }
    for (const u of plan.units) {
      const level = levelAt(u, last - k);
      const pulse = stream(plan.seed, `staff-pulse:${u.code}:${k}`);
      const n = Math.round(u.staff * (0.7 + 0.6 * pulse()));
      for (let i = 0; i < n; i++) {
        out.push({ kind: 'staff_pulse', precinctCode: null, districtCode: u.code, regionCode: u.code.slice(0, 3), serviceLine: null, waveId: null, inspectorId: null, month, answers: pulseAnswers(pulse, level), masked: [] });
      }
    }
  });
  return out;
}
