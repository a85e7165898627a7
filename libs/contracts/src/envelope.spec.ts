import { EnvelopeError, fromKafkaRecord, toKafkaRecord, type CloudEvent } from './envelope';

const event: CloudEvent<{ n: number }> = {
  specversion: '1.0',
  id: 'e-1',
  source: '/seriktes/citizen-requests',
  type: 'kz.seriktes.citizen-request.registered.v1',
  time: '2026-11-20T04:15:00.000Z',
  subject: 'aggregate-1',
  datacontenttype: 'application/json',
  correlationid: 'c-1',
  causationid: 'e-0',
  data: { n: 1 },
};

describe('CloudEvents Kafka binary mode', () => {
  it('puts attributes in ce_ headers, data in the value and the subject in the key', () => {
    const record = toKafkaRecord(event);
    expect(record.key).toBe('aggregate-1');
    expect(record.value).toBe('{"n":1}');
    expect(record.headers).toEqual({
      ce_specversion: '1.0',
      ce_id: 'e-1',
      ce_source: '/seriktes/citizen-requests',
      ce_type: 'kz.seriktes.citizen-request.registered.v1',
      ce_time: '2026-11-20T04:15:00.000Z',
      ce_subject: 'aggregate-1',
      ce_correlationid: 'c-1',
      ce_causationid: 'e-0',
      'content-type': 'application/json',
    });
    expect(fromKafkaRecord(record)).toEqual(event);
  });

  it('rejects records that are not events, saying why', () => {
    const record = toKafkaRecord(event);
    expect(() => fromKafkaRecord({ ...record, headers: { ...record.headers, ce_id: '' } })).toThrow('missing header ce_id');
    expect(() => fromKafkaRecord({ ...record, headers: { ...record.headers, ce_specversion: '0.3' } })).toThrow(EnvelopeError);
    expect(() => fromKafkaRecord({ ...record, value: '{oops' })).toThrow('value is not JSON');
    expect(() => fromKafkaRecord({ ...record, headers: { ...record.headers, 'content-type': 'text/plain' } })).toThrow('content-type');
  });

  it('falls back to the key for the subject and to the id for the correlation id', () => {
    const record = toKafkaRecord(event);
    const { ce_subject: _s, ce_correlationid: _c, ...headers } = record.headers;
    const parsed = fromKafkaRecord({ ...record, headers });
    expect(parsed.subject).toBe('aggregate-1');
    expect(parsed.correlationid).toBe('e-1');
  });
});
