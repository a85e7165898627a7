/**
 * Police special ranks of the Republic of Kazakhstan held by district inspectors, and the
 * inspectors' positions, with names in Kazakh, Russian and English.
 *
 * Staff categories follow the law on law enforcement service: rank and file (`private`), junior
 * commanding staff (`junior`, sergeants), middle (`middle`, lieutenants to captain), senior
 * (`senior`, major to colonel) and top (`top`, generals: not held by district inspectors, so not
 * listed).
 */

export type StaffCategory = 'private' | 'junior' | 'middle' | 'senior' | 'top';

export interface Rank {
  /** Stable code, e.g. `police_captain`. */
  code: string;
  category: StaffCategory;
  /** Seniority: a higher order is a higher rank. */
  order: number;
  name: { kk: string; ru: string; en: string };
}

/** The ranks from lowest to highest. */
export const RANKS: readonly Rank[] = Object.freeze(
  [
    rank('police_private', 'private', 'полиция қатардағы қызметкері', 'рядовой полиции', 'Police Private'),
    rank(
      'police_junior_sergeant',
      'junior',
      'полиция кіші сержанты',
      'младший сержант полиции',
      'Police Junior Sergeant',
    ),
    rank('police_sergeant', 'junior', 'полиция сержанты', 'сержант полиции', 'Police Sergeant'),
    rank(
      'police_senior_sergeant',
      'junior',
      'полиция аға сержанты',
      'старший сержант полиции',
      'Police Senior Sergeant',
    ),
    rank(
      'police_sergeant_major',
      'junior',
      'полиция старшинасы',
      'старшина полиции',
      'Police Sergeant Major',
    ),
    rank(
      'police_junior_lieutenant',
      'middle',
      'полиция кіші лейтенанты',
      'младший лейтенант полиции',
      'Police Junior Lieutenant',
    ),
    rank('police_lieutenant', 'middle', 'полиция лейтенанты', 'лейтенант полиции', 'Police Lieutenant'),
    rank(
      'police_senior_lieutenant',
      'middle',
      'полиция аға лейтенанты',
      'старший лейтенант полиции',
      'Police Senior Lieutenant',
    ),
    rank('police_captain', 'middle', 'полиция капитаны', 'капитан полиции', 'Police Captain'),
    rank('police_major', 'senior', 'полиция майоры', 'майор полиции', 'Police Major'),
    rank(
      'police_lieutenant_colonel',
      'senior',
      'полиция подполковнигі',
      'подполковник полиции',
      'Police Lieutenant Colonel',
    ),
    rank('police_colonel', 'senior', 'полиция полковнигі', 'полковник полиции', 'Police Colonel'),
  ].map((r, order) => Object.freeze({ ...r, order: order + 1 })),
);

/** A rank without its order (assigned from its place in RANKS). */
function rank(
  code: string,
  category: StaffCategory,
  kk: string,
  ru: string,
  en: string,
): Omit<Rank, 'order'> {
  return { code, category, name: Object.freeze({ kk, ru, en }) };
}

const RANKS_BY_CODE = new Map(RANKS.map((r) => [r.code, r]));

/** The rank with this code, or undefined. */
export function rankByCode(code: string): Rank | undefined {
  return RANKS_BY_CODE.get(code);
}

/** An inspector's position. */
export type Position =
  | 'district_inspector'
  | 'senior_district_inspector'
  | 'juvenile_inspector'
  | 'assistant';

export const POSITIONS: readonly { code: Position; name: { kk: string; ru: string; en: string } }[] =
  Object.freeze([
    {
      code: 'district_inspector',
      name: {
        kk: 'учаскелік полиция инспекторы',
        ru: 'участковый инспектор полиции',
        en: 'District Police Inspector',
      },
    },
    {
      code: 'senior_district_inspector',
      name: {
        kk: 'аға учаскелік полиция инспекторы',
        ru: 'старший участковый инспектор полиции',
        en: 'Senior District Police Inspector',
      },
    },
    {
      code: 'juvenile_inspector',
      name: {
        kk: 'кәмелетке толмағандардың істері жөніндегі инспектор',
        ru: 'инспектор по делам несовершеннолетних',
        en: 'Juvenile Affairs Inspector',
      },
    },
    {
      code: 'assistant',
      name: {
        kk: 'учаскелік полиция инспекторының көмекшісі',
        ru: 'помощник участкового инспектора полиции',
        en: 'Assistant District Police Inspector',
      },
    },
  ] as const);

const POSITION_CODES: ReadonlySet<string> = new Set(POSITIONS.map((p) => p.code));

/** True when value is a position code. */
export function isPosition(value: string): value is Position {
  return POSITION_CODES.has(value);
}
