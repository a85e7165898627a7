/**
 * Hard inter-agency SLAs from the source documents, as task templates (plain rules):
 * - a school tells the police of a child in a difficult life situation within 1 working day (Law on
 *   Education; seed 004 lines 11993-12005);
 * - an ill-treatment assessment with any of its four blocks at 5 points or more goes to the
 *   authorised body, or for a minor to the guardianship authority, within 1 working day (joint
 *   order of July 2023; seed 004 lines 11454-11509).
 * Texts are in Kazakh, Russian and English; tasks from them are sensitive (minors, victims).
 */
import type { ExecutorKind } from '@seriktes/contracts';
import type { TaskPriority } from '../tasks/rules';

export interface LocalizedText {
  kk: string;
  ru: string;
  en: string;
}

export interface TaskTemplate {
  code: string;
  title: LocalizedText;
  description: LocalizedText;
  workingDays: number;
  /** Kinds of organisation that may lead such a task. */
  leadKinds: readonly ExecutorKind[];
  priority: TaskPriority;
  sensitive: boolean;
  source: string;
}

export const TASK_TEMPLATES: readonly TaskTemplate[] = [
  {
    code: 'school-child-in-difficulty',
    title: {
      kk: 'Қиын өмірлік жағдайдағы бала туралы полицияға хабарлау',
      ru: 'Сообщить в полицию о ребёнке в трудной жизненной ситуации',
      en: 'Notify the police of a child in a difficult life situation',
    },
    description: {
      kk: 'Мектеп баланың қиын жағдайы анықталған күннен бастап 1 жұмыс күні ішінде құқық қорғау органдарына хабарлайды.',
      ru: 'Школа сообщает в органы внутренних дел в течение 1 рабочего дня с момента выявления.',
      en: 'The school notifies the police within 1 working day of identifying the situation.',
    },
    workingDays: 1,
    leadKinds: ['school'],
    priority: 'critical',
    sensitive: true,
    source: 'Law on Education, teacher duty to notify (seed 004:11993-12005)',
  },
  {
    code: 'ill-treatment-referral',
    title: {
      kk: 'Қатыгездік бағалау парағын уәкілетті органға жіберу',
      ru: 'Направить лист оценки жестокого обращения в уполномоченный орган',
      en: 'Send the ill-treatment assessment to the authorised body',
    },
    description: {
      kk: 'Кез келген блок бойынша 5 немесе одан көп балл: бағалау парағы мен өтініш 1 жұмыс күні ішінде уәкілетті органға (кәмелетке толмаған үшін — қорғаншылық органына) жіберіледі.',
      ru: 'Любой блок 5 баллов и более: лист оценки и заявление направляются в течение 1 рабочего дня в уполномоченный орган (для несовершеннолетнего — в орган опеки).',
      en: 'Any block at 5 points or more: the assessment sheet and the application go to the authorised body (for a minor, the guardianship authority) within 1 working day.',
    },
    workingDays: 1,
    leadKinds: ['social_protection', 'health', 'ngo', 'police'],
    priority: 'critical',
    sensitive: true,
    source: 'Joint order on criteria of ill-treatment, July 2023 (seed 004:11454-11509)',
  },
];

export const templateByCode = (code: string) => TASK_TEMPLATES.find((t) => t.code === code);

export interface IllTreatmentAssessment {
  physical: number;
  psychological: number;
  economic: number;
  sexual: number;
  minor: boolean;
}

export type ReferralDecision =
  | { required: false; reason: string }
  | { required: true; recipient: 'authorised_body' | 'guardianship_authority'; blocks: string[]; workingDays: 1 };

export const ILL_TREATMENT_THRESHOLD = 5;

export function assessmentErrors(a: IllTreatmentAssessment, field = 'assessment'): Array<{ field: string; message: string }> {
  return (['physical', 'psychological', 'economic', 'sexual'] as const)
    .filter((k) => !Number.isInteger(a[k]) || a[k] < 0 || a[k] > 100)
    .map((k) => ({ field: `${field}.${k}`, message: 'must be a whole number of points from 0 to 100' }));
}

/** Whether an assessment must be referred, and to whom: any block at 5 points or more. */
export function illTreatmentReferral(a: IllTreatmentAssessment): ReferralDecision {
  const blocks = (['physical', 'psychological', 'economic', 'sexual'] as const).filter((k) => a[k] >= ILL_TREATMENT_THRESHOLD);
  if (blocks.length === 0) return { required: false, reason: `no block reaches ${ILL_TREATMENT_THRESHOLD} points` };
  return { required: true, recipient: a.minor ? 'guardianship_authority' : 'authorised_body', blocks, workingDays: 1 };
}
