/**
 * The Open311 GeoReport v2 API at /open311/v2 against the real parts: PostgreSQL, the mock Kafka
 * cluster, identity-dev (citizen-requests' own service account asks the roster), and the
 * inspector roster with its demo territory, so that a partner's point becomes a precinct.
 */
import { DataSource } from 'typeorm';
import { getJson } from '@seriktes/testing';
import { Open311Clients } from '../src/open311/clients';
import { startRequestsHarness, type RequestsHarness } from './harness';

let h: RequestsHarness;
let dataSource: DataSource;
let apiKey: string;
let base: string;

/** Inside precinct AST-ESL-01 of the roster's demo territory, with more decimals than the public list shows. */
const POINT = { lat: '51.14612', long: '71.38837' };
const PUBLIC_KEYS = [
  'service_request_id',
  'status',
  'status_notes',
  'service_name',
  'service_code',
  'requested_datetime',
  'updated_datetime',
  'expected_datetime',
  'address',
  'lat',
  'long',
  'agency_responsible',
].sort();

interface Open311Error {
  code: number;
  description: string;
}
interface Created {
  service_request_id: string;
  service_notice: string;
  account_id: null;
}
interface PublicRequest {
  service_request_id: string;
  status: string;
  status_notes: string;
  service_code: string;
  service_name: string;
  expected_datetime: string | null;
  address: string | null;
  lat: number | null;
  long: number | null;
  agency_responsible: string;
  [key: string]: unknown;
}

type Form = Array<[string, string]>;

async function postForm<T>(path: string, form: Form, headers: Record<string, string> = {}): Promise<{ status: number; body: T; contentType: string | null }> {
  const response = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(form).toString(),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T, contentType: response.headers.get('content-type') };
}

async function getText(path: string, headers: Record<string, string> = {}): Promise<{ status: number; text: string; contentType: string | null }> {
  const response = await fetch(`${base}${path}`, { headers });
  return { status: response.status, text: await response.text(), contentType: response.headers.get('content-type') };
}

const get = <T>(path: string, headers: Record<string, string> = {}) => getJson<T>(`${base}${path}`, headers);

/** A valid fraud report by a named applicant (form fields; later entries override earlier ones by name). */
function fraudForm(extra: Form = [], key = apiKey): Form {
  const fields: Form = [
    ['api_key', key],
    ['service_code', 'internet-fraud'],
    ['lat', POINT.lat],
    ['long', POINT.long],
    ['address_string', 'Kabanbay Batyr 11'],
    ['description', 'A caller posing as my bank talked me into moving 150 000 tenge to a "safe account".'],
    ['first_name', 'Айгерім'],
    ['last_name', 'Сапарова'],
    ['phone', '8 701 234 56 78'],
    ['email', 'aigerim@example.kz'],
    ['attribute[scheme]', 'fake_bank_call'],
    ['attribute[phone_numbers]', '+7 (702) 765-43-21, 87471112233'],
    ['attribute[amount]', '150000'],
    ['device_id', 'device-123'],
    ['media_url', 'https://example.org/screenshot.png'],
  ];
  const names = new Set(extra.map(([name]) => name));
  return [...fields.filter(([name]) => !names.has(name)), ...extra.filter(([, value]) => value !== '')];
}

async function countRequests(): Promise<number> {
  const [{ n }] = (await dataSource.query(`SELECT count(*)::int AS n FROM citizen_requests.citizen_request`)) as Array<{ n: number }>;
  return n;
}

let created: Created;
let idempotencyKey: string;

beforeAll(async () => {
  h = await startRequestsHarness('open311');
  base = `${h.app.url}/open311/v2`;
  dataSource = h.app.app.get(DataSource);
  apiKey = await h.app.app.get(Open311Clients).create('demo-app', 'Demo city app', 'open311');
  idempotencyKey = `demo-app-${Date.now()}`;
}, 180_000);

afterAll(async () => {
  await h?.stop();
});

describe('Open311 services', () => {
  it('lists every active category as a service in Kazakh, Russian and English', async () => {
    const kk = await get<Array<{ service_code: string; service_name: string; type: string; metadata: boolean; group: string }>>('/services.json?locale=kk');
    const ru = await get<typeof kk.body>('/services.json');
    const en = await get<typeof kk.body>('/services.json', { 'accept-language': 'de-DE, en;q=0.8' });
    for (const answer of [kk, ru, en]) {
      expect(answer.status).toBe(200);
      expect(answer.body.map((s) => s.service_code)).toEqual(expect.arrayContaining(['internet-fraud', 'public-order-noise', 'crime-threat-tip', 'other']));
    }
    const fraud = (list: typeof kk.body) => list.find((s) => s.service_code === 'internet-fraud')!;
    expect(fraud(kk.body).service_name).toBe('Интернет және телефон алаяқтығы');
    expect(fraud(ru.body).service_name).toBe('Интернет- и телефонное мошенничество');
    expect(fraud(en.body)).toMatchObject({ service_name: 'Internet and phone fraud', group: 'Crimes and threats', type: 'realtime', metadata: true });
  });

  it('answers the list in XML too', async () => {
    const { status, text, contentType } = await getText('/services.xml?locale=en');
    expect(status).toBe(200);
    expect(contentType).toContain('text/xml');
    expect(text).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>\n<services><service><service_code>/);
    expect(text).toContain('<service_name>Internet and phone fraud</service_name>');
  });

  it('gives a service definition with its attributes, and a 404 error array for an unknown code', async () => {
    const { status, body } = await get<{ service_code: string; attributes: Array<{ code: string; required: boolean; datatype: string; values?: unknown[]; description: string }> }>(
      '/services/internet-fraud.json?locale=en',
    );
    expect(status).toBe(200);
    expect(body.service_code).toBe('internet-fraud');
    expect(body.attributes.map((a) => a.code)).toEqual(['scheme', 'phone_numbers', 'card_numbers', 'account_numbers', 'urls', 'messenger_handles', 'amount', 'transfer_time', 'bank']);
    expect(body.attributes[0]).toMatchObject({ code: 'scheme', required: true, datatype: 'singlevaluelist', description: 'How did the fraudsters act?' });
    expect(body.attributes[0].values).toContainEqual({ key: 'fake_bank_call', name: 'A call from a fake bank or security service' });

    const xml = await getText('/services/internet-fraud.xml');
    expect(xml.text).toContain('<service_definition><service_code>internet-fraud</service_code><attributes><attribute>');
    expect(xml.text).toContain('<values><value><key>fake_bank_call</key>');

    const unknown = await get<Open311Error[]>('/services/no-such-service.json');
    expect(unknown.status).toBe(404);
    expect(unknown.body).toEqual([{ code: 404, description: expect.stringContaining('no-such-service') }]);
    const unknownXml = await getText('/services/no-such-service.xml');
    expect(unknownXml.status).toBe(404);
    expect(unknownXml.text).toContain('<errors><error><code>404</code>');
  });
});

describe('POST requests.json', () => {
  it('registers a form-encoded request of a partner client', async () => {
    const before = await countRequests();
    const { status, body, contentType } = await postForm<Created[]>('/requests.json', fraudForm([['idempotency_key', idempotencyKey], ['locale', 'en']]));
    expect(status).toBe(201);
    expect(contentType).toContain('application/json');
    expect(body).toHaveLength(1);
    created = body[0];
    expect(created.service_request_id).toMatch(/^AST-\d{4}-\d{6}$/);
    expect(created.account_id).toBeNull();
    expect(created.service_notice).toMatch(new RegExp(`^Registered as ${created.service_request_id}\\. The police must answer by \\d{4}-\\d{2}-\\d{2}\\.$`));
    expect(await countRequests()).toBe(before + 1);

    const [row] = (await dataSource.query(
      `SELECT channel, client_id, registered_by_subject, registered_by_role, accepted_by, precinct_code, attributes, place, lat, lon, kind, language, idempotency_key
         FROM citizen_requests.citizen_request WHERE registration_number = $1`,
      [created.service_request_id],
    )) as Array<Record<string, unknown>>;
    expect(row).toMatchObject({
      channel: 'open311',
      client_id: 'demo-app',
      registered_by_subject: 'client:demo-app',
      registered_by_role: 'partner_client',
      accepted_by: 'client:demo-app',
      precinct_code: 'AST-ESL-01',
      place: 'Kabanbay Batyr 11',
      lat: 51.14612,
      lon: 71.38837,
      kind: 'application',
      language: 'en',
      idempotency_key: idempotencyKey,
    });
    expect(row.attributes).toEqual({ scheme: 'fake_bank_call', phone_numbers: ['+77027654321', '+77471112233'], amount: 150000 });
    const [applicant] = (await dataSource.query(`SELECT has_phone, has_email FROM citizen_requests.applicant a JOIN citizen_requests.citizen_request r ON r.id = a.request_id WHERE r.registration_number = $1`, [
      created.service_request_id,
    ])) as Array<{ has_phone: boolean; has_email: boolean }>;
    expect(applicant).toEqual({ has_phone: true, has_email: true });
  });

  it('returns the same service_request_id for a retried POST with the same idempotency key, and stores nothing new', async () => {
    const before = await countRequests();
    const again = await postForm<Created[]>('/requests.json', fraudForm([['idempotency_key', idempotencyKey], ['locale', 'en']]));
    expect(again.status).toBe(201);
    expect(again.body[0].service_request_id).toBe(created.service_request_id);
    // The key may come as the Idempotency-Key header as well.
    const byHeader = await postForm<Created[]>('/requests.json', fraudForm([['locale', 'en']]), { 'idempotency-key': idempotencyKey });
    expect(byHeader.body[0].service_request_id).toBe(created.service_request_id);
    expect(await countRequests()).toBe(before);

    const reused = await postForm<Open311Error[]>('/requests.json', fraudForm([['idempotency_key', idempotencyKey], ['description', 'A different report under the very same key']]));
    expect(reused.status).toBe(409);
    expect(reused.body[0]).toEqual({ code: 409, description: expect.stringMatching(/^idempotency_key .*already used/) });
    expect(await countRequests()).toBe(before);
  });

  it('refuses an unknown or missing api_key with 403 and stores nothing', async () => {
    const before = await countRequests();
    const bad = await postForm<Open311Error[]>('/requests.json', fraudForm([], 'o311_not-a-key-of-anybody-at-all'));
    expect(bad.status).toBe(403);
    expect(bad.body).toEqual([{ code: 403, description: expect.stringContaining('api_key') }]);
    const missing = await postForm<Open311Error[]>('/requests.json', fraudForm([['api_key', '']]));
    expect(missing.status).toBe(403);
    expect(missing.body).toEqual([{ code: 403, description: 'api_key is required' }]);
    const xml = await fetch(`${base}/requests.xml`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'api_key=nope' });
    expect(xml.status).toBe(403);
    expect(await xml.text()).toContain('<errors><error><code>403</code>');
    expect(await countRequests()).toBe(before);
  });

  it('refuses the key of a deactivated client', async () => {
    const clients = h.app.app.get(Open311Clients);
    const key = await clients.create('retired-bot', 'Retired bot', 'telegram');
    expect(await clients.authenticate(key)).toEqual({ id: 'retired-bot', name: 'Retired bot', channel: 'telegram' });
    expect(await clients.deactivate('retired-bot')).toBe(true);
    const before = await countRequests();
    const { status, body } = await postForm<Open311Error[]>('/requests.json', fraudForm([], key));
    expect(status).toBe(403);
    expect(body[0].code).toBe(403);
    expect(await countRequests()).toBe(before);
    const [stored] = (await dataSource.query(`SELECT api_key_hash FROM citizen_requests.client WHERE id = 'retired-bot'`)) as Array<{ api_key_hash: string }>;
    expect(stored.api_key_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored.api_key_hash).not.toContain(key);
  });

  it('asks for lat and long, field by field, and stores nothing', async () => {
    const before = await countRequests();
    const missing = await postForm<Open311Error[]>('/requests.json', fraudForm([['lat', ''], ['long', ''], ['address_string', '']]));
    expect(missing.status).toBe(400);
    expect(missing.body.map((e) => e.description.split(' ')[0])).toEqual(['lat', 'long']);
    expect(missing.body.every((e) => e.code === 400)).toBe(true);

    // An address alone cannot be placed: we have no geocoder.
    const addressOnly = await postForm<Open311Error[]>('/requests.json', fraudForm([['lat', ''], ['long', '']]));
    expect(addressOnly.status).toBe(400);
    expect(addressOnly.body[0].description).toMatch(/^lat is required: .*no geocoder/);

    const halfPoint = await postForm<Open311Error[]>('/requests.json', fraudForm([['long', '']]));
    expect(halfPoint.body).toEqual([{ code: 400, description: 'long is required with lat' }]);
    expect(await countRequests()).toBe(before);
  });

  it('reports bad attributes and other fields in the names of the form, all at once, and stores nothing', async () => {
    const before = await countRequests();
    const { status, body } = await postForm<Open311Error[]>(
      '/requests.json',
      fraudForm([
        ['attribute[phone_numbers]', '+77027654321, call me maybe'],
        ['attribute[scheme]', 'telepathy'],
        ['email', 'not-an-email'],
      ]),
    );
    expect(status).toBe(400);
    const descriptions = body.map((e) => e.description);
    expect(descriptions).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^attribute\[phone_numbers\] \(value 2\) must be a phone number/),
        expect.stringMatching(/^attribute\[scheme\] /),
        expect.stringMatching(/^email /),
      ]),
    );
    expect(body.every((e) => e.code === 400)).toBe(true);

    const schema = await postForm<Open311Error[]>('/requests.json', fraudForm([['description', 'short'], ['lat', '12.5'], ['service_code', 'no-such-service']]));
    expect(schema.status).toBe(400);
    expect(schema.body.map((e) => e.description)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^service_code "no-such-service" is not a service/), expect.stringMatching(/^description /), expect.stringMatching(/^lat must be >= 40/)]),
    );
    const anonymous = await postForm<Open311Error[]>('/requests.json', fraudForm([['first_name', ''], ['last_name', '']]));
    expect(anonymous.body).toEqual([{ code: 400, description: expect.stringMatching(/^first_name is required/) }]);
    expect(await countRequests()).toBe(before);
  });
});

describe('GET requests.json', () => {
  let tipId: string;
  let sensitiveId: string;
  let closedId: string;

  beforeAll(async () => {
    // A tip (the tip category files tips by default) and a request of a sensitive category.
    const tip = await postForm<Created[]>('/requests.json', [
      ['api_key', apiKey],
      ['service_code', 'crime-threat-tip'],
      ['lat', POINT.lat],
      ['long', POINT.long],
      ['description', 'People unload boxes of what look like weapons into the garage every night.'],
      ['attribute[in_progress]', 'no'],
      ['locale', 'en'],
    ]);
    expect(tip.status).toBe(201);
    tipId = tip.body[0].service_request_id;
    expect(tip.body[0].service_notice).toContain('no answer is sent');
    const sensitive = await postForm<Created[]>('/requests.json', [
      ['api_key', apiKey],
      ['service_code', 'domestic-violence'],
      ['lat', POINT.lat],
      ['long', POINT.long],
      ['description', 'The neighbours shout and something breaks every evening, a child cries.'],
      ['first_name', 'Ерлан'],
      ['last_name', 'Көршіұлы'],
      ['attribute[happening_now]', 'no'],
    ]);
    expect(sensitive.status).toBe(201);
    sensitiveId = sensitive.body[0].service_request_id;
    const noise = await postForm<Created[]>('/requests.json', [
      ['api_key', apiKey],
      ['service_code', 'public-order-noise'],
      ['lat', POINT.lat],
      ['long', POINT.long],
      ['description', 'Loud music from the bar downstairs every night after 23:00.'],
      ['first_name', 'Ерлан'],
    ]);
    expect(noise.status).toBe(201);
    closedId = noise.body[0].service_request_id;
    await dataSource.query(`UPDATE citizen_requests.citizen_request SET status = 'closed', closed_at = now(), updated_at = now() WHERE registration_number = $1`, [closedId]);
  });

  it('shows only public fields, with the location rounded', async () => {
    const { status, body } = await get<PublicRequest[]>('/requests.json?locale=en');
    expect(status).toBe(200);
    const mine = body.find((r) => r.service_request_id === created.service_request_id)!;
    expect(Object.keys(mine).sort()).toEqual(PUBLIC_KEYS);
    expect(mine).toMatchObject({
      status: 'open',
      service_code: 'internet-fraud',
      service_name: 'Internet and phone fraud',
      address: 'Kabanbay Batyr 11',
      lat: 51.146,
      long: 71.388,
      agency_responsible: 'Police, AST-ESL',
    });
    expect(mine.status_notes).toMatch(/^Assigned to /);
    expect(mine.expected_datetime).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    const everything = JSON.stringify(body);
    for (const secret of ['Айгерім', 'Сапарова', 'aigerim@example.kz', '150 000', '+77027654321', '51.14612', '71.38837', 'fake_bank_call']) expect(everything).not.toContain(secret);
  });

  it('never lists a tip or a request of a sensitive category', async () => {
    const { body } = await get<PublicRequest[]>('/requests.json');
    const ids = body.map((r) => r.service_request_id);
    expect(ids).toContain(closedId);
    expect(ids).not.toContain(tipId);
    expect(ids).not.toContain(sensitiveId);
    const byIds = await get<PublicRequest[]>(`/requests.json?service_request_id=${tipId},${sensitiveId},${closedId}`);
    expect(byIds.body.map((r) => r.service_request_id)).toEqual([closedId]);
    for (const hidden of [tipId, sensitiveId]) {
      const one = await get<Open311Error[]>(`/requests/${hidden}.json`);
      expect(one.status).toBe(404);
      expect(one.body).toEqual([{ code: 404, description: expect.stringContaining(hidden) }]);
    }
  });

  it('shows one request by its registration number, as a one-element list, in JSON or XML', async () => {
    const { status, body } = await get<PublicRequest[]>(`/requests/${created.service_request_id}.json`);
    expect(status).toBe(200);
    expect(body).toHaveLength(1);
    expect(Object.keys(body[0]).sort()).toEqual(PUBLIC_KEYS);
    expect([body[0].lat, body[0].long]).toEqual([51.146, 71.388]);
    const xml = await getText(`/requests/${created.service_request_id}.xml`);
    expect(xml.contentType).toContain('text/xml');
    expect(xml.text).toContain(`<service_requests><request><service_request_id>${created.service_request_id}</service_request_id><status>open</status>`);
    expect(xml.text).not.toContain('description');
    expect((await get<Open311Error[]>('/requests/AST-2026-999999.json')).status).toBe(404);
  });

  it('filters by status, service_code and dates', async () => {
    const ids = async (query: string) => {
      const { status, body } = await get<PublicRequest[]>(`/requests.json?${query}`);
      expect(status).toBe(200);
      return body.map((r) => r.service_request_id);
    };
    const closed = await get<PublicRequest[]>('/requests.json?status=closed');
    expect(closed.body.map((r) => r.service_request_id)).toEqual([closedId]);
    expect(closed.body[0]).toMatchObject({ status: 'closed', status_notes: 'Closed' });
    expect(await ids('status=open')).toEqual([created.service_request_id]);
    expect((await ids('status=open,closed')).sort()).toEqual([created.service_request_id, closedId].sort());
    expect(await ids('service_code=internet-fraud')).toEqual([created.service_request_id]);
    expect(await ids('service_code=public-order-noise&status=open')).toEqual([]);
    expect((await ids('service_code=internet-fraud,public-order-noise')).sort()).toEqual([created.service_request_id, closedId].sort());

    const hourAgo = new Date(Date.now() - 3600_000).toISOString();
    const inAnHour = new Date(Date.now() + 3600_000).toISOString();
    expect((await ids(`start_date=${encodeURIComponent(hourAgo)}`)).sort()).toEqual([created.service_request_id, closedId].sort());
    expect(await ids(`start_date=${encodeURIComponent(inAnHour)}`)).toEqual([]);
    expect(await ids(`end_date=${encodeURIComponent(hourAgo)}`)).toEqual([]);
    expect((await ids(`start_date=${encodeURIComponent(hourAgo)}&end_date=${encodeURIComponent(inAnHour)}`)).sort()).toEqual([created.service_request_id, closedId].sort());

    const bad = await get<Open311Error[]>('/requests.json?start_date=yesterday&status=pending');
    expect(bad.status).toBe(400);
    expect(bad.body.map((e) => e.description.split(' ')[0]).sort()).toEqual(['start_date', 'status']);
    const tooWide = await get<Open311Error[]>('/requests.json?start_date=2026-01-01&end_date=2026-06-01');
    expect(tooWide.status).toBe(400);
    expect(tooWide.body[0].description).toMatch(/^end_date .*90 days/);
  });

  it('lists in XML', async () => {
    const { status, text } = await getText('/requests.xml?status=open');
    expect(status).toBe(200);
    expect(text).toContain('<service_requests><request>');
    expect(text).toContain('<lat>51.146</lat><long>71.388</long>');
  });
});

describe('GET tokens/{token}.json', () => {
  it('finds the request of an idempotency key', async () => {
    const { status, body } = await get<Array<{ service_request_id: string; token: string }>>(`/tokens/${idempotencyKey}.json`);
    expect(status).toBe(200);
    expect(body).toEqual([{ service_request_id: created.service_request_id, token: idempotencyKey }]);
    const unknown = await get<Open311Error[]>('/tokens/no-such-token-123.json');
    expect(unknown.status).toBe(404);
    expect(unknown.body).toEqual([{ code: 404, description: expect.stringContaining('no-such-token-123') }]);
  });

  it('answers an unknown format with a 404 error array', async () => {
    const { status, body } = await get<Open311Error[]>('/services.html');
    expect(status).toBe(404);
    expect(body[0].description).toContain('unknown format');
  });
});
