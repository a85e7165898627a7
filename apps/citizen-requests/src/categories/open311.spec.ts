import { validateAttributes } from './attributes';
import { BUILT_IN_CATEGORIES, type CategoryDefinition, findBuiltInCategory } from './catalogue';
import { attributesFromForm, toOpen311Definition, toOpen311Service } from './open311';

function category(code: string): CategoryDefinition {
  const found = findBuiltInCategory(code);
  if (!found) throw new Error(`no category ${code}`);
  return found;
}

const LANGUAGES = ['kk', 'ru', 'en'] as const;

describe('Open311 service list', () => {
  it('maps a category to a realtime service in the language asked', () => {
    const fraud = category('internet-fraud');
    expect(toOpen311Service(fraud, 'ru')).toEqual({
      service_code: 'internet-fraud',
      service_name: 'Интернет- и телефонное мошенничество',
      description: fraud.description.ru,
      metadata: true,
      type: 'realtime',
      keywords: fraud.keywords.join(','),
      group: 'Преступления и угрозы',
    });
    expect(toOpen311Service(fraud, 'kk').service_name).toBe('Интернет және телефон алаяқтығы');
    expect(toOpen311Service(fraud, 'en').group).toBe('Crimes and threats');
  });

  it('sets metadata only when the category has attributes', () => {
    expect(toOpen311Service(category('other'), 'en').metadata).toBe(false);
    for (const c of BUILT_IN_CATEGORIES) {
      for (const language of LANGUAGES) {
        const service = toOpen311Service(c, language);
        expect(service.metadata).toBe(c.attributes.length > 0);
        expect(service.service_name).not.toBe('');
        expect(service.description).not.toBe('');
        expect(service.group).not.toBe('');
      }
    }
  });
});

describe('Open311 service definition', () => {
  it('lists the attributes in order with localized questions and values', () => {
    const definition = toOpen311Definition(category('domestic-violence'), 'kk');
    expect(definition.service_code).toBe('domestic-violence');
    expect(definition.attributes.map((a) => a.order)).toEqual([1, 2, 3, 4, 5]);
    expect(definition.attributes[0]).toEqual({
      variable: true,
      code: 'happening_now',
      datatype: 'singlevaluelist',
      required: true,
      datatype_description: 'Тізімнен бір мән',
      order: 1,
      description: 'Зорлық-зомбылық дәл қазір болып жатыр ма?',
      values: [
        { key: 'yes', name: 'Иә' },
        { key: 'no', name: 'Жоқ' },
      ],
    });
  });

  it('carries multiple strings as a string datatype with a comma hint, and formats as hints', () => {
    const definition = toOpen311Definition(category('internet-fraud'), 'en');
    const byCode = Object.fromEntries(definition.attributes.map((a) => [a.code, a]));
    expect(byCode['phone_numbers']).toEqual({
      variable: true,
      code: 'phone_numbers',
      datatype: 'string',
      required: false,
      datatype_description: 'Phone number, e.g. +77011234567; separate several values with commas',
      order: 2,
      description: 'Phone numbers the fraudsters called or wrote from',
    });
    expect(byCode['amount'].datatype).toBe('number');
    expect(byCode['amount'].datatype_description).toBe('Amount in tenge, e.g. 15000 or 15000.50');
    expect(byCode['transfer_time'].datatype_description).toContain('ISO 8601');
    expect(byCode['bank'].datatype_description).toBe('Text; up to 100 characters');
    expect(byCode['bank']).not.toHaveProperty('values');
    expect(toOpen311Definition(category('internet-fraud'), 'ru').attributes[1].datatype_description).toBe(
      'Номер телефона, например +77011234567; несколько значений — через запятую',
    );
  });

  it('has a description for every attribute in every language', () => {
    for (const c of BUILT_IN_CATEGORIES) {
      for (const language of LANGUAGES) {
        for (const attribute of toOpen311Definition(c, language).attributes) {
          expect(attribute.description).not.toBe('');
          expect(attribute.datatype_description).not.toBe('');
          for (const value of attribute.values ?? []) expect(value.name).not.toBe('');
        }
      }
    }
  });
});

describe('attributesFromForm', () => {
  it('reads attribute[code] and attribute[code][] fields and ignores the others', () => {
    expect(
      attributesFromForm({
        service_code: 'internet-fraud',
        lat: '51.128',
        'attribute[scheme]': 'phishing_link',
        'attribute[phone_numbers]': '87011234567,87025551234',
        'attribute[urls][]': ['https://a.example.kz', 'https://b.example.kz'],
        'attribute[card_numbers][]': '4111111111111111',
        'attribute[bank]': undefined,
        email: 'someone@example.kz',
      }),
    ).toEqual({
      scheme: 'phishing_link',
      phone_numbers: '87011234567,87025551234',
      urls: ['https://a.example.kz', 'https://b.example.kz'],
      card_numbers: ['4111111111111111'],
    });
  });

  it('merges both spellings of one list, and keeps repeated plain fields as a list', () => {
    expect(
      attributesFromForm({ 'attribute[phone_numbers]': '87011234567', 'attribute[phone_numbers][]': ['87025551234'] }),
    ).toEqual({ phone_numbers: ['87011234567', '87025551234'] });
    expect(attributesFromForm({ 'attribute[urls]': ['https://a.example.kz', 'https://b.example.kz'] })).toEqual({
      urls: ['https://a.example.kz', 'https://b.example.kz'],
    });
  });

  it('reads a body already nested by the form parser', () => {
    const nested = { attribute: { scheme: 'other', phone_numbers: ['87011234567'] } } as unknown as Record<string, string>;
    expect(attributesFromForm(nested)).toEqual({ scheme: 'other', phone_numbers: ['87011234567'] });
  });

  it('ignores malformed keys', () => {
    expect(attributesFromForm({ 'attribute[]': 'x', 'attribute[a][b]': 'y', attributes: 'z', 'attribute[ok]': 'v' })).toEqual({ ok: 'v' });
  });

  it('feeds validateAttributes end to end', () => {
    const form = {
      'attribute[scheme]': 'online_shop',
      'attribute[phone_numbers]': '8 701 123 45 67, +7 (702) 555-12-34',
      'attribute[amount]': '12 500',
      'attribute[messenger_handles][]': ['@Seller_KZ'],
    };
    expect(validateAttributes(category('internet-fraud'), attributesFromForm(form), 'attribute')).toEqual({
      values: {
        scheme: 'online_shop',
        phone_numbers: ['+77011234567', '+77025551234'],
        amount: 12500,
        messenger_handles: ['@seller_kz'],
      },
      errors: [],
    });
  });
});
