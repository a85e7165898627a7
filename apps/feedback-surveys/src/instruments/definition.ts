/**
 * Rules of instrument definitions and of answers to them, and the scoring of one response into
 * indicator observations. Plain TypeScript, no framework.
 *
 * Scoring:
 * - a scale item x on min..max scores (x - min) / (max - min) x 100 (1..5: (x - 1)/4 x 100; 0..10: x x 10);
 * - a choice scores its option's `score` (null: "don't know", not a substantive answer);
 * - `construct`: mean of the scored items answered, when at least `minItems` were (else null);
 * - `share`: 1 when the answer is among `values`, 0 for another substantive answer, null otherwise;
 * - `mean`: the item's score.
 * Every question also gets derived indicators for `surveyResults`: `q.<code>` (mean 0..100) and
 * `q.<code>.top2` (share of the two highest points) for a scale, `q.<code>=<option>` (share of all
 * answers, "don't know" included) for a choice.
 */
import { AGE_BANDS, INSTRUMENT_KINDS, LANGUAGES, SEXES, type AgeBand, type Answers, type ChoiceQuestion, type IndicatorDefinition, type InstrumentDefinition, type LocalizedText, type Question, type Sex } from './types';

export interface Problem {
  field: string;
  message: string;
}

/** An indicator as computed: the defined ones, then those derived from each question. */
export type Indicator = IndicatorDefinition & { derived: boolean; countAll?: boolean };

const CODE = /^[a-z][a-z0-9_]{0,39}$/;
const INSTRUMENT_CODE = /^[a-z][a-z0-9-]{1,39}$/;

function checkText(value: unknown, field: string, problems: Problem[], max = 500): void {
  const text = value as Partial<LocalizedText> | undefined;
  for (const language of LANGUAGES) {
    const s = text?.[language];
    if (typeof s !== 'string' || s.trim().length === 0) problems.push({ field: `${field}.${language}`, message: `a text in ${language} is required` });
    else if (s.length > max) problems.push({ field: `${field}.${language}`, message: `at most ${max} characters` });
  }
}

/** Every problem of a definition, with the path of the field (empty when valid). */
export function checkDefinition(definition: InstrumentDefinition): Problem[] {
  const problems: Problem[] = [];
  if (!INSTRUMENT_CODE.test(definition.code ?? '')) problems.push({ field: 'code', message: 'lower-case letters, digits and dashes, 2-40 characters' });
  if (!INSTRUMENT_KINDS.includes(definition.kind)) problems.push({ field: 'kind', message: `one of ${INSTRUMENT_KINDS.join(', ')}` });
  checkText(definition.title, 'title', problems);
  checkText(definition.introduction, 'introduction', problems, 2000);
  const questions = Array.isArray(definition.questions) ? definition.questions : [];
  if (questions.length === 0) problems.push({ field: 'questions', message: 'at least one question' });
  if (questions.length > 60) problems.push({ field: 'questions', message: 'at most 60 questions' });
  const byCode = new Map<string, Question>();
  questions.forEach((q, i) => {
    const field = `questions[${i}]`;
    if (!CODE.test(q.code ?? '')) problems.push({ field: `${field}.code`, message: 'lower-case letters, digits and underscores, starting with a letter' });
    else if (byCode.has(q.code)) problems.push({ field: `${field}.code`, message: `"${q.code}" is used twice` });
    else byCode.set(q.code, q);
    checkText(q.text, `${field}.text`, problems);
    if (q.kind === 'scale') {
      if (!Number.isInteger(q.min) || !Number.isInteger(q.max) || q.min < 0 || q.max > 10 || q.max - q.min < 1) {
        problems.push({ field: `${field}.max`, message: 'a scale runs over integers with 0 <= min < max <= 10' });
      }
      checkText(q.labels?.low, `${field}.labels.low`, problems);
      checkText(q.labels?.high, `${field}.labels.high`, problems);
    } else if (q.kind === 'choice') {
      const options = Array.isArray(q.options) ? q.options : [];
      if (options.length < 2) problems.push({ field: `${field}.options`, message: 'at least two options' });
      const seen = new Set<string>();
      options.forEach((o, j) => {
        if (!/^[a-z0-9][a-z0-9_+-]{0,39}$/.test(o.code ?? '') || seen.has(o.code)) problems.push({ field: `${field}.options[${j}].code`, message: 'a unique option code' });
        seen.add(o.code);
        checkText(o.text, `${field}.options[${j}].text`, problems);
        if (o.score !== null && (typeof o.score !== 'number' || o.score < 0 || o.score > 100)) problems.push({ field: `${field}.options[${j}].score`, message: 'a score on 0..100, or null for a non-substantive answer' });
      });
    } else if (q.kind === 'text') {
      if (q.required) problems.push({ field: `${field}.required`, message: 'free text is never required' });
      if (!Number.isInteger(q.maxLength) || q.maxLength < 1 || q.maxLength > 4000) problems.push({ field: `${field}.maxLength`, message: '1..4000' });
    } else {
      problems.push({ field: `${field}.kind`, message: 'scale, choice or text' });
    }
  });

  const indicators = Array.isArray(definition.indicators) ? definition.indicators : [];
  if (indicators.length === 0) problems.push({ field: 'indicators', message: 'at least one indicator' });
  const indicatorCodes = new Set<string>();
  indicators.forEach((ind, i) => {
    const field = `indicators[${i}]`;
    if (!CODE.test(ind.code ?? '') || indicatorCodes.has(ind.code)) problems.push({ field: `${field}.code`, message: 'a unique indicator code' });
    indicatorCodes.add(ind.code);
    checkText(ind.name, `${field}.name`, problems);
    const scored = (code: string, where: string) => {
      const q = byCode.get(code);
      if (!q || q.kind === 'text') problems.push({ field: where, message: `"${code}" is not a scale or choice question of this instrument` });
      return q;
    };
    if (ind.kind === 'construct') {
      const items = Array.isArray(ind.items) ? ind.items : [];
      if (items.length < 2) problems.push({ field: `${field}.items`, message: 'a construct has at least two items' });
      items.forEach((code, j) => scored(code, `${field}.items[${j}]`));
      if (!Number.isInteger(ind.minItems) || ind.minItems < 1 || ind.minItems > items.length) problems.push({ field: `${field}.minItems`, message: `1..${items.length}` });
    } else if (ind.kind === 'share') {
      const q = scored(ind.question, `${field}.question`);
      const values = Array.isArray(ind.values) ? ind.values : [];
      if (values.length === 0) problems.push({ field: `${field}.values`, message: 'at least one value' });
      if (q?.kind === 'scale' && values.some((v) => typeof v !== 'number' || v < q.min || v > q.max || !Number.isInteger(v))) {
        problems.push({ field: `${field}.values`, message: `points of the scale ${q.min}..${q.max}` });
      }
      if (q?.kind === 'choice' && values.some((v) => !q.options.some((o) => o.code === v && o.score !== null))) {
        problems.push({ field: `${field}.values`, message: 'codes of substantive options of the question' });
      }
    } else if (ind.kind === 'mean') {
      scored(ind.question, `${field}.question`);
    } else {
      problems.push({ field: `${field}.kind`, message: 'construct, share or mean' });
    }
  });

  if (definition.asksProfile) {
    const sex = byCode.get('profile_sex');
    const age = byCode.get('profile_age');
    const codes = (q?: Question) => (q?.kind === 'choice' ? q.options.map((o) => o.code).sort().join(',') : '');
    if (codes(sex) !== [...SEXES].sort().join(',')) problems.push({ field: 'asksProfile', message: `needs an optional choice question profile_sex with options ${SEXES.join(', ')}` });
    if (codes(age) !== [...AGE_BANDS].sort().join(',')) problems.push({ field: 'asksProfile', message: `needs an optional choice question profile_age with options ${AGE_BANDS.join(', ')}` });
  }
  return problems;
}

/** The defined indicators, then one or more derived from every scored question. */
export function indicatorsOf(definition: InstrumentDefinition): Indicator[] {
  const out: Indicator[] = definition.indicators.map((i) => ({ ...i, derived: false }));
  for (const q of definition.questions) {
    if (q.kind === 'scale') {
      out.push({ code: `q.${q.code}`, kind: 'mean', name: q.text, question: q.code, headline: false, derived: true });
      out.push({ code: `q.${q.code}.top2`, kind: 'share', name: q.text, question: q.code, values: [q.max - 1, q.max], headline: false, derived: true });
    } else if (q.kind === 'choice' && !q.code.startsWith('profile_')) {
      for (const o of q.options) {
        out.push({ code: `q.${q.code}=${o.code}`, kind: 'share', name: o.text, question: q.code, values: [o.code], headline: false, derived: true, countAll: true });
      }
    }
  }
  return out;
}

/** Field-level problems of a set of answers (empty when they may be stored). */
export function checkAnswers(definition: InstrumentDefinition, answers: Answers): Problem[] {
  const problems: Problem[] = [];
  const byCode = new Map(definition.questions.map((q) => [q.code, q]));
  for (const code of Object.keys(answers)) {
    if (!byCode.has(code)) problems.push({ field: `answers.${code}`, message: 'not a question of this survey' });
  }
  for (const q of definition.questions) {
    const value = answers[q.code];
    const field = `answers.${q.code}`;
    if (value === undefined || value === null || value === '') {
      if (q.required) problems.push({ field, message: 'an answer is required' });
      continue;
    }
    if (q.kind === 'scale' && (typeof value !== 'number' || !Number.isInteger(value) || value < q.min || value > q.max)) {
      problems.push({ field, message: `a whole number from ${q.min} to ${q.max}` });
    } else if (q.kind === 'choice' && !q.options.some((o) => o.code === value)) {
      problems.push({ field, message: `one of ${q.options.map((o) => o.code).join(', ')}` });
    } else if (q.kind === 'text' && (typeof value !== 'string' || value.length > q.maxLength)) {
      problems.push({ field, message: `text of at most ${q.maxLength} characters` });
    }
  }
  return problems;
}

/** Score of one answer on 0..100, or null when unanswered or not substantive. */
export function scoreOf(question: Question | undefined, value: number | string | undefined): number | null {
  if (!question || value === undefined || value === null) return null;
  if (question.kind === 'scale' && typeof value === 'number') return ((value - question.min) / (question.max - question.min)) * 100;
  if (question.kind === 'choice') return (question as ChoiceQuestion).options.find((o) => o.code === value)?.score ?? null;
  return null;
}

/**
 * The observation of every indicator for one response: 0..100 for constructs and means, 0 or 1 for
 * shares; null when the response does not count towards it.
 */
export function observe(definition: InstrumentDefinition, indicators: readonly Indicator[], answers: Answers): Map<string, number | null> {
  const byCode = new Map(definition.questions.map((q) => [q.code, q]));
  const out = new Map<string, number | null>();
  for (const ind of indicators) {
    if (ind.kind === 'construct') {
      const scores = ind.items.map((code) => scoreOf(byCode.get(code), answers[code])).filter((s): s is number => s !== null);
      out.set(ind.code, scores.length >= ind.minItems ? scores.reduce((a, b) => a + b, 0) / scores.length : null);
    } else if (ind.kind === 'mean') {
      out.set(ind.code, scoreOf(byCode.get(ind.question), answers[ind.question]));
    } else {
      const value = answers[ind.question];
      const q = byCode.get(ind.question);
      const answered = value !== undefined && value !== null && value !== '';
      const substantive = ind.countAll || q?.kind === 'scale' || scoreOf(q, value) !== null;
      out.set(ind.code, answered && substantive ? (ind.values.includes(value) ? 1 : 0) : null);
    }
  }
  return out;
}

/** The weighting profile of a response (undisclosed: null). */
export function profileOf(answers: Answers): { sex: Sex | null; ageBand: AgeBand | null } {
  const sex = SEXES.find((s) => s === answers.profile_sex) ?? null;
  const ageBand = AGE_BANDS.find((a) => a === answers.profile_age) ?? null;
  return { sex, ageBand };
}

/** Whether two definitions ask the same questions the same way (a new version is needed when not). */
export function sameDefinition(a: InstrumentDefinition, b: InstrumentDefinition): boolean {
  return canonical(a) === canonical(b);
}

/** JSON with object keys sorted (PostgreSQL's jsonb does not keep key order). */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}
