/**
 * Survey instruments as data: questions, scales, order, required flags, the constructs each
 * question belongs to, and the indicators computed from them. Plain TypeScript, no framework.
 */

export type Language = 'kk' | 'ru' | 'en';
export const LANGUAGES: readonly Language[] = ['kk', 'ru', 'en'];

export interface LocalizedText {
  kk: string;
  ru: string;
  en: string;
}

/** What an instrument measures and how its invitations reach people. */
export type InstrumentKind = 'post_contact' | 'area' | 'staff_pulse';
export const INSTRUMENT_KINDS: readonly InstrumentKind[] = ['post_contact', 'area', 'staff_pulse'];

/** A rating on an integer scale from `min` to `max` (1..5, 1..4, 0..10); scored (x - min) / (max - min) x 100. */
export interface ScaleQuestion {
  code: string;
  kind: 'scale';
  text: LocalizedText;
  min: number;
  max: number;
  /** Words at the two ends of the scale. */
  labels: { low: LocalizedText; high: LocalizedText };
  required: boolean;
  /** Constructs (indicator codes) this item belongs to; informational, the indicators list the items. */
  constructs: string[];
}

/** One answer among options; `score` (0..100) places it on the index scale, null for "don't know". */
export interface ChoiceOption {
  code: string;
  text: LocalizedText;
  score: number | null;
}

export interface ChoiceQuestion {
  code: string;
  kind: 'choice';
  text: LocalizedText;
  options: ChoiceOption[];
  required: boolean;
  constructs: string[];
}

/** Free text (checked for personal data and masked before it is stored). */
export interface TextQuestion {
  code: string;
  kind: 'text';
  text: LocalizedText;
  required: false;
  maxLength: number;
  constructs: [];
}

export type Question = ScaleQuestion | ChoiceQuestion | TextQuestion;

/**
 * An indicator computed per response, then aggregated:
 * - `construct`: mean of the scored items answered (0..100), when at least `minItems` were answered;
 * - `share`: 1 when the answer is one of `values` (scale values or option codes), 0 for any other
 *   substantive answer, not counted when unanswered or "don't know" (score null); published as %;
 * - `mean`: the scored value of one item (0..100).
 */
export type IndicatorDefinition =
  | { code: string; kind: 'construct'; name: LocalizedText; items: string[]; minItems: number; headline: boolean }
  | { code: string; kind: 'share'; name: LocalizedText; question: string; values: Array<number | string>; headline: boolean }
  | { code: string; kind: 'mean'; name: LocalizedText; question: string; headline: boolean };

/** Optional respondent profile, used only to weight to population margins (never to identify). */
export type Sex = 'female' | 'male';
export type AgeBand = '16-24' | '25-34' | '35-44' | '45-59' | '60+';
export const SEXES: readonly Sex[] = ['female', 'male'];
export const AGE_BANDS: readonly AgeBand[] = ['16-24', '25-34', '35-44', '45-59', '60+'];

export interface InstrumentDefinition {
  /** Stable code of the instrument, e.g. `post-contact`, `area-safety`, `staff-pulse`. */
  code: string;
  kind: InstrumentKind;
  title: LocalizedText;
  /** Shown before the questions: who asks, why, that answers are anonymous. */
  introduction: LocalizedText;
  /** In the order they are asked. */
  questions: Question[];
  indicators: IndicatorDefinition[];
  /** Whether the optional profile questions (sex, age band) are asked, for weighting. */
  asksProfile: boolean;
}

/** One respondent's answers: scale values (integers), option codes, or text. */
export type Answers = Record<string, number | string>;
