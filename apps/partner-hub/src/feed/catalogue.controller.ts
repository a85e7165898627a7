import { Controller, Get, Header, Inject } from '@nestjs/common';
import { Public } from '@seriktes/auth';
import { eventCatalogue } from '@seriktes/contracts';
import { renderCommittedCatalogue } from '@seriktes/contracts/catalogue';
import { partnerPolicy } from '../redaction/policy';

export const CATALOGUE_LINKS = Symbol('CATALOGUE_LINKS');
export interface CatalogueLinks {
  graphql: string;
  open311: string;
}

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/**
 * The published event catalogue: the AsyncAPI document generated from libs/contracts, and a page
 * for people listing every event type with what partners receive of it, its schema and an example,
 * linking the Open311 and GraphQL endpoints.
 */
@Controller()
@Public()
export class CatalogueController {
  private readonly yaml = renderCommittedCatalogue();

  constructor(@Inject(CATALOGUE_LINKS) private readonly links: CatalogueLinks) {}

  @Get('asyncapi.yaml')
  @Header('content-type', 'application/yaml; charset=utf-8')
  asyncapi(): string {
    return this.yaml;
  }

  @Get('catalogue')
  @Header('content-type', 'text/html; charset=utf-8')
  page(): string {
    const events = eventCatalogue();
    const rows = events
      .map((e) => {
        const policy = partnerPolicy(e.type);
        const partner = !policy || policy.partnerVisible === false ? 'not sent to partners' : `${policy.fields.join(', ')}${policy.scoped && Object.keys(policy.scoped).length ? `; with an agreement: ${Object.entries(policy.scoped).map(([f, s]) => `${f} (${s})`).join(', ')}` : ''}`;
        return `<section id="${escape(e.type)}">
  <h2><code>${escape(e.type)}</code></h2>
  <p>${escape(e.summary)}</p>
  <p>${escape(e.description)}</p>
  <dl><dt>Topic</dt><dd><code>${escape(e.topic)}</code>, key: ${escape(e.keyDescription)}</dd>
  <dt>Producer</dt><dd>${escape(e.producer)}</dd>
  <dt>Partners receive</dt><dd>${escape(partner)}</dd>
  <dt>Personal data</dt><dd>${e.personalData.length ? escape(e.personalData.join(', ')) + ' (never without an agreement)' : 'none'}</dd></dl>
  <details><summary>Schema</summary><pre>${escape(JSON.stringify(e.schema, null, 2))}</pre></details>
  <details><summary>Example</summary><pre>${escape(JSON.stringify(e.example, null, 2))}</pre></details>
</section>`;
      })
      .join('\n');
    return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Seriktes event catalogue</title>
<style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}pre{background:#f4f4f4;padding:.5rem;overflow:auto}section{border-top:1px solid #ccc;margin-top:1.5rem}</style></head>
<body>
<h1>Seriktes event catalogue</h1>
<p>${events.length} event types. Machine-readable: <a href="asyncapi.yaml">asyncapi.yaml</a> (AsyncAPI 3). Subscribe with a webhook (<code>createWebhookSubscription</code>) or read the streamed feed (<code>GET /feed</code>, Server-Sent Events).
Webhooks follow <a href="https://www.standardwebhooks.com/">Standard Webhooks</a> (headers <code>webhook-id</code>, <code>webhook-timestamp</code>, <code>webhook-signature</code>) with a CloudEvents 1.0 body in structured JSON.</p>
<ul><li>GraphQL: <a href="${escape(this.links.graphql)}">${escape(this.links.graphql)}</a></li>
<li>Open311 GeoReport v2: <a href="${escape(this.links.open311)}">${escape(this.links.open311)}</a></li></ul>
<nav><ul>${events.map((e) => `<li><a href="#${escape(e.type)}">${escape(e.type)}</a></li>`).join('')}</ul></nav>
${rows}
</body></html>`;
  }
}
