/**
 * The Astana story of the demo: two months of the city's interagency commission on crime
 * prevention (AST-IAC), told through the service's own classes so every row has its outbox event
 * and audit entry, each at the time it happened in the story:
 * - the member organisations, their information-sharing agreements, the commission;
 * - a recommendation package (safe routes to school) sent to the akim and answered, and the
 *   decision that follows from it, with precinct tasks for the Yesil police;
 * - meeting 1 (about 30 days ago): attendance and apologies, unfinished tasks reviewed (one
 *   carried over, one cancelled), three decisions and their tasks, minutes published late;
 * - tasks in every status, some done on time and one late, three overdue with the escalation
 *   ladder climbing (all three steps for one), two protocol tasks (a school's 1-day notice, an
 *   ill-treatment referral); the decisions at implement, evaluate and decide;
 * - meeting 2, scheduled about 10 days ahead, with its agenda.
 * Dates are working days counted back from today on the Kazakhstan calendar, so the story fits
 * whatever day it is run.
 */
import { addCalendarDays, type LocalDate } from '@seriktes/calendar';
import type { AttachmentInput, AssignTaskInput, TaskRow } from '../tasks/task.service';
import type { SeedContext } from './context';
import { AGREEMENTS, CHAIR, COMMISSION_CODE, ORGANISATIONS, USERS } from './people';
import { instant, type Timeline } from './timeline';

const HOUR = 3_600_000;
const VENUE = 'Акимат города Астаны, зал заседаний № 3 / Astana akimat, meeting room 3';

const pdf = (name: string, sizeBytes: number): AttachmentInput => ({ name, mediaType: 'application/pdf', sizeBytes });

/**
 * The agreements' dates: signed on 16 February of the story's first year (or the year before,
 * early in a year), reviewed on a 15 February a year or more later, and not before today (an
 * agreement past its review date grants nothing).
 */
export function agreementDates(start: LocalDate, today: LocalDate): { signedOn: LocalDate; reviewOn: LocalDate } {
  const year = Number(start.slice(0, 4));
  const signedOn = `${year}-02-16` <= start ? `${year}-02-16` : `${year - 1}-02-16`;
  let reviewYear = Number(signedOn.slice(0, 4)) + 1;
  while (`${reviewYear}-02-15` <= today) reviewYear++;
  return { signedOn, reviewOn: `${reviewYear}-02-15` };
}

export async function seedAstana(ctx: SeedContext, clock: Timeline): Promise<{ commissionId: string }> {
  const { secretary, akimat, school, health, esilHead, cityPolice } = USERS;
  const day = (k: number) => clock.workingDay(k);
  const date = (k: number) => ({ date: day(k) });

  // --- About two months ago: the organisations, their agreements, the commission. ---------------
  let now = await clock.day(-44, '09:30');
  for (const org of ORGANISATIONS) {
    if (!(await ctx.organisations.get(org.id))) await ctx.organisations.register(secretary, org);
  }
  now = await clock.day(-44, '10:00');
  const { signedOn, reviewOn } = agreementDates(day(-44), clock.today);
  for (const a of AGREEMENTS) await ctx.organisations.signAgreement(secretary, { ...a, signedOn, reviewOn }, now);

  now = await clock.day(-44, '11:00');
  const commission = await ctx.commissions.create(
    secretary,
    {
      code: COMMISSION_CODE,
      level: 'region',
      territoryCode: 'AST',
      hostAkimatId: 'ast-akimat',
      name: {
        kk: 'Астана қаласы әкімдігі жанындағы құқық бұзушылықтардың профилактикасы жөніндегі ведомствоаралық комиссия',
        ru: 'Межведомственная комиссия по профилактике правонарушений при акимате города Астаны',
        en: 'Interagency Commission on Crime Prevention under the Akimat of Astana',
      },
      chairName: CHAIR.name,
      chairPosition: CHAIR.position,
      secretaryUsername: secretary.username,
      memberIds: ORGANISATIONS.map((o) => o.id),
    },
    now,
  );
  const commissionId = commission.id;

  // --- The analytical group's package to the akim, and the decision that follows. --------------
  now = await clock.day(-43, '15:00');
  const pkg = await ctx.decisions.draftPackage(
    secretary,
    {
      commissionId,
      title: 'Безопасный путь в школу: Есильский район / Safe routes to school: Yesil district',
      analysis:
        'Аналитическая группа комиссии изучила обращения граждан по Есильскому району за 9 месяцев (41 обращение о безопасности на маршрутах к школам: ' +
        'неосвещённые дорожки, парковка на тротуарах, группы подростков вечером), данные УП Есильского района о правонарушениях в отношении ' +
        'несовершеннолетних и опрос родителей школы-лицея № 54 (62 % не отпускают детей одних после второй смены). ' +
        'Мектеп маңындағы жолдардың жартысынан көбі кешкі уақытта жарықтандырылмаған.',
      recommendations: [
        'Вечерние патрули местной полицейской службы на маршрутах к школам в часы окончания второй смены (17:30–19:30)',
        'Освещение пешеходных дорожек через парковую зону у школы-лицея № 54 и на подходах к школам № 71 и № 88',
        'Камеры видеонаблюдения на 4 перекрёстках у школ с выводом в центр оперативного управления',
        'Обследование заброшенных зданий и подвалов на маршрутах к школам, ограничение доступа',
        'Проверка компьютерных клубов и хостелов у колледжей на пребывание несовершеннолетних после 22:00',
      ],
      addressee: 'Аким города Астаны',
    },
    now,
  );
  now = await clock.day(-41, '10:00');
  await ctx.decisions.submitPackage(secretary, pkg.id, now);
  now = await clock.day(-35, '17:00');
  await ctx.decisions.answerPackage(
    secretary,
    pkg.id,
    'Аким города поддерживает рекомендации 1, 2, 4 и 5 и поручает их исполнение в рамках комиссии. Камеры (рекомендация 3) будут рассмотрены при уточнении бюджета на следующий год.',
    [0, 1, 3, 4],
    now,
  );

  now = await clock.day(-34, '11:00');
  const safeRoutes = await ctx.decisions.record(
    secretary,
    {
      commissionId,
      packageId: pkg.id,
      title: 'Мектепке қауіпсіз жол / Безопасный путь в школу (Есиль)',
      what: 'Исполнить принятые акимом рекомендации пакета «Безопасный путь в школу»: вечерние патрули на маршрутах к школе-лицею № 54, освещение дорожек, обследование заброшенных зданий, проверки компьютерных клубов и хостелов.',
      why: 'Рост обращений о небезопасных маршрутах к школам и вечерних группах подростков в Есильском районе; ответ акима на пакет рекомендаций аналитической группы.',
      evidence: [
        { kind: 'request_statistics', reference: 'citizen-requests, AST-ESL, 9 months', description: '41 обращение о безопасности на маршрутах к школам' },
        { kind: 'survey', reference: 'Опрос родителей школы-лицея № 54', description: '62 % родителей не отпускают детей одних после второй смены' },
      ],
      territoryCode: 'AST-ESL',
    },
    now,
  );
  const assign = async (minutes: number, input: Omit<AssignTaskInput, 'commissionId'>): Promise<TaskRow> => {
    now = await clock.at(new Date(now.getTime() + minutes * 60_000));
    return ctx.tasks.assign(secretary, { commissionId, ...input }, now);
  };
  const patrols = await assign(20, {
    decisionId: safeRoutes.id,
    title: 'Кешкі патрульдер / Вечерние патрули на маршрутах к школе-лицею № 54',
    description: 'Организовать патрулирование 6 маршрутов к школе-лицею № 54 в 17:30–19:30 по учебным дням; отчёт с графиком и результатами.',
    leadOrganisationId: 'ast-police-esl',
    coExecutorIds: ['ast-school-54'],
    territoryCode: 'AST-ESL-01',
    due: date(-26),
    priority: 'high',
  });
  const lighting = await assign(10, {
    decisionId: safeRoutes.id,
    title: 'Освещение пешеходных дорожек у школ Есильского района',
    description: 'Установить освещение на дорожке через парковую зону у школы-лицея № 54 (около 400 м) и на подходах к школам № 71 и № 88.',
    leadOrganisationId: 'ast-akimat',
    coExecutorIds: ['ast-housing-esl'],
    territoryCode: 'AST-ESL',
    due: date(-24),
  });
  const clubs = await assign(10, {
    decisionId: safeRoutes.id,
    title: 'Проверка компьютерных клубов и хостелов у колледжей',
    description: 'Проверить компьютерные клубы и хостелы в радиусе 500 м от колледжей участка на пребывание несовершеннолетних после 22:00.',
    leadOrganisationId: 'ast-police-esl',
    territoryCode: 'AST-ESL-02',
    due: { workingDays: 10 },
  });
  const basements = await assign(10, {
    decisionId: safeRoutes.id,
    title: 'Тастанды ғимараттар / Обследование заброшенных зданий и подвалов',
    description: 'Обследовать заброшенные здания и подвалы на маршрутах к школам района, закрыть доступ, передать список собственников в акимат района.',
    leadOrganisationId: 'ast-housing-esl',
    coExecutorIds: ['ast-police-esl'],
    territoryCode: 'AST-ESL',
    due: date(-15),
  });
  now = await clock.day(-34, '12:00');
  await ctx.decisions.advance(secretary, safeRoutes.id, 'implement', 'Задачи розданы исполнителям', now);

  now = await clock.day(-33, '10:00');
  await ctx.tasks.accept(esilHead, patrols.id, now);
  now = await clock.day(-33, '11:00');
  await ctx.tasks.accept(akimat, lighting.id, now);
  now = await clock.day(-33, '14:00');
  await ctx.tasks.start(esilHead, clubs.id, now);
  // The housing division confirmed by phone; the secretary records it.
  now = await clock.day(-32, '10:00');
  await ctx.tasks.accept(secretary, basements.id, now);

  // --- Meeting 1, scheduled eight working days ahead. -------------------------------------------
  now = await clock.day(-30, '10:00');
  const meeting1 = await ctx.meetings.schedule(
    secretary,
    {
      commissionId,
      scheduledAt: clock.on(-22, '10:00').toISOString(),
      venue: VENUE,
      agenda: [
        { source: 'recommendation_package', reference: pkg.id, title: 'Ответ акима на пакет «Безопасный путь в школу» и ход исполнения' },
        { source: 'request_stats', title: 'Обращения граждан за 90 дней по категориям / Азаматтардың өтініштері' },
        { source: 'partner_proposal', proposedBy: 'ast-ngo-shanyrak', title: 'Кризисная линия для семей, пострадавших от бытового насилия' },
        { source: 'other', title: 'Правонарушения несовершеннолетних в Есильском районе: внеурочная занятость' },
        { source: 'other', title: 'Стихийная торговля у вокзала «Астана-1» (Сарыарка)' },
      ],
    },
    now,
  );

  now = await clock.day(-29, '11:00');
  await ctx.tasks.start(esilHead, patrols.id, now);
  now = await clock.day(-28, '17:00');
  const patrolsProgress = await ctx.tasks.report(esilHead, patrols.id, { text: 'Патрули выставлены на 2 из 6 маршрутов; остальные — после доукомплектования МПС.', progressPercent: 30, final: false }, now);
  now = await clock.day(-27, '10:00');
  await ctx.tasks.reviewReport(secretary, patrolsProgress.reportId, 'accepted', null, now);

  now = await clock.day(-26, '16:00');
  const clubsReport = await ctx.tasks.report(
    esilHead,
    clubs.id,
    {
      text: 'Проверено 12 объектов (7 компьютерных клубов, 5 хостелов). Выявлено 3 случая пребывания несовершеннолетних после 22:00, составлены протоколы, владельцы предупреждены.',
      progressPercent: 100,
      final: true,
      attachments: [pdf('akty-proverki-kompyuternye-kluby.pdf', 482_133)],
    },
    now,
  );
  now = await clock.day(-25, '10:00');
  await ctx.tasks.reviewReport(secretary, clubsReport.reportId, 'accepted', null, now);

  // --- Meeting 1 is held (about 30 days ago). ---------------------------------------------------
  now = await clock.day(-22, '09:45');
  await ctx.meetings.recordAttendance(secretary, meeting1.id, [
    { organisationId: 'ast-akimat', status: 'present', representative: 'Асхат Нұрпейісов' },
    { organisationId: 'ast-police', status: 'present', representative: 'Нұржан Жолдасов' },
    { organisationId: 'ast-police-esl', status: 'present', representative: 'Дәурен Омаров' },
    { organisationId: 'ast-school-54', status: 'present', representative: 'Ләззат Әбенова' },
    { organisationId: 'ast-health', status: 'present', representative: 'Бекзат Әбдірахманов' },
    { organisationId: 'ast-social', status: 'present', representative: 'Әсел Қасымова' },
    { organisationId: 'ast-prosecutor', status: 'present', representative: 'Индира Сапарова' },
    { organisationId: 'ast-ngo-shanyrak', status: 'present', representative: 'Айгүл Мамытова' },
    { organisationId: 'ast-housing-esl', status: 'apologies', representative: 'Марат Сұлтанбеков (выезд на аварию теплосети)' },
  ]);
  now = await clock.day(-22, '12:30');
  await ctx.meetings.hold(secretary, meeting1.id, clock.on(-22, '10:00'), now);

  now = await clock.day(-22, '12:40');
  await ctx.tasks.reviewAtMeeting(
    secretary,
    patrols.id,
    { meetingId: meeting1.id, reasonCode: 'not_done_by_agency', outcome: 'carry_over', due: date(6), note: 'Патрули только на 2 из 6 маршрутов: МПС доукомплектуется к концу месяца.' },
    now,
  );
  now = await clock.day(-22, '12:45');
  await ctx.tasks.reviewAtMeeting(
    secretary,
    lighting.id,
    { meetingId: meeting1.id, reasonCode: 'circumstances_changed', outcome: 'close', note: 'Освещение включено в городскую программу благоустройства набережной на следующий год.' },
    now,
  );

  now = await clock.day(-22, '12:50');
  const families = await ctx.decisions.record(
    secretary,
    {
      commissionId,
      meetingId: meeting1.id,
      title: 'Тұрмыстық зорлық-зомбылықты ерте анықтау / Раннее выявление бытового насилия и поддержка семей',
      what: 'Обучить медработников поликлиник листу оценки жестокого обращения; открыть кризисную линию для семей; провести совместные выезды полиции и соцработников в семьи, состоящие на профилактическом учёте.',
      why: 'Рост числа защитных предписаний и повторных обращений из одних и тех же семей; предложение ОФ «Шанырак».',
      evidence: [
        { kind: 'crime_statistics', reference: 'ДП г. Астаны, 9 месяцев', description: 'Защитные предписания: рост на 18 % к прошлому году; 27 % — повторные' },
        { kind: 'partner_report', reference: 'ОФ «Шанырак», отчёт за квартал', description: 'Обращения семей в центр выросли вдвое; 40 % — вечером и в выходные' },
      ],
    },
    now,
  );
  now = await clock.day(-22, '12:55');
  const youth = await ctx.decisions.record(
    secretary,
    {
      commissionId,
      meetingId: meeting1.id,
      title: 'Жасөспірімдердің сабақтан тыс бос уақыты / Внеурочная занятость подростков (Есиль)',
      what: 'Выявить учащихся группы риска и вовлечь их в секции и кружки; еженедельные занятия школьного инспектора; бесплатные секции для детей из малообеспеченных семей; правовое просвещение в колледжах; рейды по продаже алкоголя и вейпов несовершеннолетним.',
      why: 'Правонарушения несовершеннолетних в Есильском районе выросли на 14 %, 60 % из них — с 18:00 до 22:00.',
      evidence: [
        { kind: 'crime_statistics', reference: 'УП Есильского района, 9 месяцев', description: 'Правонарушения несовершеннолетних +14 %, 60 % — в 18:00–22:00' },
        { kind: 'inspection', reference: 'Проверки торговых точек', description: 'Продажа вейпов несовершеннолетним выявлена в 5 из 23 магазинов' },
      ],
      territoryCode: 'AST-ESL',
    },
    now,
  );
  now = await clock.day(-22, '13:00');
  const trading = await ctx.decisions.record(
    secretary,
    {
      commissionId,
      meetingId: meeting1.id,
      title: 'Стихийная торговля у вокзала «Астана-1» / Street trading at Astana-1 station',
      what: 'Собрать данные о стихийной торговле и связанных с ней правонарушениях у вокзала, подготовить варианты (ярмарочная площадка, патрули, перенос остановок).',
      why: 'Жалобы жителей и перевозчиков: заторы, кражи, мусор.',
      evidence: [{ kind: 'request_statistics', reference: 'citizen-requests, AST-SAR', description: 'Жалобы на стихийную торговлю у вокзала за 3 месяца' }],
      territoryCode: 'AST-SAR',
      stage: 'collect',
    },
    now,
  );

  now = await clock.day(-22, '14:00');
  const training = await assign(0, {
    decisionId: families.id,
    title: 'Обучение медработников листу оценки жестокого обращения',
    description: 'Провести обучение врачей и медсестёр городских поликлиник критериям оценки жестокого обращения и порядку направления листа оценки.',
    leadOrganisationId: 'ast-health',
    territoryCode: 'AST',
    due: date(-12),
  });
  const crisisLine = await assign(10, {
    decisionId: families.id,
    title: 'Дағдарыс желісі / Кризисная линия для семей',
    description: 'Открыть телефонную кризисную линию для семей (вечер и выходные), согласовать маршрут передачи случаев в управление соцзащиты.',
    leadOrganisationId: 'ast-ngo-shanyrak',
    coExecutorIds: ['ast-social'],
    territoryCode: 'AST',
    due: date(-14),
  });
  const familyVisits = await assign(10, {
    decisionId: families.id,
    title: 'Совместные выезды в семьи на профилактическом учёте',
    description: 'Провести совместные выезды участковых инспекторов и социальных работников во все семьи, состоящие на профилактическом учёте по бытовому насилию.',
    leadOrganisationId: 'ast-police',
    coExecutorIds: ['ast-social'],
    territoryCode: 'AST',
    due: date(-10),
  });
  const riskGroup = await assign(10, {
    decisionId: youth.id,
    title: 'Учащиеся группы риска: вовлечение в кружки и секции',
    description: 'Составить обезличенный перечень учащихся группы риска и вовлечь каждого в кружок или секцию; сведения о детях — только по соглашению об обмене информацией.',
    leadOrganisationId: 'ast-school-54',
    territoryCode: 'AST-ESL-01',
    due: date(5),
    sensitive: true,
  });
  const schoolInspector = await assign(10, {
    decisionId: youth.id,
    title: 'Мектеп инспекторы / Еженедельные занятия школьного инспектора',
    description: 'Еженедельные профилактические занятия школьного инспектора в 7–11 классах школы-лицея № 54 до конца полугодия.',
    leadOrganisationId: 'ast-police-esl',
    coExecutorIds: ['ast-school-54'],
    territoryCode: 'AST-ESL-01',
    due: date(12),
  });
  const vouchers = await assign(10, {
    decisionId: youth.id,
    title: 'Бесплатные секции для детей из малообеспеченных семей',
    description: 'Выдать ваучеры на бесплатные спортивные секции детям из малообеспеченных семей Есильского района.',
    leadOrganisationId: 'ast-social',
    territoryCode: 'AST-ESL',
    due: date(3),
  });
  // Never accepted: the prosecutor's office owes it, overdue.
  await assign(10, {
    decisionId: youth.id,
    title: 'Правовое просвещение в колледжах Есильского района',
    description: 'Провести лекции об ответственности несовершеннолетних в 6 колледжах района.',
    leadOrganisationId: 'ast-prosecutor',
    territoryCode: 'AST-ESL',
    due: date(-6),
  });
  const raids = await assign(10, {
    decisionId: youth.id,
    title: 'Рейды по продаже алкоголя и вейпов несовершеннолетним',
    description: 'Рейды в торговых точках у школ и колледжей участка; материалы — в акимат для решения о лицензиях.',
    leadOrganisationId: 'ast-police-esl',
    territoryCode: 'AST-ESL-02',
    due: date(-4),
    priority: 'high',
  });
  now = await clock.day(-22, '15:30');
  await ctx.decisions.advance(secretary, families.id, 'implement', null, now);
  now = await clock.day(-22, '15:35');
  await ctx.decisions.advance(secretary, youth.id, 'implement', null, now);

  // --- The weeks after the meeting. ------------------------------------------------------------
  now = await clock.day(-21, '09:30');
  await ctx.tasks.start(health, training.id, now);
  now = await clock.day(-21, '10:00');
  await ctx.tasks.accept(secretary, crisisLine.id, now);
  now = await clock.day(-21, '11:00');
  await ctx.tasks.accept(cityPolice, familyVisits.id, now);
  now = await clock.day(-20, '10:00');
  await ctx.tasks.accept(school, riskGroup.id, now);
  now = await clock.day(-20, '15:00');
  await ctx.meetings.draftMinutes(secretary, meeting1.id, minutesOfMeeting1(clock), now);
  now = await clock.day(-20, '16:00');
  await ctx.tasks.accept(secretary, vouchers.id, now);
  now = await clock.day(-19, '10:00');
  await ctx.tasks.start(esilHead, schoolInspector.id, now);
  now = await clock.day(-18, '11:00');
  await ctx.tasks.start(esilHead, raids.id, now);
  // Due on the 3rd working day after the meeting: published two working days late.
  now = await clock.day(-17, '11:00');
  await ctx.meetings.publishMinutes(secretary, meeting1.id, now);
  now = await clock.day(-16, '10:00');
  await ctx.commissions.setPublished(secretary, commissionId, true, now);

  now = await clock.day(-13, '16:00');
  const trainingReport = await ctx.tasks.report(
    health,
    training.id,
    { text: 'Обучено 214 медработников 18 городских поликлиник; памятка по листу оценки разослана.', progressPercent: 100, final: true, attachments: [pdf('spisok-obuchennykh.pdf', 96_412)] },
    now,
  );
  now = await clock.day(-12, '10:00');
  await ctx.tasks.reviewReport(secretary, trainingReport.reportId, 'accepted', null, now);

  // The crisis line opened after its due date (the NGO's report came on paper).
  now = await clock.day(-11, '15:00');
  const lineReport = await ctx.tasks.report(
    secretary,
    crisisLine.id,
    { text: 'Кризисная линия работает с 18:00 до 24:00 и в выходные; за первую неделю 37 звонков, 9 случаев передано в соцзащиту.', progressPercent: 100, final: true },
    now,
  );
  now = await clock.day(-10, '11:00');
  await ctx.tasks.reviewReport(secretary, lineReport.reportId, 'accepted', null, now);
  now = await clock.day(-10, '12:00');
  await ctx.decisions.advance(secretary, trading.id, 'alternatives', 'Данные собраны: 3 варианта (ярмарочная площадка, патрули, перенос остановок)', now);

  now = await clock.day(-8, '14:00');
  const inspectorProgress = await ctx.tasks.report(esilHead, schoolInspector.id, { text: 'Проведено 4 занятия в 7–9 классах, 2 — в 10–11 классах.', progressPercent: 40, final: false }, now);
  now = await clock.day(-7, '10:00');
  await ctx.tasks.reviewReport(secretary, inspectorProgress.reportId, 'accepted', null, now);

  now = await clock.day(-6, '11:00');
  await ctx.tasks.close(secretary, familyVisits.id, 'not_done', 'Выезды не проведены: списки семей на профилактическом учёте не переданы, срок истёк.', now);
  now = await clock.day(-6, '16:00');
  const raidsReport = await ctx.tasks.report(esilHead, raids.id, { text: 'Проведено 9 рейдов, выявлено 5 нарушений.', progressPercent: 100, final: true }, now);
  now = await clock.day(-5, '10:30');
  await ctx.tasks.reviewReport(secretary, raidsReport.reportId, 'returned', 'Приложите акты проверок и перечень торговых точек; нет данных по 2 из 5 микрорайонов.', now);

  // A school's duty to notify within 1 working day (protocol template).
  now = await clock.day(-5, '11:00');
  const notice = await ctx.tasks.assign(
    secretary,
    {
      commissionId,
      templateCode: 'school-child-in-difficulty',
      description: 'Ученик 7 класса систематически пропускает занятия, признаки безнадзорности (сведения обезличены; данные ребёнка — у школы).',
      leadOrganisationId: 'ast-school-54',
      territoryCode: 'AST-ESL-01',
    },
    now,
  );
  now = await clock.day(-4, '15:00');
  const noticeReport = await ctx.tasks.report(school, notice.id, { text: 'Сообщение направлено участковому инспектору участка AST-ESL-01, зарегистрировано в дежурной части.', progressPercent: 100, final: true }, now);
  now = await clock.day(-3, '09:40');
  await ctx.tasks.reviewReport(secretary, noticeReport.reportId, 'accepted', null, now);

  now = await clock.day(-3, '16:00');
  await ctx.decisions.advance(
    secretary,
    families.id,
    'evaluate',
    'Обучение и кризисная линия сработали (9 случаев передано в соцзащиту за неделю); совместные выезды сорваны из-за непереданных списков — порядок обмена списками вынести на следующее заседание.',
    now,
  );
  now = await clock.day(-2, '10:00');
  await ctx.decisions.advance(secretary, trading.id, 'decide', 'Выбран вариант: ярмарочная площадка и вечерние патрули; задачи — на заседании 2.', now);
  now = await clock.day(-2, '11:00');
  await assign(0, {
    decisionId: youth.id,
    title: 'Маршрут направления подростков к психологу и психиатру',
    description: 'Согласовать со школами района маршрут направления подростков от школьного психолога к специалистам поликлиник (сроки, контакты).',
    leadOrganisationId: 'ast-health',
    coExecutorIds: ['ast-school-54'],
    territoryCode: 'AST-ESL',
    due: date(10),
  });

  // The social department's final report on the vouchers waits for the secretary.
  now = await clock.day(-1, '15:00');
  await ctx.tasks.report(
    secretary,
    vouchers.id,
    { text: 'Выдано 120 ваучеров на секции (футбол, борьба, шахматы, плавание); список школ — во вложении.', progressPercent: 100, final: true, attachments: [pdf('vauchery-esil.pdf', 61_204)] },
    now,
  );

  // --- Meeting 2, about 10 days ahead. ----------------------------------------------------------
  now = await clock.day(-1, '16:00');
  await ctx.meetings.schedule(
    secretary,
    {
      commissionId,
      scheduledAt: instant(ctx.calendar.workingDayOnOrAfter(addCalendarDays(clock.today, 10)), '10:00').toISOString(),
      venue: VENUE,
      agenda: [
        { source: 'request_stats', title: 'Обращения граждан за 90 дней / Citizen requests, last 90 days' },
        { source: 'other', title: 'Ярмарочная площадка у вокзала «Астана-1»: задачи по решению' },
        { source: 'partner_proposal', proposedBy: 'ast-school-54', title: 'Школьная служба примирения (медиации) / Мектептегі татуластыру қызметі' },
        { source: 'other', title: 'Порядок передачи списков семей на профилактическом учёте (итоги оценки решения)' },
      ],
    },
    now,
  );

  // An ill-treatment assessment with a block at 5 points or more, for a minor: referral within 1 working day.
  now = await clock.ago(3 * HOUR);
  await ctx.tasks.assign(
    secretary,
    {
      commissionId,
      templateCode: 'ill-treatment-referral',
      description: 'Лист оценки заполнен медсестрой поликлиники при осмотре ребёнка 9 лет (данные обезличены).',
      leadOrganisationId: 'ast-social',
      territoryCode: 'AST-ESL-02',
      assessment: { physical: 3, psychological: 6, economic: 1, sexual: 0, minor: true },
    },
    now,
  );

  await clock.finish();
  return { commissionId };
}

function minutesOfMeeting1(clock: Timeline): string {
  const held = clock.workingDay(-22);
  return [
    `ПРОТОКОЛ заседания Межведомственной комиссии по профилактике правонарушений при акимате города Астаны от ${held}`,
    `Председатель: ${CHAIR.name}, ${CHAIR.position}. Секретарь: Гүлнар Тоқтарова.`,
    'Присутствовали: акимат, ДП г. Астаны, УП Есильского района, школа-лицей № 54, управление здравоохранения, управление соцзащиты, прокуратура, ОФ «Шанырак». Уважительная причина: отдел ЖКХ Есильского района.',
    '',
    '1. Ответ акима на пакет «Безопасный путь в школу». Приняты рекомендации 1, 2, 4, 5. Задача по вечерним патрулям перенесена (исполнена частично), задача по освещению снята: включена в программу благоустройства.',
    '2. Раннее выявление бытового насилия. РЕШИЛИ: обучение медработников, кризисная линия (предложение ОФ «Шанырак»), совместные выезды в семьи.',
    '3. Внеурочная занятость подростков в Есильском районе. РЕШИЛИ: группа риска — в кружки, школьный инспектор, ваучеры, лекции в колледжах, рейды.',
    '4. Стихийная торговля у вокзала «Астана-1»: собрать данные к следующему заседанию.',
    '',
    'Отырыс хаттамасы комиссия мүшелеріне жіберілсін. Minutes to be sent to all members.',
  ].join('\n');
}
