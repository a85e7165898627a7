import type { AttributeDatatype, AttributeFormat, CategoryAttribute, CategoryDefinition, LocalizedText } from './catalogue';

/**
 * Mapping of the catalogue onto Open311 GeoReport v2 (https://wiki.open311.org/GeoReport_v2):
 * GET services.json, GET services/{service_code}.json, and the `attribute[code]` form fields of
 * POST requests.json.
 */

export type Open311Language = 'kk' | 'ru' | 'en';

export interface Open311Service {
  service_code: string;
  service_name: string;
  description: string;
  metadata: boolean;
  type: 'realtime' | 'batch' | 'blackbox';
  keywords: string;
  group: string;
}

export interface Open311Definition {
  service_code: string;
  attributes: Array<{
    variable: boolean;
    code: string;
    datatype: AttributeDatatype;
    required: boolean;
    datatype_description: string;
    order: number;
    description: string;
    values?: Array<{ key: string; name: string }>;
  }>;
}

/** One entry of the service list; 'realtime' because a request gets its registration number at once. */
export function toOpen311Service(category: CategoryDefinition, language: Open311Language): Open311Service {
  return {
    service_code: category.code,
    service_name: category.name[language],
    description: category.description[language],
    metadata: category.attributes.length > 0,
    type: 'realtime',
    keywords: category.keywords.join(','),
    group: category.group[language],
  };
}

/** The service definition: every attribute is one the applicant fills in (variable: true). */
export function toOpen311Definition(category: CategoryDefinition, language: Open311Language): Open311Definition {
  return {
    service_code: category.code,
    attributes: [...category.attributes]
      .sort((a, b) => a.order - b.order)
      .map((attribute) => ({
        variable: true,
        code: attribute.code,
        datatype: attribute.datatype,
        required: attribute.required,
        datatype_description: datatypeDescription(attribute, language),
        order: attribute.order,
        description: attribute.description[language],
        ...(attribute.values ? { values: attribute.values.map((value) => ({ key: value.key, name: value.name[language] })) } : {}),
      })),
  };
}

/**
 * Open311 sends attributes as form fields `attribute[code]=value` (and `attribute[code][]=v` for
 * lists): turns a parsed form body into an object for validateAttributes. Other fields are
 * ignored. A body already nested by the parser (`{ attribute: { code: value } }`, as `qs` does) is
 * read too.
 */
export function attributesFromForm(form: Record<string, string | string[] | undefined>): Record<string, string | string[]> {
  const result: Record<string, string | string[]> = {};
  const add = (code: string, value: unknown, asList: boolean): void => {
    const incoming = (Array.isArray(value) ? value : [value]).filter((item): item is string => typeof item === 'string');
    if (incoming.length === 0 && !Array.isArray(value)) return;
    const existing = Object.prototype.hasOwnProperty.call(result, code) ? result[code] : undefined;
    if (existing === undefined) {
      result[code] = asList || Array.isArray(value) ? incoming : incoming[0];
    } else {
      result[code] = [...(Array.isArray(existing) ? existing : [existing]), ...incoming];
    }
  };

  for (const [key, value] of Object.entries(form ?? {})) {
    if (value === undefined) continue;
    const match = /^attribute\[([^[\]]+)\](\[\])?$/.exec(key);
    if (match) {
      add(match[1], value, match[2] !== undefined);
      continue;
    }
    const nested: unknown = value;
    if (key === 'attribute' && nested !== null && typeof nested === 'object' && !Array.isArray(nested)) {
      for (const [code, inner] of Object.entries(nested as Record<string, unknown>)) add(code, inner, Array.isArray(inner));
    }
  }
  return result;
}

// ---------------------------------------------------------------------------------------------
// datatype_description: what to type, in the applicant's language
// ---------------------------------------------------------------------------------------------

const FORMAT_HINTS: Record<AttributeFormat, LocalizedText> = {
  phone: {
    kk: 'Телефон нөмірі, мысалы +77011234567',
    ru: 'Номер телефона, например +77011234567',
    en: 'Phone number, e.g. +77011234567',
  },
  card: {
    kk: 'Карта нөмірі, 16–19 цифр',
    ru: 'Номер карты, 16–19 цифр',
    en: 'Card number, 16 to 19 digits',
  },
  account: {
    kk: 'IBAN шот нөмірі, мысалы KZ86125KZT5004100100',
    ru: 'Номер счёта IBAN, например KZ86125KZT5004100100',
    en: 'IBAN account number, e.g. KZ86125KZT5004100100',
  },
  url: {
    kk: 'http:// немесе https:// деп басталатын мекенжай',
    ru: 'Адрес, начинающийся с http:// или https://',
    en: 'Address starting with http:// or https://',
  },
  'messenger-handle': {
    kk: 'Пайдаланушы аты, мысалы @username',
    ru: 'Имя пользователя, например @username',
    en: 'Username, e.g. @username',
  },
  amount: {
    kk: 'Теңгемен сома, мысалы 15000 немесе 15000.50',
    ru: 'Сумма в тенге, например 15000 или 15000.50',
    en: 'Amount in tenge, e.g. 15000 or 15000.50',
  },
  plate: {
    kk: 'Мемлекеттік нөмір, мысалы 123ABC02',
    ru: 'Госномер, например 123ABC02',
    en: 'Registration plate, e.g. 123ABC02',
  },
  'document-number': {
    kk: 'Құжат нөмірі: 6–12 латын әрпі мен цифр',
    ru: 'Номер документа: 6–12 латинских букв и цифр',
    en: 'Document number: 6 to 12 Latin letters and digits',
  },
};

const DATATYPE_HINTS: Record<AttributeDatatype, LocalizedText> = {
  string: { kk: 'Мәтін', ru: 'Текст', en: 'Text' },
  text: { kk: 'Еркін мәтін', ru: 'Свободный текст', en: 'Free text' },
  number: { kk: 'Сан', ru: 'Число', en: 'Number' },
  datetime: {
    kk: 'Күні мен уақыты ISO 8601 форматында, мысалы 2026-03-01T14:30',
    ru: 'Дата и время в формате ISO 8601, например 2026-03-01T14:30',
    en: 'Date and time in ISO 8601, e.g. 2026-03-01T14:30',
  },
  singlevaluelist: { kk: 'Тізімнен бір мән', ru: 'Одно значение из списка', en: 'One value from the list' },
  multivaluelist: {
    kk: 'Тізімнен бір немесе бірнеше мән',
    ru: 'Одно или несколько значений из списка',
    en: 'One or more values from the list',
  },
};

const MAX_LENGTH_HINT: LocalizedText = { kk: '{n} таңбаға дейін', ru: 'до {n} символов', en: 'up to {n} characters' };
const MULTIPLE_HINT: LocalizedText = {
  kk: 'бірнеше мәнді үтір арқылы жазыңыз',
  ru: 'несколько значений — через запятую',
  en: 'separate several values with commas',
};

function datatypeDescription(attribute: CategoryAttribute, language: Open311Language): string {
  const parts = [attribute.format ? FORMAT_HINTS[attribute.format][language] : DATATYPE_HINTS[attribute.datatype][language]];
  if (!attribute.format && attribute.maxLength !== undefined && (attribute.datatype === 'string' || attribute.datatype === 'text')) {
    parts.push(MAX_LENGTH_HINT[language].replace('{n}', String(attribute.maxLength)));
  }
  if (attribute.multiple && attribute.datatype !== 'multivaluelist') parts.push(MULTIPLE_HINT[language]);
  return parts.join('; ');
}
