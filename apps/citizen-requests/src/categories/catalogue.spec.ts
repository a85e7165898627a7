import {
  BUILT_IN_CATEGORIES,
  type CategoryDefinition,
  type LocalizedText,
  REQUEST_KINDS,
  STATUTORY_TERM,
  TIP_TERM,
  findBuiltInCategory,
  isUrgent,
  kindAllowed,
  termFor,
} from './catalogue';

const REQUIRED_CODES = [
  'domestic-violence',
  'internet-fraud',
  'public-order-noise',
  'minors',
  'alcohol-drugs',
  'traffic-parking',
  'neighbour-dispute',
  'migration',
  'lost-documents',
  'officer-complaint',
  'precinct-proposal',
  'crime-threat-tip',
  'other',
];

const CRIME_OR_THREAT = ['domestic-violence', 'internet-fraud', 'alcohol-drugs', 'minors', 'public-order-noise', 'crime-threat-tip'];

function category(code: string): CategoryDefinition {
  const found = findBuiltInCategory(code);
  if (!found) throw new Error(`no category ${code}`);
  return found;
}

function expectLocalized(text: LocalizedText, where: string): void {
  for (const language of ['kk', 'ru', 'en'] as const) {
    expect({ where, language, ok: typeof text[language] === 'string' && text[language].trim().length > 0 }).toEqual({
      where,
      language,
      ok: true,
    });
  }
  // Kazakh and Russian texts are in Cyrillic, English ones are not.
  expect({ where, kk: /[А-Яа-яӘәҒғҚқҢңӨөҰұҮүҺһІіЁё]/.test(text.kk) || /^\d/.test(text.kk) }).toEqual({ where, kk: true });
  expect({ where, ru: /[А-Яа-яЁё]/.test(text.ru) || /^\d/.test(text.ru) }).toEqual({ where, ru: true });
  expect({ where, en: /[А-Яа-яӘәҒғҚқҢңӨөҰұҮүҺһІі]/.test(text.en) }).toEqual({ where, en: false });
}

describe('built-in category catalogue', () => {
  it('lists the six request kinds', () => {
    expect([...REQUEST_KINDS]).toEqual(['proposal', 'application', 'complaint', 'feedback', 'inquiry', 'tip']);
  });

  it('ships every required category, with distinct kebab-case codes', () => {
    const codes = BUILT_IN_CATEGORIES.map((c) => c.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of REQUIRED_CODES) expect(codes).toContain(code);
    for (const code of codes) expect(code).toMatch(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/);
  });

  it('has every text in Kazakh, Russian and English', () => {
    for (const c of BUILT_IN_CATEGORIES) {
      expectLocalized(c.name, `${c.code}.name`);
      expectLocalized(c.description, `${c.code}.description`);
      expectLocalized(c.group, `${c.code}.group`);
      for (const a of c.attributes) {
        expectLocalized(a.description, `${c.code}.${a.code}`);
        for (const v of a.values ?? []) expectLocalized(v.name, `${c.code}.${a.code}.${v.key}`);
      }
    }
  });

  it('names categories distinctly in each language', () => {
    for (const language of ['kk', 'ru', 'en'] as const) {
      const names = BUILT_IN_CATEGORIES.map((c) => c.name[language]);
      expect(new Set(names).size).toBe(names.length);
    }
  });

  it('has well-formed attributes: distinct snake_case codes and orders, list values for list types only', () => {
    for (const c of BUILT_IN_CATEGORIES) {
      const codes = c.attributes.map((a) => a.code);
      const orders = c.attributes.map((a) => a.order);
      expect(new Set(codes).size).toBe(codes.length);
      expect(new Set(orders).size).toBe(orders.length);
      for (const a of c.attributes) {
        expect(a.code).toMatch(/^[a-z][a-z0-9_]*$/);
        const isListType = a.datatype === 'singlevaluelist' || a.datatype === 'multivaluelist';
        expect({ code: a.code, hasValues: (a.values?.length ?? 0) > 0 }).toEqual({ code: a.code, hasValues: isListType });
        const keys = (a.values ?? []).map((v) => v.key);
        expect(new Set(keys).size).toBe(keys.length);
      }
      if (c.urgentWhen) {
        const attribute = c.attributes.find((a) => a.code === c.urgentWhen?.attribute);
        expect(attribute?.values?.map((v) => v.key)).toContain(c.urgentWhen.equals);
      }
      expect(c.keywords.length).toBeGreaterThan(0);
      expect(c.kinds.length).toBeGreaterThan(0);
      expect(c.active).toBe(true);
    }
  });

  it('allows tips only in categories of crimes or threats', () => {
    const withTips = BUILT_IN_CATEGORIES.filter((c) => kindAllowed(c, 'tip')).map((c) => c.code);
    expect(withTips.sort()).toEqual([...CRIME_OR_THREAT].sort());
    for (const code of ['lost-documents', 'officer-complaint', 'precinct-proposal', 'neighbour-dispute', 'other']) {
      expect(kindAllowed(category(code), 'tip')).toBe(false);
    }
  });

  it('uses the statutory term for the APPC categories and an internal 24-hour clock for tips', () => {
    for (const c of BUILT_IN_CATEGORIES) {
      if (c.code === 'crime-threat-tip') continue;
      expect(c.term).toEqual(STATUTORY_TERM);
    }
    expect(STATUTORY_TERM).toEqual({
      clock: 'statutory',
      answerWorkingDays: 15,
      maxExtensionMonths: 2,
      extensionNoticeWorkingDays: 3,
      redirectWorkingDays: 3,
      approachingWorkingDays: 3,
    });
    const tip = category('crime-threat-tip');
    expect(tip.kinds).toEqual(['tip']);
    expect(tip.term.clock).toBe('internal');
    expect(tip.term.internalTargetHours).toBe(24);
    expect(termFor(tip, 'tip')).toBe(tip.term);
    expect(termFor(category('domestic-violence'), 'tip')).toBe(TIP_TERM);
    expect(termFor(category('domestic-violence'), 'application')).toBe(STATUTORY_TERM);
  });

  it('routes, marks sensitive and restricts kinds as the law and the desks need', () => {
    expect(category('internet-fraud').routing).toEqual({ target: 'desk', desk: 'fraud' });
    expect(category('minors').routing).toEqual({ target: 'desk', desk: 'juvenile' });
    expect(category('migration').routing).toEqual({ target: 'desk', desk: 'migration' });
    expect(category('traffic-parking').routing).toEqual({ target: 'desk', desk: 'traffic' });
    expect(category('officer-complaint').routing).toEqual({ target: 'unit-head' });
    expect(category('officer-complaint').kinds).toEqual(['complaint']);
    expect([...category('precinct-proposal').kinds].sort()).toEqual(['feedback', 'proposal']);
    const sensitive = BUILT_IN_CATEGORIES.filter((c) => c.sensitive).map((c) => c.code);
    expect(sensitive.sort()).toEqual(['domestic-violence', 'minors']);
  });

  it('marks third parties identifiers as personal', () => {
    const personal = (code: string) => category(code).attributes.filter((a) => a.personal).map((a) => a.code);
    expect(personal('internet-fraud').sort()).toEqual(['account_numbers', 'card_numbers', 'messenger_handles', 'phone_numbers']);
    expect(personal('traffic-parking')).toEqual(['vehicle_plate']);
    expect(personal('lost-documents')).toEqual(['document_number']);
    expect(personal('officer-complaint')).toContain('officer_name');
    const fraud = category('internet-fraud');
    const scheme = fraud.attributes.find((a) => a.code === 'scheme');
    expect(scheme?.values?.map((v) => v.key)).toEqual([
      'fake_bank_call',
      'online_shop',
      'fake_investment',
      'ad_fraud',
      'phishing_link',
      'relative_in_trouble',
      'loan_in_name',
      'other',
    ]);
  });

  it('finds categories by code', () => {
    expect(findBuiltInCategory('internet-fraud')?.code).toBe('internet-fraud');
    expect(findBuiltInCategory('nope')).toBeUndefined();
    expect(findBuiltInCategory('')).toBeUndefined();
  });

  it('is frozen, so no caller can change the shared catalogue', () => {
    const fraud = category('internet-fraud');
    expect(Object.isFrozen(fraud)).toBe(true);
    expect(Object.isFrozen(fraud.attributes)).toBe(true);
    expect(Object.isFrozen(fraud.attributes[0].description)).toBe(true);
    expect(() => (fraud.kinds as string[]).push('x')).toThrow();
  });
});

describe('isUrgent', () => {
  const dv = () => category('domestic-violence');

  it('is urgent when the urgentWhen attribute has the value', () => {
    expect(isUrgent(dv(), { happening_now: 'yes' })).toBe(true);
    expect(isUrgent(dv(), { happening_now: 'YES ' })).toBe(true);
    expect(isUrgent(dv(), { happening_now: ['yes'] })).toBe(true);
    expect(isUrgent(category('crime-threat-tip'), { in_progress: 'yes' })).toBe(true);
    expect(isUrgent(category('minors'), { in_danger_now: 'yes' })).toBe(true);
  });

  it('is not urgent otherwise', () => {
    expect(isUrgent(dv(), { happening_now: 'no' })).toBe(false);
    expect(isUrgent(dv(), {})).toBe(false);
    expect(isUrgent(dv(), { children_present: 'yes' })).toBe(false);
    expect(isUrgent(dv(), { happening_now: true })).toBe(false);
    expect(isUrgent(category('internet-fraud'), { scheme: 'yes' })).toBe(false);
    expect(isUrgent(category('crime-threat-tip'), { in_progress: 'no' })).toBe(false);
  });

  it('is always urgent for a category marked urgent', () => {
    expect(isUrgent({ ...category('other'), urgent: true }, {})).toBe(true);
  });
});
