/**
 * The 21 Police Departments of domain.md section 2: 20 territorial ones plus Transport.
 * Seat coordinates are real (city centres, to about a kilometre).
 */
import type { Department, DepartmentKind, LocalizedName } from './types';

function department(
  code: string,
  kind: DepartmentKind,
  name: LocalizedName,
  departmentName: LocalizedName,
  seat: LocalizedName,
  lon: number,
  lat: number,
): Department {
  return { code, kind, name, department: departmentName, seat: { name: seat, lon, lat } };
}

/** For a region: kk «X облысының Полиция департаменті», ru «Департамент полиции X области», en «Police Department of X Region». */
function region(code: string, kk: string, ru: string, ruGenitive: string, en: string, seat: LocalizedName, lon: number, lat: number): Department {
  return department(
    code,
    'region',
    { kk: `${kk} облысы`, ru, en: `${en} region` },
    { kk: `${kk} облысының Полиция департаменті`, ru: `Департамент полиции ${ruGenitive}`, en: `Police Department of ${en} Region` },
    seat,
    lon,
    lat,
  );
}

function city(code: string, kk: string, ru: string, ruGenitive: string, en: string, lon: number, lat: number): Department {
  return department(
    code,
    'city',
    { kk: `${kk} қаласы`, ru: `город ${ru}`, en: `${en} city` },
    { kk: `${kk} қаласының Полиция департаменті`, ru: `Департамент полиции города ${ruGenitive}`, en: `Police Department of ${en}` },
    { kk, ru, en },
    lon,
    lat,
  );
}

export const DEPARTMENTS: readonly Department[] = Object.freeze([
  city('AST', 'Астана', 'Астана', 'Астаны', 'Astana', 71.4304, 51.1283),
  city('ALA', 'Алматы', 'Алматы', 'Алматы', 'Almaty', 76.9458, 43.2383),
  city('SHY', 'Шымкент', 'Шымкент', 'Шымкента', 'Shymkent', 69.5901, 42.3417),
  region('ABA', 'Абай', 'область Абай', 'области Абай', 'Abai', { kk: 'Семей', ru: 'Семей', en: 'Semey' }, 80.2275, 50.4111),
  region('AKM', 'Ақмола', 'Акмолинская область', 'Акмолинской области', 'Akmola', { kk: 'Көкшетау', ru: 'Кокшетау', en: 'Kokshetau' }, 69.3783, 53.2833),
  region('AKT', 'Ақтөбе', 'Актюбинская область', 'Актюбинской области', 'Aktobe', { kk: 'Ақтөбе', ru: 'Актобе', en: 'Aktobe' }, 57.2072, 50.2839),
  region('ALM', 'Алматы', 'Алматинская область', 'Алматинской области', 'Almaty', { kk: 'Қонаев', ru: 'Конаев', en: 'Konaev' }, 77.0731, 43.8769),
  region('ATY', 'Атырау', 'Атырауская область', 'Атырауской области', 'Atyrau', { kk: 'Атырау', ru: 'Атырау', en: 'Atyrau' }, 51.9238, 47.0945),
  region('VOS', 'Шығыс Қазақстан', 'Восточно-Казахстанская область', 'Восточно-Казахстанской области', 'East Kazakhstan', { kk: 'Өскемен', ru: 'Усть-Каменогорск', en: 'Oskemen' }, 82.6286, 49.9483),
  region('ZHA', 'Жамбыл', 'Жамбылская область', 'Жамбылской области', 'Zhambyl', { kk: 'Тараз', ru: 'Тараз', en: 'Taraz' }, 71.3667, 42.9),
  region('ZHT', 'Жетісу', 'область Жетісу', 'области Жетісу', 'Zhetisu', { kk: 'Талдықорған', ru: 'Талдыкорган', en: 'Taldykorgan' }, 78.3667, 45.0167),
  region('ZAP', 'Батыс Қазақстан', 'Западно-Казахстанская область', 'Западно-Казахстанской области', 'West Kazakhstan', { kk: 'Орал', ru: 'Уральск', en: 'Oral' }, 51.3667, 51.2333),
  region('KAR', 'Қарағанды', 'Карагандинская область', 'Карагандинской области', 'Karaganda', { kk: 'Қарағанды', ru: 'Караганда', en: 'Karaganda' }, 73.0866, 49.806),
  region('KUS', 'Қостанай', 'Костанайская область', 'Костанайской области', 'Kostanay', { kk: 'Қостанай', ru: 'Костанай', en: 'Kostanay' }, 63.6246, 53.2144),
  region('KZY', 'Қызылорда', 'Кызылординская область', 'Кызылординской области', 'Kyzylorda', { kk: 'Қызылорда', ru: 'Кызылорда', en: 'Kyzylorda' }, 65.5092, 44.8528),
  region('MAN', 'Маңғыстау', 'Мангистауская область', 'Мангистауской области', 'Mangystau', { kk: 'Ақтау', ru: 'Актау', en: 'Aktau' }, 51.1974, 43.6411),
  region('PAV', 'Павлодар', 'Павлодарская область', 'Павлодарской области', 'Pavlodar', { kk: 'Павлодар', ru: 'Павлодар', en: 'Pavlodar' }, 76.9674, 52.2873),
  region('SEV', 'Солтүстік Қазақстан', 'Северо-Казахстанская область', 'Северо-Казахстанской области', 'North Kazakhstan', { kk: 'Петропавл', ru: 'Петропавловск', en: 'Petropavl' }, 69.1436, 54.8753),
  region('ULT', 'Ұлытау', 'область Ұлытау', 'области Ұлытау', 'Ulytau', { kk: 'Жезқазған', ru: 'Жезказган', en: 'Zhezkazgan' }, 67.7144, 47.7833),
  region('TUR', 'Түркістан', 'Туркестанская область', 'Туркестанской области', 'Turkistan', { kk: 'Түркістан', ru: 'Туркестан', en: 'Turkistan' }, 68.2511, 43.2973),
  department(
    'TRN',
    'transport',
    { kk: 'Көліктегі полиция', ru: 'Полиция на транспорте', en: 'Transport Police (air, rail)' },
    { kk: 'Көліктегі полиция департаменті', ru: 'Департамент полиции на транспорте', en: 'Transport Police Department' },
    { kk: 'Астана', ru: 'Астана', en: 'Astana' },
    71.4304,
    51.1283,
  ),
]);

const BY_CODE = new Map(DEPARTMENTS.map((d) => [d.code, d]));

/** The department of a region code, or undefined. */
export function departmentByCode(code: string): Department | undefined {
  return BY_CODE.get(code);
}
