import { isPosition, POSITIONS, rankByCode, RANKS } from './ranks';

describe('RANKS', () => {
  it('lists the police ranks from private to colonel in order', () => {
    expect(RANKS.map((r) => r.code)).toEqual([
      'police_private',
      'police_junior_sergeant',
      'police_sergeant',
      'police_senior_sergeant',
      'police_sergeant_major',
      'police_junior_lieutenant',
      'police_lieutenant',
      'police_senior_lieutenant',
      'police_captain',
      'police_major',
      'police_lieutenant_colonel',
      'police_colonel',
    ]);
    expect(RANKS.map((r) => r.order)).toEqual(RANKS.map((_, i) => i + 1));
  });

  it('puts each rank in its staff category, categories never going down', () => {
    const categories = ['private', 'junior', 'middle', 'senior', 'top'];
    expect(rankByCode('police_private')?.category).toBe('private');
    expect(rankByCode('police_sergeant_major')?.category).toBe('junior');
    expect(rankByCode('police_captain')?.category).toBe('middle');
    expect(rankByCode('police_major')?.category).toBe('senior');
    expect(rankByCode('police_colonel')?.category).toBe('senior');
    const indexes = RANKS.map((r) => categories.indexOf(r.category));
    expect(indexes).toEqual([...indexes].sort((a, b) => a - b));
  });

  it('names every rank in kk, ru and en, each name distinct', () => {
    for (const language of ['kk', 'ru', 'en'] as const) {
      const names = RANKS.map((r) => r.name[language]);
      expect(names.every((n) => n.trim().length > 0)).toBe(true);
      expect(new Set(names).size).toBe(RANKS.length);
    }
    expect(rankByCode('police_captain')?.name).toEqual({
      kk: 'полиция капитаны',
      ru: 'капитан полиции',
      en: 'Police Captain',
    });
    expect(rankByCode('police_senior_lieutenant')?.name.kk).toBe('полиция аға лейтенанты');
  });

  it('is frozen', () => {
    expect(Object.isFrozen(RANKS)).toBe(true);
    expect(Object.isFrozen(RANKS[0])).toBe(true);
    expect(Object.isFrozen(RANKS[0].name)).toBe(true);
  });
});

describe('rankByCode', () => {
  it('finds a rank by exact code only', () => {
    expect(rankByCode('police_major')?.order).toBe(10);
    expect(rankByCode('POLICE_MAJOR')).toBeUndefined();
    expect(rankByCode('major')).toBeUndefined();
    expect(rankByCode('')).toBeUndefined();
  });
});

describe('positions', () => {
  it('lists the four positions with names', () => {
    expect(POSITIONS.map((p) => p.code)).toEqual([
      'district_inspector',
      'senior_district_inspector',
      'juvenile_inspector',
      'assistant',
    ]);
    expect(POSITIONS[0].name).toEqual({
      kk: 'учаскелік полиция инспекторы',
      ru: 'участковый инспектор полиции',
      en: 'District Police Inspector',
    });
    expect(POSITIONS[3].name.ru).toBe('помощник участкового инспектора полиции');
  });

  it('recognises position codes', () => {
    expect(isPosition('juvenile_inspector')).toBe(true);
    expect(isPosition('assistant')).toBe(true);
    expect(isPosition('inspector')).toBe(false);
    expect(isPosition('District_Inspector')).toBe(false);
    expect(isPosition('toString')).toBe(false);
  });
});
