/**
 * The built-in category catalogue of citizen requests, as data: names and questions in Kazakh,
 * Russian and English, the kinds each category accepts, its legal clock, priority, routing and the
 * structured fields (Open311 "attributes") asked of the applicant.
 *
 * Plain TypeScript: no framework imports, so the same data serves the REST/Open311 API, the
 * GraphQL schema, the seeds and the tests.
 */

export type RequestKind = 'proposal' | 'application' | 'complaint' | 'feedback' | 'inquiry' | 'tip';

/** The five kinds of the Administrative Procedural Code, then the tip (anonymous report of a crime or threat). */
export const REQUEST_KINDS: readonly RequestKind[] = Object.freeze([
  'proposal',
  'application',
  'complaint',
  'feedback',
  'inquiry',
  'tip',
] as RequestKind[]);

export interface LocalizedText {
  kk: string;
  ru: string;
  en: string;
}

export type Priority = 'low' | 'normal' | 'high' | 'critical';

/** Legal term rule: all parameters of the clock are data, so a change in law is a data change. */
export interface TermRule {
  /** 'statutory': the Administrative Procedural Code term; 'internal': no statutory term (tips), only an internal target. */
  clock: 'statutory' | 'internal';
  answerWorkingDays: number; // 15
  maxExtensionMonths: number; // 2 (total, counted from receipt)
  extensionNoticeWorkingDays: number; // 3 (the applicant must be notified of an extension within 3 working days of the decision)
  redirectWorkingDays: number; // 3 (redirect to a competent body within 3 working days of receipt)
  approachingWorkingDays: number; // 3 (warn that the deadline approaches this many working days before)
  internalTargetHours?: number; // for 'internal' clocks, e.g. 72
}

/** APPC Art. 76: answer in 15 working days, extension up to 2 months (notice within 3 working days), redirect within 3. */
export const STATUTORY_TERM: TermRule = Object.freeze({
  clock: 'statutory',
  answerWorkingDays: 15,
  maxExtensionMonths: 2,
  extensionNoticeWorkingDays: 3,
  redirectWorkingDays: 3,
  approachingWorkingDays: 3,
});

/**
 * The clock of a tip filed in a category whose own clock is statutory (e.g. an anonymous tip about
 * domestic violence): tips have no statutory term, only an internal target.
 */
export const TIP_TERM: TermRule = Object.freeze({
  clock: 'internal',
  answerWorkingDays: 15,
  maxExtensionMonths: 2,
  extensionNoticeWorkingDays: 3,
  redirectWorkingDays: 3,
  approachingWorkingDays: 3,
  internalTargetHours: 72,
});

export type AttributeDatatype = 'string' | 'number' | 'datetime' | 'text' | 'singlevaluelist' | 'multivaluelist'; // Open311's
export type AttributeFormat = 'phone' | 'card' | 'account' | 'url' | 'messenger-handle' | 'amount' | 'plate' | 'document-number';

export interface CategoryAttribute {
  code: string; // e.g. 'phone_numbers'
  datatype: AttributeDatatype;
  format?: AttributeFormat; // stricter checking of a string value
  multiple?: boolean; // a list of strings (e.g. several phone numbers); Open311 carries it as a comma-separated string
  required: boolean;
  order: number;
  description: LocalizedText; // the question shown to the applicant
  values?: Array<{ key: string; name: LocalizedText }>; // for the list datatypes
  maxLength?: number;
  /** Third parties' identifiers (phone numbers, cards, handles of suspects) count as personal data: never leave the service in events. */
  personal?: boolean;
}

export type RoutingRule =
  | { target: 'precinct-inspector' }
  | { target: 'desk'; desk: 'fraud' | 'juvenile' | 'migration' | 'traffic' }
  | { target: 'unit-head' }; // complaints about an officer go to the head of the district police unit, never to the officer

export interface CategoryDefinition {
  code: string; // kebab-case, e.g. 'internet-fraud'
  name: LocalizedText;
  description: LocalizedText;
  group: LocalizedText; // Open311 'group'
  keywords: string[];
  kinds: RequestKind[]; // which kinds it allows
  term: TermRule;
  priority: Priority;
  /** Always urgent: the platform tells the applicant to call 102 and hands the record to the duty unit at once. */
  urgent: boolean;
  /** Urgent when an attribute has a value (e.g. violence happening now). */
  urgentWhen?: { attribute: string; equals: string };
  routing: RoutingRule;
  /** Special category (minors, victims of domestic violence): stricter access. */
  sensitive: boolean;
  attributes: CategoryAttribute[];
  active: boolean;
}

// ---------------------------------------------------------------------------------------------
// Building blocks
// ---------------------------------------------------------------------------------------------

function text(kk: string, ru: string, en: string): LocalizedText {
  return { kk, ru, en };
}

type ListValue = { key: string; name: LocalizedText };

const YES: ListValue = { key: 'yes', name: text('Иә', 'Да', 'Yes') };
const NO: ListValue = { key: 'no', name: text('Жоқ', 'Нет', 'No') };
const UNKNOWN: ListValue = { key: 'unknown', name: text('Білмеймін', 'Не знаю', "Don't know") };
const OTHER: ListValue = { key: 'other', name: text('Басқа', 'Другое', 'Other') };

function yesNo(code: string, order: number, description: LocalizedText, required = false): CategoryAttribute {
  return { code, datatype: 'singlevaluelist', required, order, description, values: [YES, NO] };
}

function yesNoUnknown(code: string, order: number, description: LocalizedText, required = false): CategoryAttribute {
  return { code, datatype: 'singlevaluelist', required, order, description, values: [YES, NO, UNKNOWN] };
}

function choice(code: string, order: number, description: LocalizedText, values: ListValue[], required = false): CategoryAttribute {
  return { code, datatype: 'singlevaluelist', required, order, description, values };
}

/** Kinds of the APPC that a resident files with the police about a problem (no proposals or feedback). */
const CASE_KINDS: RequestKind[] = ['application', 'complaint', 'inquiry'];
/** The same, plus anonymous tips: only for categories of crimes or threats. */
const CASE_KINDS_AND_TIPS: RequestKind[] = [...CASE_KINDS, 'tip'];

const GROUPS = {
  crime: text('Қылмыстар мен қауіптер', 'Преступления и угрозы', 'Crimes and threats'),
  family: text('Отбасы және балалар', 'Семья и дети', 'Family and children'),
  order: text('Қоғамдық тәртіп', 'Общественный порядок', 'Public order'),
  traffic: text('Жол қозғалысы', 'Дорожное движение', 'Road traffic'),
  documents: text('Құжаттар және көші-қон', 'Документы и миграция', 'Documents and migration'),
  police: text('Полиция жұмысы', 'Работа полиции', 'Police work'),
  other: text('Басқа', 'Прочее', 'Other'),
} as const;

// ---------------------------------------------------------------------------------------------
// The catalogue
// ---------------------------------------------------------------------------------------------

const domesticViolence: CategoryDefinition = {
  code: 'domestic-violence',
  name: text(
    'Тұрмыстық жанжал және тұрмыстық зорлық-зомбылық',
    'Семейно-бытовой конфликт и бытовое насилие',
    'Domestic conflict and domestic violence',
  ),
  description: text(
    'Отбасындағы жанжал, ұрып-соғу, қорқыту, қудалау немесе отбасы мүшесіне қатысты өзге де зорлық-зомбылық. Куәгерлер, көршілер мен медицина қызметкерлері де хабарлай алады.',
    'Конфликт в семье, побои, угрозы, преследование или иное насилие в отношении члена семьи. Сообщить могут и очевидцы, соседи, медицинские работники.',
    'Family conflict, beatings, threats, stalking or other violence against a family member. Witnesses, neighbours and medical workers can report it too.',
  ),
  group: GROUPS.family,
  keywords: [
    'отбасы', 'зорлық-зомбылық', 'ұрып-соғу', 'жанжал',
    'семья', 'насилие', 'побои', 'скандал', 'бытовое насилие',
    'family', 'violence', 'abuse', 'beating',
  ],
  kinds: CASE_KINDS_AND_TIPS,
  term: STATUTORY_TERM,
  priority: 'high',
  urgent: false,
  urgentWhen: { attribute: 'happening_now', equals: 'yes' },
  routing: { target: 'precinct-inspector' },
  sensitive: true,
  attributes: [
    yesNo(
      'happening_now',
      1,
      text(
        'Зорлық-зомбылық дәл қазір болып жатыр ма?',
        'Насилие происходит прямо сейчас?',
        'Is the violence happening right now?',
      ),
      true,
    ),
    yesNo(
      'children_present',
      2,
      text('Оқиға орнында балалар бар ма?', 'Есть ли на месте дети?', 'Are there children at the scene?'),
    ),
    yesNo(
      'injuries',
      3,
      text('Біреу жарақат алды ма?', 'Есть ли пострадавшие с травмами?', 'Has anyone been injured?'),
    ),
    yesNoUnknown(
      'previous_reports',
      4,
      text(
        'Бұл туралы бұған дейін полицияға хабарланды ма?',
        'Сообщалось ли об этом в полицию раньше?',
        'Has this been reported to the police before?',
      ),
    ),
    choice('reporter_role', 5, text('Кім хабарлап отыр?', 'Кто сообщает?', 'Who is reporting?'), [
      { key: 'victim', name: text('Зардап шегушінің өзі', 'Сам пострадавший', 'The victim') },
      { key: 'relative', name: text('Туысы', 'Родственник', 'A relative') },
      { key: 'witness', name: text('Көршісі немесе куәгер', 'Сосед или очевидец', 'A neighbour or witness') },
      { key: 'medical', name: text('Медицина қызметкері', 'Медицинский работник', 'A medical worker') },
      OTHER,
    ]),
  ],
  active: true,
};

const internetFraud: CategoryDefinition = {
  code: 'internet-fraud',
  name: text('Интернет және телефон алаяқтығы', 'Интернет- и телефонное мошенничество', 'Internet and phone fraud'),
  description: text(
    'Телефон, SMS, сайттар, әлеуметтік желілер немесе мессенджерлер арқылы ақшаны немесе деректерді алдап алу. Ақша жаңа ғана аударылса, банкке де дереу хабарласыңыз.',
    'Обман с целью завладеть деньгами или данными по телефону, через SMS, сайты, соцсети или мессенджеры. Если деньги переведены только что, сразу сообщите и в свой банк.',
    'Deception to obtain money or data by phone, text message, website, social network or messenger. If the money was sent just now, tell your bank at once as well.',
  ),
  group: GROUPS.crime,
  keywords: [
    'алаяқтық', 'интернет', 'карта', 'аударым', 'пирамида',
    'мошенничество', 'интернет-мошенничество', 'карта', 'перевод', 'пирамида', 'фишинг',
    'fraud', 'scam', 'phishing', 'card', 'transfer', 'pyramid',
  ],
  kinds: CASE_KINDS_AND_TIPS,
  term: STATUTORY_TERM,
  priority: 'high',
  urgent: false,
  routing: { target: 'desk', desk: 'fraud' },
  sensitive: false,
  attributes: [
    choice(
      'scheme',
      1,
      text('Алаяқтық қалай жасалды?', 'Как действовали мошенники?', 'How did the fraudsters act?'),
      [
        {
          key: 'fake_bank_call',
          name: text(
            'Банк немесе қауіпсіздік қызметі атынан қоңырау',
            'Звонок от имени банка или службы безопасности',
            'A call from a fake bank or security service',
          ),
        },
        {
          key: 'online_shop',
          name: text('Интернет-дүкен немесе маркетплейс', 'Интернет-магазин или маркетплейс', 'An online shop or marketplace'),
        },
        {
          key: 'fake_investment',
          name: text(
            'Жалған инвестиция немесе қаржы пирамидасы',
            'Фальшивые инвестиции или финансовая пирамида',
            'A fake investment or pyramid scheme',
          ),
        },
        {
          key: 'ad_fraud',
          name: text(
            'Хабарландыру сайтындағы алаяқтық (OLX сияқты)',
            'Мошенничество на сайте объявлений (как OLX)',
            'Fraud on a classified-ads site (like OLX)',
          ),
        },
        { key: 'phishing_link', name: text('Фишингтік сілтеме', 'Фишинговая ссылка', 'A phishing link') },
        {
          key: 'relative_in_trouble',
          name: text(
            '«Туысыңыз қиын жағдайға тап болды» деген алдау',
            'Обман «ваш родственник попал в беду»',
            'The "your relative is in trouble" scam',
          ),
        },
        {
          key: 'loan_in_name',
          name: text('Менің атыма рәсімделген несие', 'Кредит, оформленный на моё имя', 'A loan taken out in my name'),
        },
        OTHER,
      ],
      true,
    ),
    {
      code: 'phone_numbers',
      datatype: 'string',
      format: 'phone',
      multiple: true,
      required: false,
      order: 2,
      personal: true,
      description: text(
        'Алаяқтар қоңырау шалған немесе жазған телефон нөмірлері',
        'Номера телефонов, с которых звонили или писали мошенники',
        'Phone numbers the fraudsters called or wrote from',
      ),
    },
    {
      code: 'card_numbers',
      datatype: 'string',
      format: 'card',
      multiple: true,
      required: false,
      order: 3,
      personal: true,
      description: text(
        'Ақша аударылған карталардың нөмірлері',
        'Номера карт, на которые переведены деньги',
        'Numbers of the cards the money was sent to',
      ),
    },
    {
      code: 'account_numbers',
      datatype: 'string',
      format: 'account',
      multiple: true,
      required: false,
      order: 4,
      personal: true,
      description: text(
        'Ақша аударылған шоттардың нөмірлері (IBAN, KZ...)',
        'Номера счетов (IBAN, KZ...), на которые переведены деньги',
        'Numbers of the accounts (IBAN, KZ...) the money was sent to',
      ),
    },
    {
      code: 'urls',
      datatype: 'string',
      format: 'url',
      multiple: true,
      required: false,
      order: 5,
      maxLength: 2048,
      description: text(
        'Сайттардың, хабарландырулардың немесе сілтемелердің мекенжайлары',
        'Адреса сайтов, объявлений или ссылок',
        'Addresses of the websites, ads or links',
      ),
    },
    {
      code: 'messenger_handles',
      datatype: 'string',
      format: 'messenger-handle',
      multiple: true,
      required: false,
      order: 6,
      personal: true,
      description: text(
        'Алаяқтардың мессенджерлер мен әлеуметтік желілердегі аккаунттары (мысалы, @username)',
        'Аккаунты мошенников в мессенджерах и соцсетях (например, @username)',
        "The fraudsters' messenger or social-network accounts (e.g. @username)",
      ),
    },
    {
      code: 'amount',
      datatype: 'number',
      format: 'amount',
      required: false,
      order: 7,
      description: text('Шығын сомасы, теңге', 'Сумма ущерба, тенге', 'Amount lost, in tenge (KZT)'),
    },
    {
      code: 'transfer_time',
      datatype: 'datetime',
      required: false,
      order: 8,
      description: text('Ақша қашан аударылды?', 'Когда были переведены деньги?', 'When was the money sent?'),
    },
    {
      code: 'bank',
      datatype: 'string',
      required: false,
      order: 9,
      maxLength: 100,
      description: text('Ақша қай банктен аударылды?', 'Из какого банка переведены деньги?', 'Which bank was the money sent from?'),
    },
  ],
  active: true,
};

const publicOrderNoise: CategoryDefinition = {
  code: 'public-order-noise',
  name: text('Қоғамдық тәртіп және шу', 'Общественный порядок и шум', 'Public order and noise'),
  description: text(
    'Бұзақылық, төбелес, түнгі уақыттағы шу, қоғамдық орындардағы тәртіп бұзушылық.',
    'Хулиганство, драки, шум в ночное время, нарушения порядка в общественных местах.',
    'Hooliganism, fights, noise at night, disorder in public places.',
  ),
  group: GROUPS.order,
  keywords: [
    'шу', 'бұзақылық', 'төбелес', 'тәртіп',
    'шум', 'хулиганство', 'драка', 'порядок', 'тишина',
    'noise', 'hooliganism', 'fight', 'disorder',
  ],
  kinds: CASE_KINDS_AND_TIPS,
  term: STATUTORY_TERM,
  priority: 'normal',
  urgent: false,
  urgentWhen: { attribute: 'violence_now', equals: 'yes' },
  routing: { target: 'precinct-inspector' },
  sensitive: false,
  attributes: [
    choice('disturbance', 1, text('Не болып жатыр?', 'Что происходит?', 'What is happening?'), [
      { key: 'noise', name: text('Шу', 'Шум', 'Noise') },
      { key: 'fight', name: text('Төбелес', 'Драка', 'A fight') },
      { key: 'hooliganism', name: text('Бұзақылық', 'Хулиганство', 'Hooliganism') },
      OTHER,
    ]),
    yesNo(
      'violence_now',
      2,
      text(
        'Дәл қазір біреуге зиян келтіріліп немесе қауіп төніп тұр ма?',
        'Кому-то прямо сейчас причиняют вред или угрожают?',
        'Is anyone being hurt or threatened right now?',
      ),
    ),
    yesNo('recurring', 3, text('Бұл жиі қайталана ма?', 'Это повторяется регулярно?', 'Does this happen regularly?')),
  ],
  active: true,
};

const minors: CategoryDefinition = {
  code: 'minors',
  name: text('Кәмелетке толмағандар', 'Несовершеннолетние', 'Minors'),
  description: text(
    'Қиын жағдайдағы, қараусыз қалған немесе үйден кеткен бала, кәмелетке толмағандардың құқық бұзушылығы, балаларға қатыгездік.',
    'Ребёнок в трудной жизненной ситуации, безнадзорный или ушедший из дома, правонарушения несовершеннолетних, жестокое обращение с детьми.',
    'A child in a difficult situation, neglected or run away from home, offences by minors, cruelty to children.',
  ),
  group: GROUPS.family,
  keywords: [
    'бала', 'жасөспірім', 'кәмелетке толмаған', 'мектеп',
    'ребёнок', 'подросток', 'несовершеннолетний', 'школа', 'безнадзорность',
    'child', 'teenager', 'minor', 'school', 'neglect',
  ],
  kinds: CASE_KINDS_AND_TIPS,
  term: STATUTORY_TERM,
  priority: 'high',
  urgent: false,
  urgentWhen: { attribute: 'in_danger_now', equals: 'yes' },
  routing: { target: 'desk', desk: 'juvenile' },
  sensitive: true,
  attributes: [
    choice('concern', 1, text('Не туралы хабарлайсыз?', 'О чём вы сообщаете?', 'What are you reporting?'), [
      { key: 'neglect', name: text('Бала қараусыз қалған', 'Ребёнок без присмотра', 'A child left without care') },
      { key: 'runaway', name: text('Бала үйден кетіп қалған', 'Ребёнок ушёл из дома', 'A child has run away from home') },
      { key: 'cruelty', name: text('Балаға қатыгездік', 'Жестокое обращение с ребёнком', 'Cruelty to a child') },
      { key: 'offence', name: text('Кәмелетке толмағанның құқық бұзушылығы', 'Правонарушение несовершеннолетнего', 'An offence by a minor') },
      { key: 'school', name: text('Мектептің хабарламасы', 'Сообщение школы', 'A report from a school') },
      OTHER,
    ], true),
    yesNo(
      'in_danger_now',
      2,
      text('Бала дәл қазір қауіпте ме?', 'Ребёнок в опасности прямо сейчас?', 'Is the child in danger right now?'),
    ),
    choice('age_group', 3, text('Баланың жасы', 'Возраст ребёнка', 'Age of the child'), [
      { key: 'under_7', name: text('7 жасқа дейін', 'До 7 лет', 'Under 7') },
      { key: 'age_7_13', name: text('7–13 жас', '7–13 лет', '7 to 13') },
      { key: 'age_14_17', name: text('14–17 жас', '14–17 лет', '14 to 17') },
      UNKNOWN,
    ]),
  ],
  active: true,
};

const alcoholDrugs: CategoryDefinition = {
  code: 'alcohol-drugs',
  name: text('Алкоголь және есірткі', 'Алкоголь и наркотики', 'Alcohol and drugs'),
  description: text(
    'Кәмелетке толмағандарға немесе түнде алкоголь сату, қоғамдық орында ішімдік ішу, есірткі сату, тұтыну немесе жарнамалау.',
    'Продажа алкоголя несовершеннолетним или ночью, распитие в общественных местах, сбыт, употребление или реклама наркотиков.',
    'Sale of alcohol to minors or at night, drinking in public places, selling, using or advertising drugs.',
  ),
  group: GROUPS.crime,
  keywords: [
    'алкоголь', 'арақ', 'есірткі', 'масаң',
    'алкоголь', 'пьянство', 'наркотики', 'закладки', 'распитие',
    'alcohol', 'drinking', 'drugs', 'dealer',
  ],
  kinds: CASE_KINDS_AND_TIPS,
  term: STATUTORY_TERM,
  priority: 'normal',
  urgent: false,
  routing: { target: 'precinct-inspector' },
  sensitive: false,
  attributes: [
    choice('issue', 1, text('Не туралы хабарлайсыз?', 'О чём вы сообщаете?', 'What are you reporting?'), [
      {
        key: 'alcohol_sale_minors',
        name: text('Кәмелетке толмағандарға алкоголь сату', 'Продажа алкоголя несовершеннолетним', 'Alcohol sold to minors'),
      },
      {
        key: 'alcohol_sale_night',
        name: text('Түнде алкоголь сату', 'Продажа алкоголя в ночное время', 'Alcohol sold at night'),
      },
      {
        key: 'public_drinking',
        name: text('Қоғамдық орында ішімдік ішу', 'Распитие в общественном месте', 'Drinking in a public place'),
      },
      { key: 'drug_dealing', name: text('Есірткі сату', 'Сбыт наркотиков', 'Drug dealing') },
      { key: 'drug_use', name: text('Есірткі тұтыну', 'Употребление наркотиков', 'Drug use') },
      {
        key: 'drug_ads',
        name: text('Есірткі жарнамасы (қабырғадағы жазулар)', 'Реклама наркотиков (надписи на стенах)', 'Drug advertising (graffiti)'),
      },
      OTHER,
    ], true),
    {
      code: 'place_name',
      datatype: 'string',
      required: false,
      order: 2,
      maxLength: 200,
      description: text(
        'Дүкеннің, кафенің немесе орынның атауы',
        'Название магазина, кафе или места',
        'Name of the shop, café or place',
      ),
    },
  ],
  active: true,
};

const trafficParking: CategoryDefinition = {
  code: 'traffic-parking',
  name: text('Жол қозғалысы және көлік қою', 'Дорожное движение и парковка', 'Traffic and parking'),
  description: text(
    'Көлікті дұрыс қоймау, тротуармен жүру, қауіпті жүргізу, жол белгілері мен бағдаршамдардың ақаулары.',
    'Неправильная парковка, езда по тротуарам, опасное вождение, неисправные дорожные знаки и светофоры.',
    'Illegal parking, driving on pavements, dangerous driving, broken road signs and traffic lights.',
  ),
  group: GROUPS.traffic,
  keywords: [
    'көлік', 'тұрақ', 'жол', 'бағдаршам',
    'парковка', 'автомобиль', 'дорога', 'светофор', 'ПДД',
    'parking', 'car', 'road', 'traffic light',
  ],
  kinds: ['application', 'complaint', 'proposal', 'inquiry'],
  term: STATUTORY_TERM,
  priority: 'normal',
  urgent: false,
  routing: { target: 'desk', desk: 'traffic' },
  sensitive: false,
  attributes: [
    choice('violation', 1, text('Бұзушылық түрі', 'Вид нарушения', 'Type of violation'), [
      { key: 'parking', name: text('Көлікті дұрыс қоймау', 'Неправильная парковка', 'Illegal parking') },
      {
        key: 'pavement_driving',
        name: text('Тротуармен немесе аулада жүру', 'Езда по тротуару или двору', 'Driving on a pavement or in a courtyard'),
      },
      { key: 'dangerous_driving', name: text('Қауіпті жүргізу', 'Опасное вождение', 'Dangerous driving') },
      {
        key: 'road_signs',
        name: text('Жол белгісі немесе бағдаршам', 'Дорожный знак или светофор', 'A road sign or traffic light'),
      },
      OTHER,
    ], true),
    {
      code: 'vehicle_plate',
      datatype: 'string',
      format: 'plate',
      required: false,
      order: 2,
      personal: true,
      description: text('Көліктің мемлекеттік нөмірі', 'Государственный номер автомобиля', 'Registration plate of the vehicle'),
    },
  ],
  active: true,
};

const neighbourDispute: CategoryDefinition = {
  code: 'neighbour-dispute',
  name: text('Көршілермен дау', 'Конфликт с соседями', 'Dispute with neighbours'),
  description: text(
    'Көршілермен келіспеушілік: ортақ аумақ, үй жануарлары, мүлікке зиян, балағаттау.',
    'Разногласия с соседями: общая территория, домашние животные, порча имущества, оскорбления.',
    'Disagreements with neighbours: shared spaces, pets, damage to property, insults.',
  ),
  group: GROUPS.order,
  keywords: ['көрші', 'дау', 'жанжал', 'сосед', 'конфликт', 'ссора', 'neighbour', 'dispute', 'quarrel'],
  kinds: CASE_KINDS,
  term: STATUTORY_TERM,
  priority: 'low',
  urgent: false,
  routing: { target: 'precinct-inspector' },
  sensitive: false,
  attributes: [
    choice('subject', 1, text('Дау немен байланысты?', 'С чем связан конфликт?', 'What is the dispute about?'), [
      { key: 'shared_space', name: text('Ортақ аумақ немесе көлік тұрағы', 'Общая территория или парковка', 'Shared space or parking') },
      { key: 'pets', name: text('Үй жануарлары', 'Домашние животные', 'Pets') },
      { key: 'property_damage', name: text('Мүлікке зиян келтіру', 'Порча имущества', 'Damage to property') },
      { key: 'insults', name: text('Балағаттау немесе қорқыту', 'Оскорбления или угрозы', 'Insults or threats') },
      OTHER,
    ]),
    yesNo(
      'contacted_inspector',
      2,
      text(
        'Бұған дейін учаскелік инспекторға жүгіндіңіз бе?',
        'Обращались ли вы раньше к участковому инспектору?',
        'Have you contacted the district inspector before?',
      ),
    ),
  ],
  active: true,
};

const migration: CategoryDefinition = {
  code: 'migration',
  name: text('Көші-қон', 'Миграция', 'Migration'),
  description: text(
    'Шетелдіктер мен азаматтығы жоқ адамдардың болу ережелерін бұзуы, тіркеусіз тұру, заңсыз еңбек қызметі, көші-қон қызметтері туралы сұрақтар.',
    'Нарушение иностранцами и лицами без гражданства правил пребывания, проживание без регистрации, незаконная трудовая деятельность, вопросы о миграционных услугах.',
    'Breaches of the stay rules by foreigners and stateless persons, living without registration, illegal work, questions about migration services.',
  ),
  group: GROUPS.documents,
  keywords: [
    'көші-қон', 'шетелдік', 'тіркеу',
    'миграция', 'иностранец', 'регистрация', 'мигрант',
    'migration', 'foreigner', 'registration', 'migrant',
  ],
  kinds: CASE_KINDS,
  term: STATUTORY_TERM,
  priority: 'normal',
  urgent: false,
  routing: { target: 'desk', desk: 'migration' },
  sensitive: false,
  attributes: [
    choice('topic', 1, text('Өтініштің тақырыбы', 'Тема обращения', 'Subject of the request'), [
      { key: 'overstay', name: text('Болу мерзімін бұзу', 'Нарушение сроков пребывания', 'Overstay') },
      { key: 'no_registration', name: text('Тіркеусіз тұру', 'Проживание без регистрации', 'Living without registration') },
      { key: 'illegal_work', name: text('Заңсыз еңбек қызметі', 'Незаконная трудовая деятельность', 'Illegal work') },
      {
        key: 'services',
        name: text('Көші-қон қызметтері туралы сұрақ', 'Вопрос о миграционных услугах', 'A question about migration services'),
      },
      OTHER,
    ]),
  ],
  active: true,
};

const lostDocuments: CategoryDefinition = {
  code: 'lost-documents',
  name: text('Құжаттарды жоғалту', 'Утеря документов', 'Lost documents'),
  description: text(
    'Жеке куәліктің, төлқұжаттың, жүргізуші куәлігінің немесе басқа құжаттардың жоғалғаны не табылғаны туралы хабар.',
    'Сообщение об утере или находке удостоверения личности, паспорта, водительского удостоверения или других документов.',
    'Reporting a lost or found identity card, passport, driving licence or other document.',
  ),
  group: GROUPS.documents,
  keywords: [
    'құжат', 'жеке куәлік', 'төлқұжат', 'жоғалту',
    'документ', 'удостоверение', 'паспорт', 'утеря', 'находка',
    'document', 'identity card', 'passport', 'lost', 'found',
  ],
  kinds: ['application', 'inquiry'],
  term: STATUTORY_TERM,
  priority: 'low',
  urgent: false,
  routing: { target: 'precinct-inspector' },
  sensitive: false,
  attributes: [
    choice(
      'lost_or_found',
      1,
      text('Құжат жоғалды ма әлде табылды ма?', 'Документ утерян или найден?', 'Was the document lost or found?'),
      [
        { key: 'lost', name: text('Жоғалды', 'Утерян', 'Lost') },
        { key: 'found', name: text('Табылды', 'Найден', 'Found') },
      ],
      true,
    ),
    choice('document_type', 2, text('Құжаттың түрі', 'Вид документа', 'Type of document'), [
      { key: 'id_card', name: text('Жеке куәлік', 'Удостоверение личности', 'Identity card') },
      { key: 'passport', name: text('Төлқұжат', 'Паспорт', 'Passport') },
      { key: 'driving_licence', name: text('Жүргізуші куәлігі', 'Водительское удостоверение', 'Driving licence') },
      {
        key: 'vehicle_registration',
        name: text('Көлікті тіркеу куәлігі', 'Свидетельство о регистрации транспортного средства', 'Vehicle registration certificate'),
      },
      { key: 'other', name: text('Басқа құжат', 'Другой документ', 'Another document') },
    ], true),
    {
      code: 'document_number',
      datatype: 'string',
      format: 'document-number',
      required: false,
      order: 3,
      personal: true,
      description: text('Құжаттың нөмірі (білсеңіз)', 'Номер документа (если известен)', 'Document number (if known)'),
    },
    {
      code: 'lost_time',
      datatype: 'datetime',
      required: false,
      order: 4,
      description: text(
        'Құжат шамамен қашан жоғалды немесе табылды?',
        'Когда примерно документ был утерян или найден?',
        'Roughly when was the document lost or found?',
      ),
    },
  ],
  active: true,
};

const officerComplaint: CategoryDefinition = {
  code: 'officer-complaint',
  name: text(
    'Полиция қызметкерінің әрекетіне шағым',
    'Жалоба на действия сотрудника полиции',
    'Complaint about a police officer',
  ),
  description: text(
    'Полиция қызметкерінің дөрекілігіне, әрекетсіздігіне немесе заңсыз әрекеттеріне шағым. Шағымды сол қызметкер емес, аудандық полиция бөлімінің басшысы қарайды.',
    'Жалоба на грубость, бездействие или незаконные действия сотрудника полиции. Жалобу рассматривает не сам сотрудник, а начальник районного отдела полиции.',
    'A complaint about rudeness, inaction or unlawful actions of a police officer. It is handled by the head of the district police unit, not by the officer.',
  ),
  group: GROUPS.police,
  keywords: [
    'шағым', 'полиция қызметкері', 'дөрекілік',
    'жалоба', 'сотрудник полиции', 'участковый', 'грубость', 'бездействие',
    'complaint', 'police officer', 'rudeness', 'misconduct',
  ],
  kinds: ['complaint'],
  term: STATUTORY_TERM,
  priority: 'normal',
  urgent: false,
  routing: { target: 'unit-head' },
  sensitive: false,
  attributes: [
    choice('complaint_subject', 1, text('Шағымның мәні', 'Суть жалобы', 'What is the complaint about?'), [
      { key: 'rudeness', name: text('Дөрекілік', 'Грубость', 'Rudeness') },
      { key: 'inaction', name: text('Әрекетсіздік', 'Бездействие', 'Inaction') },
      { key: 'unlawful_actions', name: text('Заңсыз әрекеттер', 'Незаконные действия', 'Unlawful actions') },
      OTHER,
    ]),
    {
      code: 'officer_name',
      datatype: 'string',
      required: false,
      order: 2,
      maxLength: 200,
      personal: true,
      description: text(
        'Қызметкердің тегі, аты, әкесінің аты (білсеңіз)',
        'ФИО сотрудника (если известно)',
        "The officer's name (if known)",
      ),
    },
    {
      code: 'badge_number',
      datatype: 'string',
      required: false,
      order: 3,
      maxLength: 20,
      personal: true,
      description: text('Жетон нөмірі (білсеңіз)', 'Номер жетона (если известен)', 'Badge number (if known)'),
    },
    {
      code: 'incident_time',
      datatype: 'datetime',
      required: false,
      order: 4,
      description: text('Оқиға қашан болды?', 'Когда это произошло?', 'When did it happen?'),
    },
  ],
  active: true,
};

const precinctProposal: CategoryDefinition = {
  code: 'precinct-proposal',
  name: text('Учаске бойынша ұсыныс', 'Предложение по участку', 'Proposal for the precinct'),
  description: text(
    'Учаскедегі қауіпсіздікті арттыру жөніндегі ұсыныстар мен пікірлер: жарықтандыру, бейнебақылау, патрульдеу, тұрғындармен кездесулер.',
    'Предложения и отзывы о повышении безопасности на участке: освещение, видеонаблюдение, патрулирование, встречи с жителями.',
    'Proposals and feedback on making the precinct safer: lighting, CCTV, patrols, meetings with residents.',
  ),
  group: GROUPS.police,
  keywords: [
    'ұсыныс', 'пікір', 'учаске', 'қауіпсіздік',
    'предложение', 'отзыв', 'участок', 'безопасность',
    'proposal', 'feedback', 'precinct', 'safety',
  ],
  kinds: ['proposal', 'feedback'],
  term: STATUTORY_TERM,
  priority: 'low',
  urgent: false,
  routing: { target: 'precinct-inspector' },
  sensitive: false,
  attributes: [
    choice('topic', 1, text('Ұсыныстың тақырыбы', 'Тема предложения', 'Topic of the proposal'), [
      { key: 'lighting', name: text('Жарықтандыру', 'Освещение', 'Lighting') },
      { key: 'cctv', name: text('Бейнебақылау', 'Видеонаблюдение', 'CCTV') },
      { key: 'patrols', name: text('Патрульдеу', 'Патрулирование', 'Patrols') },
      { key: 'meetings', name: text('Тұрғындармен кездесулер', 'Встречи с жителями', 'Meetings with residents') },
      OTHER,
    ]),
  ],
  active: true,
};

const crimeThreatTip: CategoryDefinition = {
  code: 'crime-threat-tip',
  name: text(
    'Қылмыс немесе қауіп туралы хабар',
    'Сообщение о преступлении или угрозе',
    'Tip about a crime or threat',
  ),
  description: text(
    'Дайындалып жатқан немесе жасалып жатқан қылмыс не қоғамдық қауіпсіздікке төнген қатер туралы хабар. Жасырын жіберуге болады.',
    'Сообщение о готовящемся или совершаемом преступлении либо об угрозе общественной безопасности. Можно отправить анонимно.',
    'Information about a crime being prepared or committed, or a threat to public safety. It can be sent anonymously.',
  ),
  group: GROUPS.crime,
  keywords: [
    'қылмыс', 'қауіп', 'жасырын', 'хабар',
    'преступление', 'угроза', 'анонимно', 'сообщение',
    'crime', 'threat', 'anonymous', 'tip',
  ],
  kinds: ['tip'],
  term: Object.freeze({ ...TIP_TERM, internalTargetHours: 24 }),
  priority: 'high',
  urgent: false,
  urgentWhen: { attribute: 'in_progress', equals: 'yes' },
  routing: { target: 'precinct-inspector' },
  sensitive: false,
  attributes: [
    yesNo(
      'in_progress',
      1,
      text('Қылмыс дәл қазір жасалып жатыр ма?', 'Преступление совершается прямо сейчас?', 'Is the crime happening right now?'),
      true,
    ),
    choice('threat_type', 2, text('Қауіптің түрі', 'Вид угрозы', 'Type of threat'), [
      { key: 'violence', name: text('Зорлық-зомбылық', 'Насилие', 'Violence') },
      { key: 'weapons', name: text('Қару', 'Оружие', 'Weapons') },
      { key: 'drugs', name: text('Есірткі', 'Наркотики', 'Drugs') },
      { key: 'theft', name: text('Ұрлық', 'Кража', 'Theft') },
      { key: 'terrorism', name: text('Терроризм немесе экстремизм', 'Терроризм или экстремизм', 'Terrorism or extremism') },
      OTHER,
    ]),
    {
      code: 'expected_time',
      datatype: 'datetime',
      required: false,
      order: 3,
      description: text(
        'Бұл қашан болуы мүмкін?',
        'Когда это может произойти?',
        'When might it happen?',
      ),
    },
  ],
  active: true,
};

const other: CategoryDefinition = {
  code: 'other',
  name: text('Басқа', 'Другое', 'Other'),
  description: text(
    'Басқа санаттарға сәйкес келмейтін өтініштер.',
    'Обращения, которые не подходят ни под одну другую категорию.',
    'Requests that fit no other category.',
  ),
  group: GROUPS.other,
  keywords: ['басқа', 'другое', 'прочее', 'other'],
  kinds: ['proposal', 'application', 'complaint', 'feedback', 'inquiry'],
  term: STATUTORY_TERM,
  priority: 'normal',
  urgent: false,
  routing: { target: 'precinct-inspector' },
  sensitive: false,
  attributes: [],
  active: true,
};

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

/** The built-in catalogue (frozen: copy a definition before changing it). */
export const BUILT_IN_CATEGORIES: readonly CategoryDefinition[] = deepFreeze([
  domesticViolence,
  internetFraud,
  publicOrderNoise,
  minors,
  alcoholDrugs,
  trafficParking,
  neighbourDispute,
  migration,
  lostDocuments,
  officerComplaint,
  precinctProposal,
  crimeThreatTip,
  other,
]);

const BY_CODE: ReadonlyMap<string, CategoryDefinition> = new Map(BUILT_IN_CATEGORIES.map((category) => [category.code, category]));

export function findBuiltInCategory(code: string): CategoryDefinition | undefined {
  return BY_CODE.get(code);
}

/**
 * Whether a request must be handed to the 102 duty unit at once: the category is always urgent,
 * or its `urgentWhen` attribute has the given value (a list value counts when it contains it).
 */
export function isUrgent(category: CategoryDefinition, attributes: Record<string, unknown>): boolean {
  if (category.urgent) return true;
  const rule = category.urgentWhen;
  if (!rule || !attributes) return false;
  const value = attributes[rule.attribute];
  const matches = (item: unknown): boolean =>
    (typeof item === 'string' || typeof item === 'number') && String(item).trim().toLowerCase() === rule.equals.toLowerCase();
  return Array.isArray(value) ? value.some(matches) : matches(value);
}

export function kindAllowed(category: CategoryDefinition, kind: RequestKind): boolean {
  return category.kinds.includes(kind);
}

/**
 * The clock that applies to a request of this kind in this category: tips have no statutory term,
 * so a tip in a category with a statutory clock runs on TIP_TERM.
 */
export function termFor(category: CategoryDefinition, kind: RequestKind): TermRule {
  if (kind === 'tip' && category.term.clock === 'statutory') return TIP_TERM;
  return category.term;
}
