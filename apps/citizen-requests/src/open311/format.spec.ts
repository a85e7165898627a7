import {
  escapeXml,
  fieldErrorsToOpen311,
  kazakhstanDate,
  languageFromAcceptLanguage,
  open311Error,
  open311Field,
  open311Status,
  pickLanguage,
  roundCoordinate,
  serialize,
  serviceNotice,
  statusNotes,
  toOpen311Request,
  toXml,
  type PublicRequestRow,
} from './format';

const row = (over: Partial<PublicRequestRow> = {}): PublicRequestRow => ({
  registration_number: 'AST-2026-000123',
  status: 'assigned',
  category: 'public-order-noise',
  kind: 'application',
  received_at: new Date('2026-03-02T04:00:00Z'),
  updated_at: new Date('2026-03-02T04:00:01Z'),
  due_at: new Date('2026-03-23T18:59:59Z'),
  place: 'Kabanbay Batyr 11, the yard',
  lat: 51.146234,
  lon: 71.388789,
  region_code: 'AST',
  district_code: 'AST-ESL',
  queue: null,
  redirected_to: null,
  ...over,
});

const names = (code: string) => ({ 'public-order-noise': 'Public order and noise' })[code];

describe('public service requests', () => {
  it('maps a row to the public fields only, with the location rounded to about 100 m', () => {
    const request = toOpen311Request(row(), names);
    expect(request).toEqual({
      service_request_id: 'AST-2026-000123',
      status: 'open',
      status_notes: 'Assigned to the precinct inspector',
      service_name: 'Public order and noise',
      service_code: 'public-order-noise',
      requested_datetime: '2026-03-02T04:00:00.000Z',
      updated_datetime: '2026-03-02T04:00:01.000Z',
      expected_datetime: '2026-03-23T18:59:59.000Z',
      address: 'Kabanbay Batyr 11, the yard',
      lat: 51.146,
      long: 71.389,
      agency_responsible: 'Police, AST-ESL',
    });
    for (const key of ['description', 'applicant', 'attributes', 'assignee', 'assignee_name', 'media_url']) expect(request).not.toHaveProperty(key);
  });

  it('has no expected date for a tip, and no point when none was given', () => {
    const request = toOpen311Request(row({ kind: 'tip', lat: null, lon: null, place: '  ' }), names);
    expect(request.expected_datetime).toBeNull();
    expect([request.lat, request.long, request.address]).toEqual([null, null, null]);
  });

  it('names the region while routing is pending, and the code when the category is unknown', () => {
    const request = toOpen311Request(row({ district_code: null, status: 'registered', category: 'retired' }), names);
    expect(request.agency_responsible).toBe('Police, AST');
    expect(request.service_name).toBe('retired');
    expect(request.status_notes).toBe('Registered');
  });

  it('rounds coordinates to 3 decimals', () => {
    expect(roundCoordinate(51.1465)).toBe(51.147);
    expect(roundCoordinate(-0.0004)).toBe(-0);
    expect(roundCoordinate(71.38849)).toBe(71.388);
    expect(roundCoordinate(null)).toBeNull();
    expect(roundCoordinate(Number.NaN)).toBeNull();
  });
});

describe('status', () => {
  it('is closed only for closed and redirected requests', () => {
    expect(open311Status('closed')).toBe('closed');
    expect(open311Status('redirected')).toBe('closed');
    for (const status of ['registered', 'assigned', 'in_progress', 'extended', 'answered', 'resolved', 'reopened', 'under_control'] as const) {
      expect(open311Status(status)).toBe('open');
    }
  });

  it('explains where a request is without naming the officer', () => {
    expect(statusNotes({ status: 'assigned', queue: 'AST-ESL', redirected_to: null })).toBe('Assigned to the district police unit');
    expect(statusNotes({ status: 'assigned', queue: 'AST-ESL:fraud', redirected_to: null })).toBe('Assigned to the fraud desk of the district police unit');
    expect(statusNotes({ status: 'assigned', queue: 'AST-ESL:head', redirected_to: null })).toBe('Assigned to the head of the district police unit');
    expect(statusNotes({ status: 'redirected', queue: null, redirected_to: 'Akimat of Astana' })).toBe('Redirected to Akimat of Astana');
    expect(statusNotes({ status: 'answered', queue: null, redirected_to: null })).toBe('Answered');
    expect(statusNotes({ status: 'closed', queue: null, redirected_to: null })).toBe('Closed');
  });
});

describe('errors', () => {
  it('names the form fields the partner sent', () => {
    expect(open311Field('categoryCode')).toBe('service_code');
    expect(open311Field('/location/lat')).toBe('lat');
    expect(open311Field('location.lon')).toBe('long');
    expect(open311Field('/applicant/fullName')).toBe('first_name');
    expect(open311Field('applicant.phone')).toBe('phone');
    expect(open311Field('/description')).toBe('description');
    expect(open311Field('/idempotencyKey')).toBe('idempotency_key');
    expect(open311Field('attributes.phone_numbers')).toBe('attribute[phone_numbers]');
    expect(open311Field('/')).toBe('request');
  });

  it('turns field errors into an Open311 error array', () => {
    expect(
      fieldErrorsToOpen311([
        { field: '/description', message: 'must NOT have fewer than 10 characters' },
        { field: 'attributes.phone_numbers[1]', message: 'must be a phone number' },
        { field: 'applicant.email', message: 'is not an e-mail address' },
      ]),
    ).toEqual([
      { code: 400, description: 'description must NOT have fewer than 10 characters' },
      { code: 400, description: 'attribute[phone_numbers] (value 2) must be a phone number' },
      { code: 400, description: 'email is not an e-mail address' },
    ]);
    expect(fieldErrorsToOpen311([{ field: 'idempotencyKey', message: 'was used' }], 409)).toEqual([{ code: 409, description: 'idempotency_key was used' }]);
    expect(open311Error(403, 'api_key is not valid')).toEqual([{ code: 403, description: 'api_key is not valid' }]);
  });
});

describe('service notice', () => {
  const coupon = { registrationNumber: 'AST-2026-000123', dueAt: '2026-03-23T18:59:59.000Z', advice: null };

  it('gives the registration number and the due date, in Kazakhstan, in the language asked', () => {
    expect(serviceNotice(coupon, 'application', 'en')).toBe('Registered as AST-2026-000123. The police must answer by 2026-03-23.');
    expect(serviceNotice(coupon, 'application', 'ru')).toContain('не позднее 2026-03-23');
    expect(serviceNotice(coupon, 'application', 'kk')).toContain('2026-03-23');
    expect(kazakhstanDate('2026-03-23T19:00:00.000Z')).toBe('2026-03-24');
  });

  it('promises no answer for a tip and passes the urgent advice on', () => {
    expect(serviceNotice({ ...coupon, dueAt: null }, 'tip', 'en')).toBe('Registered as AST-2026-000123. The police will check the tip; no answer is sent.');
    expect(serviceNotice({ ...coupon, advice: 'Urgent: call 102 now.' }, 'application', 'ru')).toBe('Urgent: call 102 now.');
  });
});

describe('language', () => {
  it('takes ?locale= first, then Accept-Language by quality, then Russian', () => {
    expect(pickLanguage('kk', 'en')).toBe('kk');
    expect(pickLanguage('en_US', undefined)).toBe('en');
    expect(pickLanguage('de', 'de-DE,en;q=0.5,kk;q=0.8')).toBe('kk');
    expect(pickLanguage(undefined, 'fr, de')).toBe('ru');
    expect(pickLanguage(undefined, undefined)).toBe('ru');
    expect(languageFromAcceptLanguage('ru-KZ;q=0.9, en-GB')).toBe('en');
    expect(languageFromAcceptLanguage('en;q=0, ru;q=0.1')).toBe('ru');
  });
});

describe('XML', () => {
  it('escapes the five special characters and drops what XML cannot carry', () => {
    expect(escapeXml(`a & b < c > d "e" 'f'`)).toBe('a &amp; b &lt; c &gt; d &quot;e&quot; &apos;f&apos;');
    expect(escapeXml('bell\u0007 ok')).toBe('bell ok');
    expect(escapeXml('Қазақстан')).toBe('Қазақстан');
  });

  it('writes lists with the item elements of the spec', () => {
    expect(toXml('services', [{ service_code: 'a&b', metadata: true }])).toBe(
      '<?xml version="1.0" encoding="utf-8"?>\n<services><service><service_code>a&amp;b</service_code><metadata>true</metadata></service></services>',
    );
    expect(toXml('service_requests', [{ service_request_id: 'AST-2026-000001', account_id: null }])).toContain(
      '<service_requests><request><service_request_id>AST-2026-000001</service_request_id><account_id/></request></service_requests>',
    );
    expect(toXml('errors', open311Error(404, 'not <found>'))).toContain('<errors><error><code>404</code><description>not &lt;found&gt;</description></error></errors>');
  });

  it('nests the attributes and values of a service definition', () => {
    const xml = toXml('service_definition', {
      service_code: 'x',
      attributes: [{ code: 'scheme', order: 1, values: [{ key: 'a', name: 'A' }] }],
    });
    expect(xml).toContain(
      '<service_definition><service_code>x</service_code><attributes><attribute><code>scheme</code><order>1</order><values><value><key>a</key><name>A</name></value></values></attribute></attributes></service_definition>',
    );
  });

  it('refuses a key that is not an element name', () => {
    expect(() => toXml('x', { 'bad name': 1 })).toThrow('not an XML element name');
  });

  it('serialises JSON or XML with the content type', () => {
    expect(serialize('json', 'services', [1])).toEqual({ contentType: 'application/json; charset=utf-8', body: '[1]' });
    expect(serialize('xml', 'errors', []).contentType).toBe('text/xml; charset=utf-8');
  });
});
