/**
 * Texts of the notifications sent to an applicant (SMS, e-mail, Telegram), in Kazakh, Russian and
 * English. They carry the registration number and the state of the request, never the
 * applicant's personal data nor the request's free text.
 *
 * Template syntax: `{name}` is a variable; `[[ ... ]]` is an optional part, rendered only when every
 * variable inside it is given. A variable outside an optional part is required.
 */

export type Language = 'kk' | 'ru' | 'en';

export type NotificationTemplate =
  | 'registered'
  | 'urgent-call-102'
  | 'assigned'
  | 'extended'
  | 'redirected'
  | 'answered'
  | 'closed'
  | 'reopened'
  | 'under-control'
  | 'survey-invitation';

export interface TemplateVars {
  registrationNumber: string;
  dueDate?: string /* local date, shown as DD.MM.YYYY */;
  reason?: string;
  body?: string /* redirect target body */;
  statusUrl?: string;
  /** The link to a post-contact survey: a secret (a single-use token), see SECRET_VARS. */
  surveyUrl?: string;
  /** Last day the survey link is valid (local date), shown as DD.MM.YYYY. */
  expiresDate?: string;
}

/**
 * Variables that are secrets (a survey link carries a single-use token): never written to the log,
 * and removed from the stored notification once it is sent or given up.
 */
export const SECRET_VARS: Partial<Record<NotificationTemplate, ReadonlyArray<keyof TemplateVars>>> = {
  'survey-invitation': ['surveyUrl'],
};

export interface RenderedNotification {
  subject: string;
  text: string;
}

export const NOTIFICATION_TEMPLATES: Record<NotificationTemplate, Record<Language, { subject: string; text: string }>> = {
  registered: {
    kk: {
      subject: '№ {registrationNumber} өтініш тіркелді',
      text: 'Өтінішіңіз {registrationNumber} нөмірімен тіркелді.[[ Жауап беру мерзімі: {dueDate}.]] Жүгінгеніңізге рахмет.[[ Мәртебесі: {statusUrl}]]',
    },
    ru: {
      subject: 'Обращение № {registrationNumber} зарегистрировано',
      text: 'Ваше обращение зарегистрировано под № {registrationNumber}.[[ Срок ответа — до {dueDate}.]] Спасибо за обращение.[[ Статус: {statusUrl}]]',
    },
    en: {
      subject: 'Request No. {registrationNumber} registered',
      text: 'Your request has been registered as No. {registrationNumber}.[[ The answer is due by {dueDate}.]] Thank you for contacting the police.[[ Status: {statusUrl}]]',
    },
  },
  'urgent-call-102': {
    kk: {
      subject: 'Шұғыл: 102-ге қоңырау шалыңыз',
      text: '№ {registrationNumber} хабарламаңыз шұғыл көмекті қажет етеді. Дәл қазір 102-ге қоңырау шалыңыз. Хабарлама кезекші бөлімге берілді.',
    },
    ru: {
      subject: 'Срочно: позвоните 102',
      text: 'Ваше сообщение № {registrationNumber} требует срочной помощи. Пожалуйста, позвоните 102 прямо сейчас. Сообщение передано в дежурную часть.',
    },
    en: {
      subject: 'Urgent: call 102 now',
      text: 'Your report No. {registrationNumber} needs urgent help. Please call 102 right now. Your report has been passed to the police duty unit.',
    },
  },
  assigned: {
    kk: {
      subject: '№ {registrationNumber} өтініш орындаушыға берілді',
      text: '№ {registrationNumber} өтінішіңіз қарау үшін жауапты қызметкерге берілді.[[ Жауап беру мерзімі: {dueDate}.]][[ Мәртебесі: {statusUrl}]]',
    },
    ru: {
      subject: 'Обращение № {registrationNumber} передано исполнителю',
      text: 'Ваше обращение № {registrationNumber} передано на рассмотрение ответственному сотруднику.[[ Срок ответа — до {dueDate}.]][[ Статус: {statusUrl}]]',
    },
    en: {
      subject: 'Request No. {registrationNumber} assigned',
      text: 'Your request No. {registrationNumber} has been passed to the responsible officer for consideration.[[ The answer is due by {dueDate}.]][[ Status: {statusUrl}]]',
    },
  },
  extended: {
    kk: {
      subject: '№ {registrationNumber} өтінішті қарау мерзімі ұзартылды',
      text: '№ {registrationNumber} өтінішіңізді қарау мерзімі ұзартылды. Жаңа мерзім: {dueDate}. Себебі: {reason}.[[ Мәртебесі: {statusUrl}]]',
    },
    ru: {
      subject: 'Срок рассмотрения обращения № {registrationNumber} продлён',
      text: 'Срок рассмотрения вашего обращения № {registrationNumber} продлён до {dueDate}. Причина: {reason}.[[ Статус: {statusUrl}]]',
    },
    en: {
      subject: 'Request No. {registrationNumber}: term extended',
      text: 'The term for considering your request No. {registrationNumber} has been extended to {dueDate}. Reason: {reason}.[[ Status: {statusUrl}]]',
    },
  },
  redirected: {
    kk: {
      subject: '№ {registrationNumber} өтініш құзыреті бойынша жолданды',
      text: '№ {registrationNumber} өтінішіңіз құзыреті бойынша жолданды: {body}. Жауапты сізге сол орган береді.[[ Мәртебесі: {statusUrl}]]',
    },
    ru: {
      subject: 'Обращение № {registrationNumber} направлено по компетенции',
      text: 'Ваше обращение № {registrationNumber} направлено по компетенции: {body}. Ответ вам даст этот орган.[[ Статус: {statusUrl}]]',
    },
    en: {
      subject: 'Request No. {registrationNumber} forwarded',
      text: 'Your request No. {registrationNumber} has been forwarded to the competent body: {body}. That body will answer you.[[ Status: {statusUrl}]]',
    },
  },
  answered: {
    kk: {
      subject: '№ {registrationNumber} өтінішке жауап берілді',
      text: '№ {registrationNumber} өтінішіңізге жауап берілді. Жауаппен келіспесеңіз, жоғары тұрған органға шағымдана аласыз.[[ Жауаппен танысу: {statusUrl}]]',
    },
    ru: {
      subject: 'Ответ на обращение № {registrationNumber}',
      text: 'На ваше обращение № {registrationNumber} дан ответ. Если вы не согласны с ответом, его можно обжаловать в вышестоящем органе.[[ Ответ: {statusUrl}]]',
    },
    en: {
      subject: 'Request No. {registrationNumber} answered',
      text: 'Your request No. {registrationNumber} has been answered. If you disagree with the answer, you may appeal to a higher body.[[ Answer: {statusUrl}]]',
    },
  },
  closed: {
    kk: {
      subject: '№ {registrationNumber} өтініш жабылды',
      text: '№ {registrationNumber} өтінішіңізді қарау аяқталды.[[ Себебі: {reason}.]] Жүгінгеніңізге рахмет.[[ Мәртебесі: {statusUrl}]]',
    },
    ru: {
      subject: 'Обращение № {registrationNumber} закрыто',
      text: 'Рассмотрение вашего обращения № {registrationNumber} завершено.[[ Причина: {reason}.]] Спасибо за обращение.[[ Статус: {statusUrl}]]',
    },
    en: {
      subject: 'Request No. {registrationNumber} closed',
      text: 'The consideration of your request No. {registrationNumber} is complete.[[ Reason: {reason}.]] Thank you for contacting the police.[[ Status: {statusUrl}]]',
    },
  },
  reopened: {
    kk: {
      subject: '№ {registrationNumber} өтініш қайта қаралады',
      text: '№ {registrationNumber} өтінішіңіз қайта қаралады.[[ Себебі: {reason}.]][[ Жауап беру мерзімі: {dueDate}.]][[ Мәртебесі: {statusUrl}]]',
    },
    ru: {
      subject: 'Обращение № {registrationNumber} возобновлено',
      text: 'Рассмотрение вашего обращения № {registrationNumber} возобновлено.[[ Причина: {reason}.]][[ Срок ответа — до {dueDate}.]][[ Статус: {statusUrl}]]',
    },
    en: {
      subject: 'Request No. {registrationNumber} reopened',
      text: 'Your request No. {registrationNumber} has been reopened and will be considered again.[[ Reason: {reason}.]][[ The answer is due by {dueDate}.]][[ Status: {statusUrl}]]',
    },
  },
  'under-control': {
    kk: {
      subject: '№ {registrationNumber} өтініш қосымша бақылауға алынды',
      text: '№ {registrationNumber} өтінішіңіз қосымша бақылауға алынды: мәселе толық шешілгенше полиция оны бақылауда ұстайды.[[ Мәртебесі: {statusUrl}]]',
    },
    ru: {
      subject: 'Обращение № {registrationNumber} на дополнительном контроле',
      text: 'Ваше обращение № {registrationNumber} поставлено на дополнительный контроль: полиция будет следить за ним до полного решения проблемы.[[ Статус: {statusUrl}]]',
    },
    en: {
      subject: 'Request No. {registrationNumber} under additional control',
      text: 'Your request No. {registrationNumber} has been placed under additional control: the police will follow it until the problem is fully solved.[[ Status: {statusUrl}]]',
    },
  },
  // The link goes last, with nothing after it, so no punctuation sticks to it.
  'survey-invitation': {
    kk: {
      subject: '№ {registrationNumber} өтінішті қарауды бағалаңыз',
      text: '№ {registrationNumber} өтінішіңіздің қалай қаралғанын бағалаңыз. Сауалнама анонимді, сілтеме {expiresDate} дейін жарамды: {surveyUrl}',
    },
    ru: {
      subject: 'Оцените рассмотрение обращения № {registrationNumber}',
      text: 'Оцените, как было рассмотрено ваше обращение № {registrationNumber}. Опрос анонимный, ссылка действует до {expiresDate}: {surveyUrl}',
    },
    en: {
      subject: 'Rate the handling of request No. {registrationNumber}',
      text: 'Please rate how your request No. {registrationNumber} was handled. The survey is anonymous; the link is valid until {expiresDate}: {surveyUrl}',
    },
  },
};

type VarName = keyof TemplateVars;
const VAR_NAMES: readonly VarName[] = ['registrationNumber', 'dueDate', 'reason', 'body', 'statusUrl', 'surveyUrl', 'expiresDate'];
const DATE_VARS: readonly VarName[] = ['dueDate', 'expiresDate'];
const VARIABLE = /\{(\w+)\}/g;
const OPTIONAL = /\[\[([\s\S]*?)\]\]/g;

/** Renders a template; throws when a variable the template needs (outside an optional part) is missing or invalid. */
export function renderNotification(template: NotificationTemplate, language: Language, vars: TemplateVars): RenderedNotification {
  const source = NOTIFICATION_TEMPLATES[template]?.[language];
  if (!source) throw new Error(`unknown notification template "${template}" in language "${language}"`);
  const prepared = prepareVars(template, vars);
  return { subject: render(template, source.subject, prepared), text: render(template, source.text, prepared) };
}

function render(template: NotificationTemplate, source: string, vars: Partial<Record<VarName, string>>): string {
  const withOptional = source.replace(OPTIONAL, (_, inner: string) =>
    variablesOf(inner).every((name) => vars[name] !== undefined) ? inner : '',
  );
  // One pass: a value that happens to contain `{...}` is never expanded again.
  return withOptional.replace(VARIABLE, (_, name: string) => {
    const value = vars[name as VarName];
    if (value === undefined) throw new Error(`notification template "${template}" needs the variable "${name}"`);
    return value;
  });
}

function variablesOf(text: string): VarName[] {
  return [...text.matchAll(VARIABLE)].map((match) => match[1] as VarName);
}

/** Trims the variables, drops empty ones, formats the dates as DD.MM.YYYY. */
function prepareVars(template: NotificationTemplate, vars: TemplateVars): Partial<Record<VarName, string>> {
  const prepared: Partial<Record<VarName, string>> = {};
  for (const name of VAR_NAMES) {
    const raw = vars?.[name];
    if (raw === undefined || raw === null) continue;
    let value = String(raw).replace(/\s+/g, ' ').trim();
    // The texts put their own full stop after a reason or a body.
    if (name === 'reason' || name === 'body') value = value.replace(/[.;,\s]+$/, '');
    if (value === '') continue;
    if (DATE_VARS.includes(name)) value = formatDate(template, name, value);
    prepared[name] = value;
  }
  return prepared;
}

function formatDate(template: NotificationTemplate, name: VarName, value: string): string {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const local = /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(value);
  const [year, month, day] = iso ? [iso[1], iso[2], iso[3]] : local ? [local[3], local[2], local[1]] : [];
  if (year === undefined) {
    throw new Error(`notification template "${template}": ${name} "${value}" must be a local date YYYY-MM-DD or DD.MM.YYYY`);
  }
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  if (date.getUTCFullYear() !== Number(year) || date.getUTCMonth() !== Number(month) - 1 || date.getUTCDate() !== Number(day)) {
    throw new Error(`notification template "${template}": ${name} "${value}" is not a calendar date`);
  }
  return `${day}.${month}.${year}`;
}
