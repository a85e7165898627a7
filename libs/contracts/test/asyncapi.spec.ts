import { readFileSync } from 'node:fs';
import { Parser } from '@asyncapi/parser';
import { ASYNCAPI_PATH, renderCommittedCatalogue } from '../src/asyncapi/generate';
import { CITIZEN_REQUEST_TOPIC, eventCatalogue } from '../src';

describe('the AsyncAPI document of the event catalogue', () => {
  const generated = renderCommittedCatalogue();

  it('is a valid AsyncAPI 3.0 document', async () => {
    const { document, diagnostics } = await new Parser().parse(generated);
    const errors = diagnostics.filter((d) => d.severity === 0).map((d) => `${d.path.join('.')}: ${d.message}`);
    expect(errors).toEqual([]);
    expect(document).toBeDefined();
    expect(document!.version()).toBe('3.0.0');
    const channels = document!.channels().all().map((c) => c.address());
    expect(channels).toEqual(expect.arrayContaining([CITIZEN_REQUEST_TOPIC, `${CITIZEN_REQUEST_TOPIC}.dlt`]));
    const titles = document!.allMessages().all().map((m) => m.title());
    for (const definition of eventCatalogue()) expect(titles).toContain(definition.type);
    const kafka = document!.channels().all().find((c) => c.address() === CITIZEN_REQUEST_TOPIC)!.bindings().get('kafka');
    expect(kafka?.value()).toMatchObject({ topic: CITIZEN_REQUEST_TOPIC });
  });

  it('is committed as generated (run `npm run asyncapi` after changing the catalogue)', () => {
    expect(readFileSync(ASYNCAPI_PATH, 'utf8')).toBe(generated);
  });
});
