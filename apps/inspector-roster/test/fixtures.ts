/**
 * A small territory for the integration tests: district AST-ESL as a 2 × 2 grid of 0.01° squares
 * (precincts 01 02 / 03 04 from the south-west), and district AST-SAR's precinct 01 east of them.
 *
 *   51.12 +------+------+------+
 *         |  03  |  04  |      |
 *   51.11 +------+------+ SAR  |
 *         |  01  |  02  |  01  |
 *   51.10 +------+------+------+
 *       71.40  71.41  71.42  71.43
 */
import type { ReferenceDistrict, ReferenceRegion } from '../src/import/importer';

type Ring = Array<[number, number]>;

export const square = (west: number, south: number, east: number, north: number): Ring => [
  [west, south],
  [east, south],
  [east, north],
  [west, north],
  [west, south],
];

export interface FixturePrecinct {
  code: string;
  ring: Ring;
  population: number;
  names?: { kk: string; ru: string; en: string };
}

export const PRECINCTS: FixturePrecinct[] = [
  { code: 'AST-ESL-01', ring: square(71.4, 51.1, 71.41, 51.11), population: 3200 },
  { code: 'AST-ESL-02', ring: square(71.41, 51.1, 71.42, 51.11), population: 4100 },
  { code: 'AST-ESL-03', ring: square(71.4, 51.11, 71.41, 51.12), population: 2800 },
  { code: 'AST-ESL-04', ring: square(71.41, 51.11, 71.42, 51.12), population: 8600 },
  { code: 'AST-SAR-01', ring: square(71.42, 51.1, 71.43, 51.12), population: 5000 },
];

export const REGIONS: ReferenceRegion[] = [
  {
    code: 'AST',
    kind: 'city',
    name: { kk: 'Астана қаласы', ru: 'город Астана', en: 'Astana city' },
    department: { kk: 'Астана қаласының Полиция департаменті', ru: 'Департамент полиции города Астаны', en: 'Police Department of Astana' },
    seat: { lon: 71.43, lat: 51.13 },
  },
];

export const DISTRICTS: ReferenceDistrict[] = [
  { code: 'AST-ESL', regionCode: 'AST', kind: 'city_district', name: { kk: 'Есіл ауданы', ru: 'район Есиль', en: 'Yesil district' } },
  { code: 'AST-SAR', regionCode: 'AST', kind: 'city_district', name: { kk: 'Сарыарқа ауданы', ru: 'район Сарыарка', en: 'Saryarka district' } },
];

/** A GeoJSON FeatureCollection with one feature per line (so a feature's line is its index + 3). */
export function precinctFile(precincts: Array<FixturePrecinct | { raw: unknown }>): string {
  const features = precincts.map((p) =>
    'raw' in p
      ? JSON.stringify(p.raw)
      : JSON.stringify({
          type: 'Feature',
          properties: {
            code: p.code,
            name_kk: p.names?.kk ?? `${p.code} учаскесі`,
            name_ru: p.names?.ru ?? `участок ${p.code}`,
            name_en: p.names?.en ?? `precinct ${p.code}`,
            population: p.population,
            settlement_type: 'urban',
          },
          geometry: { type: 'Polygon', coordinates: [p.ring] },
        }),
  );
  return `{\n"type": "FeatureCollection",\n"features": [\n${features.join(',\n')}\n]\n}\n`;
}

export const INSPECTOR_HEADER = 'personal_number,last_name,first_name,patronymic,rank,position,unit,precinct_code,assigned_from,phone,username,service_start';

export const INSPECTORS = [
  'AST100001,Сұлтанова,Айгерім,Ерланқызы,police_captain,district_inspector,AST-ESL,AST-ESL-01,2024-03-01,+77011000001,ast.esil.01,2012-09-01',
  'AST100002,Қасымов,Бауыржан,Нұрланұлы,police_senior_lieutenant,district_inspector,AST-ESL,AST-ESL-02,2023-06-15,+77011000002,ast.esil.02,2018-08-01',
  'AST100003,Оспанов,Арман,Серікұлы,police_major,senior_district_inspector,AST-ESL,AST-ESL-03,2022-01-10,+77011000003,,2005-07-01',
  'AST100004,Жұмабаев,Дәурен,Асқарұлы,police_lieutenant,district_inspector,AST-ESL,,,+77011000004,,2024-09-01',
  'AST200001,Ахметова,Динара,Маратқызы,police_captain,district_inspector,AST-SAR,AST-SAR-01,2021-02-01,+77011000005,,2010-03-01',
];
