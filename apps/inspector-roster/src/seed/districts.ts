/**
 * Demo districts (police bodies under the Departments). Astana's five and Almaty's eight city
 * districts are real, with outlines approximating where they lie; every other Department gets one
 * city (or city district) around its seat, two get a rural district as well, and Transport gets
 * the Astana line. Outlines are unions of axis-aligned blocks, so they tile exactly.
 */
import { DEPARTMENTS } from './regions';
import { blockSizeKm, polygon, rectilinearOutline, round6 } from './geometry';
import type { Block, District, DistrictKind, LocalizedName } from './types';

/** A district before its outline is derived: the blocks the outline is the union of. */
export interface DistrictDefinition {
  code: string;
  regionCode: string;
  kind: DistrictKind;
  name: LocalizedName;
  population: number;
  blocks: readonly Block[];
}

function block(west: number, south: number, east: number, north: number): Block {
  return { west, south, east, north };
}

function district(code: string, kind: DistrictKind, name: LocalizedName, population: number, blocks: Block[]): DistrictDefinition {
  return { code, regionCode: code.slice(0, 3), kind, name, population, blocks };
}

/** A rectangle of about `population / density` km² centred on the Department's seat, 1.2 : 1 wide. */
function aroundSeat(regionCode: string, population: number, density = 4500): Block {
  const seat = DEPARTMENTS.find((d) => d.code === regionCode)?.seat;
  if (!seat) throw new Error(`no department ${regionCode}`);
  const areaKm2 = population / density;
  const heightKm = Math.sqrt(areaKm2 / 1.2);
  const widthKm = heightKm * 1.2;
  const unit = blockSizeKm(block(seat.lon, seat.lat, seat.lon + 1, seat.lat + 1));
  const halfLon = widthKm / unit.width / 2;
  const halfLat = heightKm / unit.height / 2;
  const r4 = (value: number) => round6(Math.round(value * 1e4) / 1e4);
  return block(r4(seat.lon - halfLon), r4(seat.lat - halfLat), r4(seat.lon + halfLon), r4(seat.lat + halfLat));
}

function seatCity(code: string, population: number): DistrictDefinition {
  const department = DEPARTMENTS.find((d) => d.code === code.slice(0, 3));
  if (!department) throw new Error(`no department for ${code}`);
  const seat = department.seat.name;
  return district(code, 'city', { kk: `${seat.kk} қаласы`, ru: `город ${seat.ru}`, en: `${seat.en} city` }, population, [aroundSeat(department.code, population)]);
}

export const DISTRICT_DEFINITIONS: readonly DistrictDefinition[] = Object.freeze([
  // Astana (≈ 1.5 M): the Ishim splits the right bank (north) from the left bank (south).
  district('AST-ALM', 'city_district', { kk: 'Алматы ауданы', ru: 'Алматинский район', en: 'Almaty district' }, 380_000, [
    block(71.42, 51.15, 71.56, 51.17),
    block(71.49, 51.17, 71.56, 51.23),
  ]),
  district('AST-BAI', 'city_district', { kk: 'Байқоңыр ауданы', ru: 'район Байконыр', en: 'Baikonyr district' }, 280_000, [block(71.42, 51.17, 71.49, 51.23)]),
  district('AST-ESL', 'city_district', { kk: 'Есіл ауданы', ru: 'Есильский район', en: 'Yesil district' }, 250_000, [block(71.38, 51.08, 71.52, 51.15)]),
  district('AST-SAR', 'city_district', { kk: 'Сарыарқа ауданы', ru: 'Сарыаркинский район', en: 'Saryarka district' }, 350_000, [block(71.3, 51.15, 71.42, 51.23)]),
  district('AST-NUR', 'city_district', { kk: 'Нұра ауданы', ru: 'район Нура', en: 'Nura district' }, 240_000, [
    block(71.3, 51.04, 71.38, 51.15),
    block(71.38, 51.04, 71.52, 51.08),
  ]),
  // Almaty (≈ 2.3 M): the mountains are to the south, the airport and Turksib to the north-east.
  district('ALA-ALT', 'city_district', { kk: 'Алатау ауданы', ru: 'Алатауский район', en: 'Alatau district' }, 360_000, [block(76.72, 43.245, 76.88, 43.33)]),
  district('ALA-ALM', 'city_district', { kk: 'Алмалы ауданы', ru: 'Алмалинский район', en: 'Almaly district' }, 230_000, [block(76.88, 43.245, 76.96, 43.275)]),
  district('ALA-AUE', 'city_district', { kk: 'Әуезов ауданы', ru: 'Ауэзовский район', en: 'Auezov district' }, 330_000, [block(76.8, 43.19, 76.88, 43.245)]),
  district('ALA-BOS', 'city_district', { kk: 'Бостандық ауданы', ru: 'Бостандыкский район', en: 'Bostandyk district' }, 400_000, [
    block(76.88, 43.15, 76.96, 43.245),
    block(76.8, 43.15, 76.88, 43.19),
  ]),
  district('ALA-ZHE', 'city_district', { kk: 'Жетісу ауданы', ru: 'Жетысуский район', en: 'Zhetysu district' }, 190_000, [block(76.88, 43.275, 76.96, 43.34)]),
  district('ALA-MED', 'city_district', { kk: 'Медеу ауданы', ru: 'Медеуский район', en: 'Medeu district' }, 240_000, [block(76.96, 43.15, 77.1, 43.275)]),
  district('ALA-NAU', 'city_district', { kk: 'Наурызбай ауданы', ru: 'Наурызбайский район', en: 'Nauryzbay district' }, 250_000, [block(76.7, 43.15, 76.8, 43.245)]),
  district('ALA-TUR', 'city_district', { kk: 'Түрксіб ауданы', ru: 'Турксибский район', en: 'Turksib district' }, 300_000, [block(76.96, 43.275, 77.08, 43.4)]),
  // Shymkent: one of its five city districts.
  district('SHY-ALF', 'city_district', { kk: 'Әл-Фараби ауданы', ru: 'Аль-Фарабийский район', en: 'Al-Farabi district' }, 80_000, [aroundSeat('SHY', 80_000)]),
  // One city per region around its seat (the central part: 10–25 precincts).
  seatCity('ABA-SEM', 60_000),
  seatCity('AKM-KOK', 45_000),
  seatCity('AKT-AKT', 85_000),
  seatCity('ALM-KON', 38_000),
  seatCity('ATY-ATY', 60_000),
  seatCity('VOS-OSK', 70_000),
  seatCity('ZHA-TAR', 65_000),
  seatCity('ZHT-TAL', 40_000),
  seatCity('ZAP-ORA', 55_000),
  seatCity('KAR-KAR', 85_000),
  seatCity('KUS-KOS', 50_000),
  seatCity('KZY-KZY', 55_000),
  seatCity('MAN-AKT', 50_000),
  seatCity('PAV-PAV', 65_000),
  seatCity('SEV-PET', 45_000),
  seatCity('ULT-ZHE', 38_000),
  seatCity('TUR-TUR', 45_000),
  // Rural districts: villages, precincts of 1,500–4,000 residents.
  district('AKM-SHO', 'rural_district', { kk: 'Шортанды ауданы', ru: 'Шортандинский район', en: 'Shortandy district' }, 30_000, [block(70.65, 51.45, 71.35, 51.95)]),
  district('KAR-BUZ', 'rural_district', { kk: 'Бұқар жырау ауданы', ru: 'район Бухар-Жырау', en: 'Bukhar-Zhyrau district' }, 58_000, [
    block(73.25, 49.85, 74.25, 50.4),
    block(73.25, 50.4, 73.75, 50.6),
  ]),
  // Transport Police: Nurly Zhol station, the railway south and the airport.
  district('TRN-AST', 'transport_line', { kk: 'Астана вокзалы', ru: 'Вокзал Астана', en: 'Astana transport line' }, 14_000, [
    block(71.52, 51.04, 71.55, 51.125),
    block(71.45, 51.01, 71.55, 51.04),
  ]),
]);

export const DISTRICTS: readonly District[] = Object.freeze(
  DISTRICT_DEFINITIONS.map(({ code, regionCode, kind, name, population, blocks }) => ({
    code,
    regionCode,
    kind,
    name,
    outline: polygon(rectilinearOutline(blocks)),
    population,
  })),
);
