/**
 * Who is who in the Astana demo: the member organisations of the city commission with their
 * contacts (invented people, work details only), and the demo users of identity-dev / the
 * development realm (deploy/keycloak) who act in the story.
 */
import { Role, userFromClaims, type AuthenticatedUser } from '@seriktes/auth';
import type { SharingScope } from '@seriktes/contracts';
import type { OrganisationInput } from '../organisations/organisation.service';

export const COMMISSION_CODE = 'AST-IAC';

export const ORGANISATIONS: readonly OrganisationInput[] = [
  {
    id: 'ast-akimat',
    kind: 'akimat',
    name: { kk: 'Астана қаласының әкімдігі', ru: 'Акимат города Астаны', en: 'Akimat of Astana' },
    territoryCode: 'AST',
    pointOfContact: { name: 'Асхат Нұрпейісов', position: 'Руководитель отдела координации общественной безопасности', email: 'a.nurpeisov@akimat.astana.example', phone: '+77172556101' },
    deputy: { name: 'Мадина Серікқызы Оспанова', position: 'Главный специалист отдела координации общественной безопасности', email: 'm.ospanova@akimat.astana.example', phone: '+77172556102' },
    manager: { name: 'Дархан Бауыржанұлы Тілеубаев', position: 'Руководитель аппарата акима города Астаны' },
  },
  {
    id: 'ast-police',
    kind: 'police',
    name: { kk: 'Астана қаласының Полиция департаменті', ru: 'Департамент полиции города Астаны', en: 'Astana City Police Department' },
    territoryCode: 'AST',
    pointOfContact: { name: 'Нұржан Ахметұлы Жолдасов', position: 'Начальник управления профилактики', email: 'n.zholdasov@police.astana.example', phone: '+77172714201' },
    deputy: { name: 'Айнұр Маратқызы Бекенова', position: 'Заместитель начальника управления профилактики', email: 'a.bekenova@police.astana.example' },
    manager: { name: 'Ерлан Жақсылықов', position: 'Заместитель начальника департамента полиции' },
  },
  {
    id: 'ast-police-esl',
    kind: 'police',
    name: { kk: 'Есіл аудандық полиция басқармасы', ru: 'Управление полиции Есильского района', en: 'Yesil District Police Department' },
    territoryCode: 'AST-ESL',
    pointOfContact: { name: 'Дәурен Омаров', position: 'Начальник отдела местной полицейской службы', email: 'd.omarov@police.astana.example', phone: '+77172714310' },
    deputy: { name: 'Қанат Серікболұлы Мұратов', position: 'Заместитель начальника отдела местной полицейской службы' },
    manager: { name: 'Бекжан Төлегенұлы Сәрсенбаев', position: 'Начальник управления полиции Есильского района' },
  },
  {
    id: 'ast-school-54',
    kind: 'school',
    name: { kk: '№54 мектеп-лицей', ru: 'Школа-лицей № 54', en: 'School-Lyceum No. 54' },
    territoryCode: 'AST-ESL-01',
    pointOfContact: { name: 'Жанар Мұқанова', position: 'Директор школы-лицея', email: 'director@school54.astana.example', phone: '+77172249054' },
    deputy: { name: 'Ләззат Қуанышқызы Әбенова', position: 'Заместитель директора по воспитательной работе', email: 'vr@school54.astana.example' },
    manager: { name: 'Гүлмира Ерланқызы Тәжібаева', position: 'Руководитель отдела образования Есильского района' },
  },
  {
    id: 'ast-health',
    kind: 'health',
    name: { kk: 'Астана қаласының денсаулық сақтау басқармасы', ru: 'Управление здравоохранения города Астаны', en: 'Astana City Health Department' },
    territoryCode: 'AST',
    pointOfContact: { name: 'Бекзат Әбдірахманов', position: 'Заместитель руководителя управления', email: 'b.abdirakhmanov@health.astana.example', phone: '+77172557320' },
    deputy: { name: 'Салтанат Нұрланқызы Жүсіпова', position: 'Главный специалист по охране материнства и детства' },
    manager: { name: 'Ардақ Мұхтарқызы Сыздықова', position: 'Руководитель управления здравоохранения' },
  },
  {
    id: 'ast-social',
    kind: 'social_protection',
    name: { kk: 'Астана қаласының жұмыспен қамту және әлеуметтік қорғау басқармасы', ru: 'Управление занятости и социальной защиты города Астаны', en: 'Astana Department of Employment and Social Protection' },
    territoryCode: 'AST',
    pointOfContact: { name: 'Әсел Болатқызы Қасымова', position: 'Руководитель отдела социальной помощи семьям', email: 'a.kassymova@social.astana.example', phone: '+77172558411' },
    deputy: { name: 'Тимур Асқарұлы Нұрғалиев', position: 'Главный специалист отдела социальной помощи семьям' },
    manager: { name: 'Роза Әміржанқызы Ибраева', position: 'Заместитель руководителя управления' },
  },
  {
    id: 'ast-prosecutor',
    kind: 'prosecutor',
    name: { kk: 'Астана қаласының прокуратурасы', ru: 'Прокуратура города Астаны', en: "Prosecutor's Office of Astana" },
    territoryCode: 'AST',
    pointOfContact: { name: 'Ғалым Ержанұлы Бейсенов', position: 'Прокурор отдела по надзору за соблюдением прав несовершеннолетних', email: 'g.beisenov@prokuratura.astana.example' },
    deputy: { name: 'Индира Талғатқызы Сапарова', position: 'Старший помощник прокурора города' },
    manager: { name: 'Асқар Маратұлы Төлеубаев', position: 'Заместитель прокурора города Астаны' },
  },
  {
    id: 'ast-ngo-shanyrak',
    kind: 'ngo',
    name: { kk: '«Шаңырақ» отбасын қолдау орталығы қоғамдық қоры', ru: 'ОФ «Центр поддержки семьи „Шанырак“»', en: 'Shanyrak Family Support Centre (public foundation)' },
    territoryCode: 'AST',
    pointOfContact: { name: 'Айгүл Серікқызы Мамытова', position: 'Директор фонда', email: 'info@shanyrak.astana.example', phone: '+77015553417' },
    deputy: { name: 'Ержан Қайратұлы Құдайбергенов', position: 'Координатор программ' },
    manager: { name: 'Сәуле Есенқызы Жақыпова', position: 'Председатель попечительского совета' },
  },
  {
    id: 'ast-housing-esl',
    kind: 'housing',
    name: { kk: 'Есіл ауданы әкімдігінің тұрғын үй-коммуналдық шаруашылық бөлімі', ru: 'Отдел жилищно-коммунального хозяйства акимата Есильского района', en: 'Housing and Utilities Division, Yesil District Akimat' },
    territoryCode: 'AST-ESL',
    pointOfContact: { name: 'Марат Жұмабекұлы Сұлтанбеков', position: 'Руководитель отдела ЖКХ', email: 'zhkh@esil.astana.example', phone: '+77172559020' },
    deputy: { name: 'Ольга Викторовна Ким', position: 'Заместитель руководителя отдела ЖКХ' },
    manager: { name: 'Нұрлан Болатұлы Ермекбаев', position: 'Заместитель акима Есильского района' },
  },
];

export const AGREEMENTS: ReadonlyArray<{ organisationId: string; scopes: SharingScope[]; territoryCode: string }> = [
  { organisationId: 'ast-akimat', scopes: ['decisions', 'task_details'], territoryCode: 'AST' },
  { organisationId: 'ast-school-54', scopes: ['sensitive_tasks', 'task_details'], territoryCode: 'AST-ESL-01' },
  { organisationId: 'ast-social', scopes: ['sensitive_tasks', 'decisions', 'linked_requests'], territoryCode: 'AST' },
];

export const CHAIR = { name: 'Серік Жұмабайұлы Әлмағанбетов', position: 'Заместитель акима города Астаны, председатель комиссии' };

/** A demo user of the development realm, with its id there so audit entries name the same subject. */
function demoUser(sub: string, username: string, roles: string[], scope: { region_code: string; district_code?: string; partner_org_id?: string }): AuthenticatedUser {
  return userFromClaims({ sub, preferred_username: username, azp: 'commission-tasks-seed', realm_access: { roles }, exp: 4_102_444_800, ...scope }, '');
}

export const USERS = {
  /** The commission secretary (Astana akimat): sets up, schedules, records, reviews; records reports received on paper. */
  secretary: demoUser('7d484ec3-3807-4b6a-9e35-ac98e0439126', 'ast.commission', [Role.commissionSecretary], { region_code: 'AST' }),
  akimat: demoUser('6006f67c-4fcf-46cb-b45d-7b43a3373de9', 'ast.akimat', [Role.partner], { region_code: 'AST', partner_org_id: 'ast-akimat' }),
  school: demoUser('d36d8245-bf19-40b4-9660-16d1d4ac1a74', 'ast.school.54', [Role.partner], { region_code: 'AST', partner_org_id: 'ast-school-54' }),
  health: demoUser('c8c59821-aba8-4d22-b05c-05bf42ff1b87', 'ast.health', [Role.commissionMember], { region_code: 'AST', partner_org_id: 'ast-health' }),
  /** Police staff act for police-led tasks of their territory. */
  esilHead: demoUser('ffc15fea-c6f6-40ba-9646-6d5fa8ff087f', 'ast.esil.head', [Role.unitHead], { region_code: 'AST', district_code: 'AST-ESL' }),
  cityPolice: demoUser('fcea6cf3-2998-44d2-9926-be3b82a29ec4', 'ast.head', [Role.departmentHead], { region_code: 'AST' }),
} as const;
