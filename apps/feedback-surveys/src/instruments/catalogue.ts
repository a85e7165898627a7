/**
 * The instruments shipped with the platform (version 1 of each), as data. Sources: domain.md §7,
 * anchors-mission.md §3 (CSEW "good job", MOPAC items, ESS Round 5 trust in justice: effectiveness
 * and procedural fairness, 3 items per construct), seed 003 (post-contact quality by service line,
 * l. 787-835; the six everyday-safety indicators, l. 2999-3023; the binary safety perception
 * indicator, l. 4646-4678; staff satisfaction, l. 757, 805-813, 837).
 */
import { AGE_BANDS, SEXES, type ChoiceOption, type ChoiceQuestion, type InstrumentDefinition, type LocalizedText, type ScaleQuestion, type TextQuestion } from './types';

const t = (kk: string, ru: string, en: string): LocalizedText => ({ kk, ru, en });

const AGREE = {
  low: t('Мүлдем келіспеймін', 'Совершенно не согласен', 'Strongly disagree'),
  high: t('Толық келісемін', 'Полностью согласен', 'Strongly agree'),
};

/** A 1..5 agreement item. */
function agree(code: string, text: LocalizedText, constructs: string[], required = false): ScaleQuestion {
  return { code, kind: 'scale', text, min: 1, max: 5, labels: AGREE, required, constructs };
}

/** A 0..10 rating (the ESS effectiveness items). */
function rating(code: string, text: LocalizedText, labels: ScaleQuestion['labels'], constructs: string[]): ScaleQuestion {
  return { code, kind: 'scale', text, min: 0, max: 10, labels, required: false, constructs };
}

function choice(code: string, text: LocalizedText, options: ChoiceOption[], required: boolean, constructs: string[] = []): ChoiceQuestion {
  return { code, kind: 'choice', text, options, required, constructs };
}

function comment(code: string, text: LocalizedText): TextQuestion {
  return { code, kind: 'text', text, required: false, maxLength: 1000, constructs: [] };
}

const DONT_KNOW: ChoiceOption = { code: 'dont_know', text: t('Білмеймін', 'Затрудняюсь ответить', "Don't know"), score: null };
const YES: ChoiceOption = { code: 'yes', text: t('Иә', 'Да', 'Yes'), score: 100 };
const NO: ChoiceOption = { code: 'no', text: t('Жоқ', 'Нет', 'No'), score: 0 };

/** Optional profile questions: used only to weight the area survey to population margins. */
const PROFILE: ChoiceQuestion[] = [
  choice(
    'profile_sex',
    t('Жынысыңыз (міндетті емес)', 'Ваш пол (необязательно)', 'Your sex (optional)'),
    SEXES.map((code) => ({ code, text: code === 'female' ? t('Әйел', 'Женский', 'Female') : t('Ер', 'Мужской', 'Male'), score: null })),
    false,
  ),
  choice(
    'profile_age',
    t('Жасыңыз (міндетті емес)', 'Ваш возраст (необязательно)', 'Your age (optional)'),
    AGE_BANDS.map((code) => ({ code, text: t(code, code, code), score: null })),
    false,
  ),
];

export const POST_CONTACT: InstrumentDefinition = {
  code: 'post-contact',
  kind: 'post_contact',
  title: t('Өтінішіңіз қалай қаралды?', 'Как было рассмотрено ваше обращение?', 'How was your request handled?'),
  introduction: t(
    'Полиция қызметінің сапасын бағалауға көмектесіңіз. Сауалнама жасырын: жауаптарыңыз өтінішіңізбен де, сізбен де байланыстырылмайды.',
    'Помогите оценить качество работы полиции. Опрос анонимный: ответы не связываются ни с вашим обращением, ни с вами.',
    'Help us judge the quality of police work. The survey is anonymous: your answers are linked neither to your request nor to you.',
  ),
  questions: [
    {
      code: 'csat',
      kind: 'scale',
      text: t(
        'Жалпы алғанда, өтінішіңіздің қаралуына қаншалықты қанағаттандыңыз?',
        'В целом, насколько вы удовлетворены рассмотрением вашего обращения?',
        'Overall, how satisfied are you with how your request was handled?',
      ),
      min: 1,
      max: 5,
      labels: { low: t('Мүлдем қанағаттанбадым', 'Совсем не удовлетворён', 'Very dissatisfied'), high: t('Толық қанағаттандым', 'Полностью удовлетворён', 'Very satisfied') },
      required: true,
      constructs: ['csat'],
    },
    choice(
      'resolved',
      t('Мәселеңіз шешілді ме?', 'Решён ли ваш вопрос?', 'Was your issue resolved?'),
      [YES, { code: 'partly', text: t('Ішінара', 'Частично', 'Partly'), score: 50 }, NO],
      true,
    ),
    agree('politeness', t('Қызметкерлер маған сыпайы әрі құрметпен қарады.', 'Сотрудники обращались со мной вежливо и уважительно.', 'Staff treated me politely and with respect.'), ['contact_quality']),
    agree('timeliness', t('Өтінішім уақтылы қаралды.', 'Моё обращение рассмотрели своевременно.', 'My request was dealt with in good time.'), ['contact_quality']),
    agree('next_steps', t('Әрі қарай не болатынын түсіндім.', 'Мне было понятно, что будет дальше.', 'I understood what would happen next.'), ['contact_quality']),
    comment('comment', t('Тағы не айтқыңыз келеді? (жеке деректеріңізді жазбаңыз)', 'Что ещё вы хотели бы сказать? (не указывайте личные данные)', 'Anything else you would like to tell us? (please leave out personal details)')),
  ],
  indicators: [
    { code: 'csat', kind: 'share', name: t('Қанағаттану (CSAT, 4-5 %)', 'Удовлетворённость (CSAT, % 4-5)', 'Satisfaction (CSAT, % 4-5)'), question: 'csat', values: [4, 5], headline: true },
    { code: 'resolved', kind: 'share', name: t('Мәселесі шешілгендер үлесі', 'Доля решённых вопросов', 'Share resolved'), question: 'resolved', values: ['yes'], headline: true },
    {
      code: 'contact_quality',
      kind: 'construct',
      name: t('Байланыс сапасы', 'Качество контакта', 'Quality of contact'),
      items: ['politeness', 'timeliness', 'next_steps'],
      minItems: 2,
      headline: true,
    },
    { code: 'satisfaction_score', kind: 'mean', name: t('Қанағаттану ұпайы (0-100)', 'Балл удовлетворённости (0-100)', 'Satisfaction score (0-100)'), question: 'csat', headline: false },
  ],
  asksProfile: false,
};

const TRUST_ITEMS = ['trust_inspector', 'trust_police', 'trust_rely'];
const PJ_ITEMS = ['pj_respect', 'pj_fair', 'pj_listen', 'pj_matters'];
const EFFECTIVENESS_ITEMS = ['eff_prevent', 'eff_catch', 'eff_arrive'];
const EVERYDAY_ITEMS = ['es_family', 'es_dark', 'es_children', 'es_neighbours', 'trust_inspector', 'es_environment'];

export const AREA_SAFETY: InstrumentDefinition = {
  code: 'area-safety',
  kind: 'area',
  title: t('Сіздің ауданыңыздағы қауіпсіздік және полицияға сенім', 'Безопасность в вашем районе и доверие полиции', 'Safety in your area and trust in the police'),
  introduction: t(
    'Бұл сауалнама учаскеңіздегі қауіпсіздікті және полиция жұмысын бағалауға арналған. Ол жасырын; нәтижелер тек жиынтық түрде, кемінде 30 жауап болғанда жарияланады.',
    'Этот опрос помогает оценить безопасность вашего участка и работу полиции. Он анонимный; результаты публикуются только в сводном виде и не менее чем по 30 ответам.',
    'This survey helps judge safety in your precinct and the work of the police. It is anonymous; results are published only as totals of at least 30 responses.',
  ),
  questions: [
    choice(
      'feel_safe_dark',
      t('Қараңғы түскеннен кейін ауданыңызда жалғыз жүргенде өзіңізді қаншалықты қауіпсіз сезінесіз?', 'Насколько безопасно вы чувствуете себя, гуляя в одиночку в своём районе после наступления темноты?', 'How safe do you feel walking alone in your area after dark?'),
      [{ code: 'safe', text: t('Қауіпсіз', 'В безопасности', 'Safe'), score: 100 }, { code: 'unsafe', text: t('Қауіпті', 'Небезопасно', 'Unsafe'), score: 0 }, DONT_KNOW],
      true,
      ['feel_safe'],
    ),
    agree('es_family', t('Мұнда адамдар отбасында қорқынышсыз өмір сүреді.', 'Люди здесь живут в семье без страха.', 'People here live without fear in their families.'), ['everyday_safety']),
    agree('es_dark', t('Мен қараңғыда көшеге шығудан қорықпаймын.', 'Я не боюсь выходить на улицу в тёмное время.', 'I am not afraid to go out after dark.'), ['everyday_safety']),
    agree('es_children', t('Мен балаларым үшін аулада және мектепке бара жатқанда қорықпаймын.', 'Я не боюсь за своих детей во дворе и по дороге в школу.', 'I am not afraid for my children in the yard or on the way to school.'), ['everyday_safety']),
    agree('es_neighbours', t('Мен көршілеріммен тату тұрамын.', 'Я в хороших отношениях с соседями.', 'I am on good terms with my neighbours.'), ['everyday_safety']),
    agree('trust_inspector', t('Мен өз учаскелік инспекторыма сенемін.', 'Я доверяю своему участковому инспектору.', 'I trust my district inspector.'), ['everyday_safety', 'trust']),
    agree('es_environment', t('Ауданым абаттандырылған, аулам мен кіреберісім таза.', 'Мой район благоустроен, двор и подъезд в порядке.', 'My area is well kept, with a tidy yard and entrance.'), ['everyday_safety']),
    agree('trust_police', t('Жалпы алғанда, мен осы аудандағы полицияға сенемін.', 'В целом я доверяю полиции в этом районе.', 'Overall, I trust the police in this area.'), ['trust']),
    agree('trust_rely', t('Қажет болғанда полицияға сүйенуге болады.', 'На полицию можно положиться, когда она нужна.', 'The police can be relied on to be there when needed.'), ['trust']),
    agree('pj_respect', t('Осы аудандағы полиция адамдарға құрметпен қарайды.', 'Полиция в этом районе относится к людям с уважением.', 'The police in this area treat people with respect.'), ['procedural_justice']),
    agree('pj_fair', t('Полиция әділ және бейтарап шешім қабылдайды.', 'Полиция принимает справедливые и беспристрастные решения.', 'The police make fair and impartial decisions.'), ['procedural_justice']),
    agree('pj_listen', t('Полиция жергілікті тұрғындардың алаңдаушылығына құлақ асады.', 'Полиция прислушивается к заботам местных жителей.', 'The police listen to the concerns of local people.'), ['procedural_justice']),
    agree('pj_matters', t('Полиция осы аудан үшін маңызды мәселелермен айналысады.', 'Полиция занимается тем, что важно для жителей района.', 'The police deal with the things that matter to people in this area.'), ['procedural_justice']),
    rating(
      'eff_prevent',
      t('Полиция осы аудандағы зорлық-зомбылықтың алдын алуда қаншалықты табысты?', 'Насколько успешно полиция предотвращает насилие в этом районе?', 'How successful are the police at preventing violent crime in this area?'),
      { low: t('Мүлдем табыссыз', 'Совсем неуспешно', 'Extremely unsuccessful'), high: t('Өте табысты', 'Очень успешно', 'Extremely successful') },
      ['effectiveness'],
    ),
    rating(
      'eff_catch',
      t('Полиция ұрлық жасағандарды ұстауда қаншалықты табысты?', 'Насколько успешно полиция задерживает совершивших кражу?', 'How successful are the police at catching people who commit burglary?'),
      { low: t('Мүлдем табыссыз', 'Совсем неуспешно', 'Extremely unsuccessful'), high: t('Өте табысты', 'Очень успешно', 'Extremely successful') },
      ['effectiveness'],
    ),
    rating(
      'eff_arrive',
      t('Жақын жерде зорлық болса, полиция қаншалықты тез келеді?', 'Насколько быстро приедет полиция, если рядом произойдёт насилие?', 'How quickly would the police arrive if a violent crime happened near you?'),
      { low: t('Өте баяу', 'Очень медленно', 'Very slowly'), high: t('Өте жылдам', 'Очень быстро', 'Very quickly') },
      ['effectiveness'],
    ),
    choice('knows_contact', t('Учаскелік инспекторыңызбен қалай байланысуды білесіз бе?', 'Знаете ли вы, как связаться со своим участковым инспектором?', 'Do you know how to contact your district inspector?'), [YES, NO], false, ['knows_contact']),
    {
      code: 'good_job',
      kind: 'scale',
      text: t(
        'Барлығын ескергенде, осы аудандағы полиция жұмысын қалай бағалайсыз?',
        'Учитывая всё, как вы оцениваете работу полиции в этом районе?',
        'Taking everything into account, how good a job are the police in this area doing?',
      ),
      min: 1,
      max: 5,
      labels: { low: t('Өте нашар', 'Очень плохо', 'Very poor'), high: t('Өте жақсы', 'Отлично', 'Excellent') },
      required: true,
      constructs: ['good_job'],
    },
    comment('top_issue', t('Ауданыңыздағы қауіпсіздіктің басты мәселесі қандай? (жеке деректерді жазбаңыз)', 'Какая главная проблема безопасности в вашем районе? (не указывайте личные данные)', 'What is the number one safety issue in your area? (please leave out personal details)')),
    ...PROFILE,
  ],
  indicators: [
    { code: 'feel_safe', kind: 'share', name: t('Қараңғыда өзін қауіпсіз сезінетіндер', 'Чувствуют себя в безопасности в темноте', 'Feel safe after dark'), question: 'feel_safe_dark', values: ['safe'], headline: true },
    { code: 'trust', kind: 'construct', name: t('Полицияға сенім', 'Доверие полиции', 'Trust in the police'), items: TRUST_ITEMS, minItems: 2, headline: true },
    { code: 'procedural_justice', kind: 'construct', name: t('Процедуралық әділдік', 'Процедурная справедливость', 'Procedural justice'), items: PJ_ITEMS, minItems: 3, headline: true },
    { code: 'effectiveness', kind: 'construct', name: t('Полицияның тиімділігі', 'Эффективность полиции', 'Police effectiveness'), items: EFFECTIVENESS_ITEMS, minItems: 2, headline: true },
    { code: 'everyday_safety', kind: 'construct', name: t('Күнделікті қауіпсіздік', 'Бытовая безопасность', 'Everyday safety'), items: EVERYDAY_ITEMS, minItems: 4, headline: true },
    { code: 'good_job', kind: 'share', name: t('«Жақсы жұмыс» (4-5 %)', '«Хорошая работа» (% 4-5)', '"Good job" (% 4-5)'), question: 'good_job', values: [4, 5], headline: true },
    { code: 'knows_contact', kind: 'share', name: t('Инспектормен байланысуды біледі', 'Знают, как связаться с участковым', 'Know how to contact their inspector'), question: 'knows_contact', values: ['yes'], headline: true },
    { code: 'trust_inspector', kind: 'mean', name: t('Учаскелік инспекторға сенім', 'Доверие участковому', 'Trust in the district inspector'), question: 'trust_inspector', headline: false },
  ],
  asksProfile: true,
};

export const STAFF_PULSE: InstrumentDefinition = {
  code: 'staff-pulse',
  kind: 'staff_pulse',
  title: t('Қызметкерлердің қысқа сауалнамасы', 'Короткий опрос сотрудников', 'Staff pulse'),
  introduction: t(
    'Бөлімше қызметкерлеріне арналған жасырын бес сұрақ. Кім жауап бергені сақталмайды, тек бір рет жауап бергеніңіз белгіленеді.',
    'Пять анонимных вопросов для сотрудников подразделения. Кто ответил, не сохраняется; отмечается лишь, что вы уже ответили.',
    'Five anonymous questions for the staff of a unit. Who answered is not stored; only that you have answered, so nobody answers twice.',
  ),
  questions: [
    agree('js_overall', t('Жалпы алғанда, мен жұмысыма қанағаттанамын.', 'В целом я удовлетворён своей работой.', 'Overall, I am satisfied with my job.'), ['staff_satisfaction'], true),
    agree('js_workload', t('Жұмыс көлемім шамама сай.', 'Моя нагрузка посильна.', 'My workload is manageable.'), ['staff_satisfaction']),
    agree('js_support', t('Басшым маған қолдау көрсетеді.', 'Руководитель меня поддерживает.', 'My manager supports me.'), ['staff_satisfaction']),
    agree('js_tools', t('Жұмысымды жақсы атқаруға қажеттінің бәрі бар.', 'У меня есть всё необходимое, чтобы хорошо выполнять работу.', 'I have what I need to do my job well.'), ['staff_satisfaction']),
    agree('js_paperwork', t('Уақытымның көбі құжатқа емес, адамдармен жұмысқа кетеді.', 'Большая часть моего времени уходит на работу с людьми, а не на бумаги.', 'Most of my time goes to work with people, not paperwork.'), ['staff_satisfaction']),
    comment('comment', t('Не жақсартуға болады? (аты-жөндерді жазбаңыз)', 'Что можно улучшить? (не указывайте имена)', 'What could be improved? (please leave out names)')),
  ],
  indicators: [
    {
      code: 'staff_satisfaction',
      kind: 'construct',
      name: t('Қызметкерлердің қанағаттануы', 'Удовлетворённость сотрудников', 'Staff satisfaction'),
      items: ['js_overall', 'js_workload', 'js_support', 'js_tools', 'js_paperwork'],
      minItems: 3,
      headline: true,
    },
    { code: 'job_satisfied', kind: 'share', name: t('Жұмысына қанағаттанатындар (4-5 %)', 'Удовлетворены работой (% 4-5)', 'Satisfied with the job (% 4-5)'), question: 'js_overall', values: [4, 5], headline: true },
  ],
  asksProfile: false,
};

/** Every shipped instrument; `seed` publishes version 1 of each when absent. */
export const SHIPPED_INSTRUMENTS: readonly InstrumentDefinition[] = [POST_CONTACT, AREA_SAFETY, STAFF_PULSE];
