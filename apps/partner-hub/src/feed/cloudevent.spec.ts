import { HTTP, type CloudEvent } from 'cloudevents';
import { CitizenRequestRegistered, SurveyResponseReceived } from '@seriktes/contracts';
import { redact } from '../redaction/redact';
import { dataschemaFor, toStructuredCloudEvent } from './cloudevent';

const CONTEXT = {
  id: '0b7f1c2e-3d4a-4b5c-8d6e-7f8091a2b3c4',
  source: '/seriktes/citizen-requests',
  type: CitizenRequestRegistered.type,
  subject: CitizenRequestRegistered.example.requestId,
  time: '2026-11-20T09:15:02+05:00',
};

function parse(body: string): CloudEvent<Record<string, unknown>> {
  const event = HTTP.toEvent<Record<string, unknown>>({ headers: { 'content-type': 'application/cloudevents+json' }, body });
  if (Array.isArray(event)) throw new Error('expected one event');
  return event as CloudEvent<Record<string, unknown>>;
}

describe('toStructuredCloudEvent', () => {
  const { data } = redact(CitizenRequestRegistered.type, CitizenRequestRegistered.example as unknown as Record<string, unknown>, [])!;

  it('writes a CloudEvent 1.0 the SDK reads back in structured mode', () => {
    const body = toStructuredCloudEvent(CONTEXT, data);
    const event = parse(body);
    expect(event.specversion).toBe('1.0');
    expect(event.id).toBe(CONTEXT.id);
    expect(event.source).toBe(CONTEXT.source);
    expect(event.type).toBe(CONTEXT.type);
    expect(event.subject).toBe(CONTEXT.subject);
    expect(new Date(event.time!).toISOString()).toBe(new Date(CONTEXT.time).toISOString());
    expect(event.datacontenttype).toBe('application/json');
    expect(event.dataschema).toBe('https://seriktes.kz/catalogue#kz.seriktes.citizen-request.registered.v1');
    expect(event.dataschema).toBe(dataschemaFor(CONTEXT.type));
    expect(event.data).toEqual(data);
    expect(event.data).not.toHaveProperty('registrationNumber');
    expect(event.validate()).toBe(true);
    expect(Object.keys(JSON.parse(body))).toEqual(['specversion', 'id', 'source', 'type', 'subject', 'time', 'datacontenttype', 'dataschema', 'data']);
  });

  it('accepts a Date, leaves out an absent subject and takes datacontenttype application/json only', () => {
    const body = toStructuredCloudEvent({ ...CONTEXT, subject: undefined, time: new Date('2026-11-20T04:15:02Z'), datacontenttype: 'application/json' }, data);
    const parsed = JSON.parse(body) as Record<string, unknown>;
    expect(parsed).not.toHaveProperty('subject');
    expect(parsed.time).toBe('2026-11-20T04:15:02.000Z');
    expect(parse(body).subject).toBeUndefined();
    expect(() => toStructuredCloudEvent({ ...CONTEXT, datacontenttype: 'application/xml' }, data)).toThrow('application/json');
  });

  it('refuses incomplete contexts and events never sent to partners', () => {
    expect(() => toStructuredCloudEvent({ ...CONTEXT, id: '' }, data)).toThrow('id');
    expect(() => toStructuredCloudEvent({ ...CONTEXT, time: 'yesterday' }, data)).toThrow('date-time');
    expect(() => toStructuredCloudEvent({ ...CONTEXT, type: SurveyResponseReceived.type }, {})).toThrow('not sent to partners');
    expect(() => toStructuredCloudEvent({ ...CONTEXT, type: 'kz.seriktes.nothing.happened.v1' }, {})).toThrow('not sent to partners');
  });
});
