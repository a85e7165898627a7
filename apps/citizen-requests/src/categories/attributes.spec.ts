import { MAX_LIST_ITEMS, ibanValid, luhnValid, nonPersonalAttributes, normalisePhone, validateAttributes } from './attributes';
import { type CategoryDefinition, findBuiltInCategory } from './catalogue';

function category(code: string): CategoryDefinition {
  const found = findBuiltInCategory(code);
  if (!found) throw new Error(`no category ${code}`);
  return found;
}

const fraud = () => category('internet-fraud');
const SCHEME = { scheme: 'phishing_link' };

/** Validates one fraud attribute (the required scheme added) and returns its value and the errors. */
function fraudField(code: string, value: unknown) {
  const { values, errors } = validateAttributes(fraud(), { ...SCHEME, [code]: value });
  return { value: values[code], errors };
}

describe('validateAttributes', () => {
  describe('structure', () => {
    it('accepts a valid set and returns normalised values', () => {
      const result = validateAttributes(fraud(), {
        scheme: 'fake_bank_call',
        phone_numbers: '8 701 123 45 67, +7 (702) 555-12-34',
        card_numbers: ['4111 1111 1111 1111'],
        account_numbers: 'kz86 125k zt50 0410 0100',
        urls: 'https://kaspi-bonus.example.kz/login',
        messenger_handles: ['@Kaspi_Support', 't.me/fake_bank'],
        amount: '150 000,50',
        transfer_time: '2026-03-01T14:30:00+05:00',
        bank: ' Kaspi Bank ',
      });
      expect(result.errors).toEqual([]);
      expect(result.values).toEqual({
        scheme: 'fake_bank_call',
        phone_numbers: ['+77011234567', '+77025551234'],
        card_numbers: ['4111111111111111'],
        account_numbers: ['KZ86125KZT5004100100'],
        urls: ['https://kaspi-bonus.example.kz/login'],
        messenger_handles: ['@kaspi_support', '@fake_bank'],
        amount: 150000.5,
        transfer_time: '2026-03-01T14:30:00+05:00',
        bank: 'Kaspi Bank',
      });
    });

    it('reports a missing required attribute', () => {
      const { errors } = validateAttributes(fraud(), { amount: 100 });
      expect(errors).toEqual([{ field: 'attributes.scheme', message: expect.stringContaining('is required') }]);
      expect(validateAttributes(fraud(), { scheme: '  ' }).errors.map((e) => e.field)).toEqual(['attributes.scheme']);
      expect(validateAttributes(fraud(), undefined).errors.map((e) => e.field)).toEqual(['attributes.scheme']);
      expect(validateAttributes(category('domestic-violence'), { happening_now: null }).errors[0].field).toBe(
        'attributes.happening_now',
      );
    });

    it('rejects unknown attribute codes', () => {
      const { errors, values } = validateAttributes(fraud(), { ...SCHEME, victim_name: 'Aigerim' });
      expect(errors).toEqual([
        { field: 'attributes.victim_name', message: expect.stringContaining('is not a field of category "internet-fraud"') },
      ]);
      expect(values).toEqual(SCHEME);
      expect(validateAttributes(category('other'), { anything: 'x' }).errors[0].message).toContain('has no fields');
    });

    it('accepts no attributes for a category without required ones', () => {
      expect(validateAttributes(category('other'), {})).toEqual({ values: {}, errors: [] });
      expect(validateAttributes(category('other'), null)).toEqual({ values: {}, errors: [] });
    });

    it('rejects something that is not an object', () => {
      expect(validateAttributes(fraud(), 'scheme=other').errors).toEqual([
        { field: 'attributes', message: 'must be an object of values keyed by attribute code' },
      ]);
      expect(validateAttributes(fraud(), ['other']).errors).toHaveLength(1);
    });

    it('uses the field prefix given', () => {
      expect(validateAttributes(fraud(), { phone_numbers: ['x'] }, 'body.attribute').errors.map((e) => e.field)).toEqual([
        'body.attribute.scheme',
        'body.attribute.phone_numbers[0]',
      ]);
      expect(validateAttributes(fraud(), {}, '').errors.map((e) => e.field)).toEqual(['scheme']);
    });

    it('reports every bad item of a list with its index, and keeps no partial list', () => {
      const { value, errors } = fraudField('phone_numbers', ['+77011234567', 'call me', '+7 701 123 45 67', '123']);
      expect(value).toBeUndefined();
      expect(errors.map((e) => e.field)).toEqual(['attributes.phone_numbers[1]', 'attributes.phone_numbers[3]']);
    });

    it('reads lists from arrays or comma-separated strings, drops blanks and duplicates', () => {
      expect(fraudField('phone_numbers', '87011234567,  +77011234567 ; 8(702)5551234,').value).toEqual([
        '+77011234567',
        '+77025551234',
      ]);
      expect(fraudField('phone_numbers', ['', '87011234567', ' ']).value).toEqual(['+77011234567']);
      expect(fraudField('phone_numbers', '').value).toBeUndefined();
      expect(fraudField('phone_numbers', ' , ').errors).toEqual([]);
      expect(fraudField('phone_numbers', { a: 1 }).errors[0].message).toBe('must be a list of values or a comma-separated string');
    });

    it('limits the length of a list', () => {
      const phones = Array.from({ length: MAX_LIST_ITEMS + 1 }, (_, i) => `+7701${String(1000000 + i)}`);
      expect(fraudField('phone_numbers', phones).errors[0].message).toBe(`must have at most ${MAX_LIST_ITEMS} values`);
      expect(fraudField('phone_numbers', phones.slice(0, MAX_LIST_ITEMS)).errors).toEqual([]);
    });
  });

  describe('phone', () => {
    it.each([
      ['+77011234567', '+77011234567'],
      ['87011234567', '+77011234567'],
      ['8 701 123 45 67', '+77011234567'],
      ['8 (701) 123-45-67', '+77011234567'],
      ['+7 (701) 123-45-67', '+77011234567'],
      ['7 701 123 4567', '+77011234567'],
      ['701 123 45 67', '+77011234567'],
      ['8 7172 55 66 77', '+77172556677'],
      ['+7 916 123-45-67', '+79161234567'],
      ['0077011234567', '+77011234567'],
      ['+380 44 123 4567', '+380441234567'],
      ['+1 (202) 555-0143', '+12025550143'],
    ])('normalises %s to %s', (input, expected) => {
      expect(normalisePhone(input)).toBe(expected);
      expect(fraudField('phone_numbers', input).value).toEqual([expected]);
    });

    it.each(['12345', '8 701 123 45', '+7 701 123 45 678', '8 (101) 123-45-67', '+77011234567 ext 2', 'phone', '7+7011234567', '+0441234567'])(
      'rejects %s with an example',
      (input) => {
        expect(normalisePhone(input)).toBeUndefined();
        const { errors } = fraudField('phone_numbers', [input]);
        expect(errors).toEqual([{ field: 'attributes.phone_numbers[0]', message: expect.stringContaining('like +77011234567') }]);
      },
    );
  });

  describe('card', () => {
    it('keeps the digits of a card that passes the Luhn check, 16 to 19 digits', () => {
      expect(fraudField('card_numbers', '4111 1111 1111 1111, 5169-4971-6043-5198').value).toEqual([
        '4111111111111111',
        '5169497160435198',
      ]);
      expect(fraudField('card_numbers', '2202 2001 2345 6789 013').value).toEqual(['2202200123456789013']);
    });

    it('rejects a wrong check digit, a wrong length, letters and masked numbers', () => {
      expect(fraudField('card_numbers', '4111 1111 1111 1112').errors[0].message).toContain('Luhn');
      expect(fraudField('card_numbers', '4111 1111 1111 111').errors[0].message).toBe(
        'must be a card number of 16 to 19 digits, like 4111 1111 1111 1111',
      );
      expect(fraudField('card_numbers', '4111 1111 1111 1111 1111').errors[0].message).toContain('16 to 19 digits');
      expect(fraudField('card_numbers', '4111 1111 1111 111O').errors[0].message).toContain('16 to 19 digits');
      expect(fraudField('card_numbers', '4400 43** **** 1234').errors[0].message).toContain('masked');
    });

    it('checks Luhn', () => {
      expect(luhnValid('79927398713')).toBe(true);
      expect(luhnValid('79927398710')).toBe(false);
      expect(luhnValid('')).toBe(false);
    });
  });

  describe('account (IBAN KZ)', () => {
    it('normalises a valid Kazakh IBAN', () => {
      expect(fraudField('account_numbers', ['KZ86 125K ZT50 0410 0100', 'kz32125kzt5004100199']).value).toEqual([
        'KZ86125KZT5004100100',
        'KZ32125KZT5004100199',
      ]);
    });

    it('rejects a wrong checksum, a foreign or malformed IBAN', () => {
      expect(fraudField('account_numbers', 'KZ87125KZT5004100100').errors[0].message).toContain('check digits');
      expect(fraudField('account_numbers', 'DE89370400440532013000').errors[0].message).toContain('Kazakh IBAN of 20 characters');
      expect(fraudField('account_numbers', 'KZ86125KZT500410010').errors[0].message).toContain('KZ86125KZT5004100100');
      expect(fraudField('account_numbers', '1234567890').errors).toHaveLength(1);
    });

    it('checks mod 97', () => {
      expect(ibanValid('DE89370400440532013000')).toBe(true);
      expect(ibanValid('GB82WEST12345698765432')).toBe(true);
      expect(ibanValid('GB82WEST12345698765433')).toBe(false);
    });
  });

  describe('url', () => {
    it('accepts http and https addresses, split on commas before a new address or on spaces', () => {
      expect(fraudField('urls', 'https://olx.example.kz/item?id=1,2, http://Shop.Example.kz  https://x.example.com/a').value).toEqual([
        'https://olx.example.kz/item?id=1,2',
        'http://shop.example.kz/',
        'https://x.example.com/a',
      ]);
      expect(fraudField('urls', ['https://a.example.kz/p;x=1']).value).toEqual(['https://a.example.kz/p;x=1']);
    });

    it.each(['ftp://files.example.kz', 'javascript:alert(1)', 'example.kz', 'https://localhost/x', 'https://', 'http://exa mple.kz'])(
      'rejects %s',
      (input) => {
        const { errors } = fraudField('urls', [input]);
        expect(errors).toEqual([{ field: 'attributes.urls[0]', message: expect.stringContaining('http:// or https://') }]);
      },
    );

    it('limits the length of an address', () => {
      expect(fraudField('urls', [`https://a.example.kz/${'x'.repeat(2100)}`]).errors[0].message).toBe('must be at most 2048 characters');
    });
  });

  describe('messenger handle', () => {
    it('normalises handles and t.me links to a lower-case @username', () => {
      expect(fraudField('messenger_handles', '@Invest_KZ, shop.almaty, https://t.me/Bonus_Bot, telegram.me/another_one').value).toEqual([
        '@invest_kz',
        '@shop.almaty',
        '@bonus_bot',
        '@another_one',
      ]);
    });

    it.each(['@', '@a', 'имя_пользователя', 'two words', '@....', `@${'a'.repeat(65)}`])('rejects %s', (input) => {
      expect(fraudField('messenger_handles', [input]).errors[0]).toEqual({
        field: 'attributes.messenger_handles[0]',
        message: expect.stringContaining('@username'),
      });
    });
  });

  describe('amount', () => {
    it.each([
      [15000, 15000],
      [1500.5, 1500.5],
      [0.01, 0.01],
      ['15000', 15000],
      ['15 000', 15000],
      ['15\u00a0000,50', 15000.5],
      ['250000.99', 250000.99],
      ['12 500 ₸', 12500],
      ['7000 тг', 7000],
      ['7000 KZT', 7000],
    ])('accepts %p as %p', (input, expected) => {
      expect(fraudField('amount', input).value).toBe(expected);
    });

    it.each([0, -5, 10.123, '10.123', '-100', 'a lot', '15,000', '1e5', Number.NaN, Number.POSITIVE_INFINITY, '0'])(
      'rejects %p',
      (input) => {
        expect(fraudField('amount', input).errors).toEqual([
          { field: 'attributes.amount', message: expect.stringContaining('greater than 0 with at most 2 decimals') },
        ]);
      },
    );

    it('rejects an absurd amount', () => {
      expect(fraudField('amount', 5e12).errors[0].message).toContain('at most');
    });
  });

  describe('datetime', () => {
    it.each([
      ['2026-03-01T14:30:00+05:00', '2026-03-01T14:30:00+05:00'],
      ['2026-03-01T09:30:00Z', '2026-03-01T09:30:00Z'],
      ['2026-03-01t09:30:00.123z', '2026-03-01T09:30:00.123Z'],
      ['2026-03-01 14:30', '2026-03-01T14:30'],
      ['2026-03-01', '2026-03-01'],
      ['2024-02-29T00:00+0500', '2024-02-29T00:00+0500'],
    ])('accepts %s', (input, expected) => {
      expect(fraudField('transfer_time', input).value).toBe(expected);
    });

    it('accepts a Date', () => {
      expect(fraudField('transfer_time', new Date('2026-03-01T09:30:00Z')).value).toBe('2026-03-01T09:30:00.000Z');
    });

    it.each(['01.03.2026', '2026-02-30', '2025-02-29', '2026-13-01', '2026-03-01T24:00', '2026-03-01T12:60', 'yesterday', '1799-01-01', 1740000000])(
      'rejects %p',
      (input) => {
        expect(fraudField('transfer_time', input).errors).toEqual([
          { field: 'attributes.transfer_time', message: expect.stringContaining('ISO 8601') },
        ]);
      },
    );
  });

  describe('plate', () => {
    const plate = (value: unknown) => validateAttributes(category('traffic-parking'), { violation: 'parking', vehicle_plate: value });

    it.each([
      ['123 ABC 02', '123ABC02'],
      ['123abc02', '123ABC02'],
      ['777 AB 01', '777AB01'],
      ['123 АВС 02', '123ABC02'], // Cyrillic look-alikes
      ['A 123 BCD', 'A123BCD'],
    ])('accepts %s as %s', (input, expected) => {
      expect(plate(input)).toEqual({ values: { violation: 'parking', vehicle_plate: expected }, errors: [] });
    });

    it.each(['ABC123', '12ABC02', '123ABCD02', '123 ЖЖЖ 02', 'unknown'])('rejects %s', (input) => {
      expect(plate(input).errors).toEqual([{ field: 'attributes.vehicle_plate', message: expect.stringContaining('123ABC02') }]);
    });
  });

  describe('document number', () => {
    const doc = (value: unknown) => validateAttributes(category('lost-documents'), { lost_or_found: 'lost', document_type: 'passport', document_number: value });

    it.each([
      ['N12345678', 'N12345678'],
      ['n 1234 5678', 'N12345678'],
      ['№ 012345678', '012345678'],
      ['AB-123456', 'AB123456'],
    ])('accepts %s as %s', (input, expected) => {
      expect(doc(input).values['document_number']).toBe(expected);
      expect(doc(input).errors).toEqual([]);
    });

    it('is optional', () => {
      expect(doc(undefined).errors).toEqual([]);
      expect(doc('').values).toEqual({ lost_or_found: 'lost', document_type: 'passport' });
    });

    it.each(['12345', 'ABCDEFGH', '1234567890123', 'N1234567!'])('rejects %s', (input) => {
      expect(doc(input).errors).toEqual([{ field: 'attributes.document_number', message: expect.stringContaining('N12345678') }]);
    });
  });

  describe('lists of values', () => {
    const dv = () => category('domestic-violence');

    it('accepts keys, case-insensitively, and booleans for yes/no', () => {
      expect(validateAttributes(dv(), { happening_now: 'Yes', injuries: false, previous_reports: 'unknown' })).toEqual({
        values: { happening_now: 'yes', injuries: 'no', previous_reports: 'unknown' },
        errors: [],
      });
    });

    it('rejects a value that is not among the keys, naming the keys', () => {
      expect(validateAttributes(dv(), { happening_now: 'maybe' }).errors).toEqual([
        { field: 'attributes.happening_now', message: 'must be one of: yes, no' },
      ]);
      expect(validateAttributes(dv(), { happening_now: 'yes', previous_reports: 5 }).errors).toEqual([
        { field: 'attributes.previous_reports', message: 'must be one of: yes, no, unknown' },
      ]);
      expect(validateAttributes(fraud(), { scheme: 'lottery' }).errors[0].message).toContain('fake_bank_call');
    });

    it('reads a multivaluelist from an array or a comma-separated string', () => {
      const multi: CategoryDefinition = {
        ...category('other'),
        attributes: [
          {
            code: 'days',
            datatype: 'multivaluelist',
            required: true,
            order: 1,
            description: { kk: 'Күндер', ru: 'Дни', en: 'Days' },
            values: ['mon', 'tue', 'wed'].map((key) => ({ key, name: { kk: key, ru: key, en: key } })),
          },
        ],
      };
      expect(validateAttributes(multi, { days: 'mon, WED,mon' }).values).toEqual({ days: ['mon', 'wed'] });
      expect(validateAttributes(multi, { days: ['tue'] }).values).toEqual({ days: ['tue'] });
      expect(validateAttributes(multi, { days: 'mon,sun' }).errors).toEqual([
        { field: 'attributes.days[1]', message: 'must be one of: mon, tue, wed' },
      ]);
      expect(validateAttributes(multi, { days: [] }).errors).toEqual([{ field: 'attributes.days', message: 'is required (Days)' }]);
    });
  });

  describe('strings', () => {
    const complaint = (values: Record<string, unknown>) => validateAttributes(category('officer-complaint'), values);

    it('trims, accepts numbers as text and applies the length limit', () => {
      expect(complaint({ badge_number: 123456, officer_name: '  Серік Әлиев ' }).values).toEqual({
        badge_number: '123456',
        officer_name: 'Серік Әлиев',
      });
      expect(complaint({ badge_number: 'x'.repeat(21) }).errors).toEqual([
        { field: 'attributes.badge_number', message: 'must be at most 20 characters' },
      ]);
    });

    it('rejects other types and control characters', () => {
      expect(complaint({ officer_name: { first: 'A' } }).errors[0].message).toBe('must be text');
      expect(complaint({ officer_name: 'A\nB' }).errors[0].message).toContain('single line');
    });

    it('checks generic numbers', () => {
      const numeric: CategoryDefinition = {
        ...category('other'),
        attributes: [
          { code: 'count', datatype: 'number', required: false, order: 1, description: { kk: 'Саны', ru: 'Количество', en: 'Count' } },
          { code: 'notes', datatype: 'text', required: false, order: 2, description: { kk: 'Ескерту', ru: 'Примечание', en: 'Notes' } },
        ],
      };
      expect(validateAttributes(numeric, { count: '-3,5', notes: 'line 1\nline 2' }).values).toEqual({ count: -3.5, notes: 'line 1\nline 2' });
      expect(validateAttributes(numeric, { count: 'three' }).errors[0].message).toBe('must be a number, like 42 or 3.5');
      expect(validateAttributes(numeric, { notes: 'a\u0000b' }).errors[0].message).toBe('must not contain control characters');
    });
  });
});

describe('nonPersonalAttributes', () => {
  it('drops the personal attributes (and unknown codes), keeps the rest as copies', () => {
    const { values } = validateAttributes(fraud(), {
      scheme: 'online_shop',
      phone_numbers: '87011234567',
      card_numbers: '4111111111111111',
      account_numbers: 'KZ86125KZT5004100100',
      messenger_handles: '@seller',
      urls: 'https://shop.example.kz',
      amount: 25000,
      bank: 'Halyk',
    });
    const safe = nonPersonalAttributes(fraud(), { ...values, stray: 'x' });
    expect(safe).toEqual({ scheme: 'online_shop', urls: ['https://shop.example.kz/'], amount: 25000, bank: 'Halyk' });
    (safe['urls'] as string[]).push('changed');
    expect(values['urls']).toEqual(['https://shop.example.kz/']);
  });

  it('drops plates, document numbers and the officer name', () => {
    expect(nonPersonalAttributes(category('traffic-parking'), { violation: 'parking', vehicle_plate: '123ABC02' })).toEqual({
      violation: 'parking',
    });
    expect(
      nonPersonalAttributes(category('lost-documents'), { lost_or_found: 'lost', document_type: 'passport', document_number: 'N12345678' }),
    ).toEqual({ lost_or_found: 'lost', document_type: 'passport' });
    expect(nonPersonalAttributes(category('officer-complaint'), { officer_name: 'X', incident_time: '2026-03-01' })).toEqual({
      incident_time: '2026-03-01',
    });
  });
});
