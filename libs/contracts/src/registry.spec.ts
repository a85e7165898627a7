import { CitizenRequestRegistered, eventCatalogue, validateEventData } from './index';
import { deadLetterTopic, eventTypeName, parseEventType, topicName } from './naming';
import { defineEvent } from './registry';

describe('naming', () => {
  it('follows kz.seriktes.<aggregate>.<verb>.v<N> and seriktes.<service>.<aggregate>.v<N>', () => {
    expect(parseEventType('kz.seriktes.citizen-request.registered.v1')).toEqual({ aggregate: 'citizen-request', verb: 'registered', version: 1 });
    expect(() => parseEventType('citizen-request.registered')).toThrow();
    expect(() => eventTypeName('Citizen', 'registered', 1)).toThrow();
    expect(topicName('citizen-requests', 'citizen-request')).toBe('seriktes.citizen-requests.citizen-request.v1');
    expect(deadLetterTopic('seriktes.a.b.v1')).toBe('seriktes.a.b.v1.dlt');
    expect(deadLetterTopic('seriktes.a.b.v1.dlt')).toBe('seriktes.a.b.v1.dlt');
  });
});

describe('the event registry', () => {
  it('validates every catalogue example against its own schema', () => {
    expect(eventCatalogue().length).toBeGreaterThan(0);
    for (const definition of eventCatalogue()) {
      expect({ type: definition.type, ...validateEventData(definition.type, definition.example) }).toEqual({
        type: definition.type,
        ok: true,
        errors: [],
      });
    }
  });

  it('reports field-level errors', () => {
    const result = validateEventData(CitizenRequestRegistered.type, {
      ...CitizenRequestRegistered.example,
      precinctCode: 'somewhere',
      extra: true,
    });
    expect(result.ok).toBe(false);
    expect(result.errors.join('\n')).toContain('/precinctCode');
    expect(result.errors.join('\n')).toContain('additional properties');
  });

  it('refuses unknown types, bad names and double definitions', () => {
    expect(validateEventData('kz.seriktes.nothing.happened.v1', {}).ok).toBe(false);
    const base = { ...CitizenRequestRegistered, schema: CitizenRequestRegistered.schema };
    expect(() => defineEvent({ ...base, type: 'bad.name' })).toThrow('does not follow');
    expect(() => defineEvent({ ...base, topic: 'orders' })).toThrow('does not follow');
    expect(() => defineEvent(base)).toThrow('defined twice');
  });
});
