import { Controller, Get, Headers, Query, Req, Res } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CurrentUser, forbidden, Roles, type AuthenticatedUser } from '@seriktes/auth';
import { invalidInput } from '@seriktes/runtime';
import type { DataSource } from 'typeorm';
import { FEED_ROLES, partnerOf } from '../access';
import { scopesOf, type AgreementRow } from '../events/agreements';
import { redact } from '../redaction/redact';
import type { SharingScope } from '@seriktes/contracts';
import { checkEventTypePattern, isWithin, matchesEventType, matchesTerritory } from '../subscriptions/matching';
import { toStructuredCloudEvent } from './cloudevent';

const S = 'partner_hub';
const BATCH = 500;
const POLL_MS = 300;
const HEARTBEAT_MS = 15_000;

interface Writable {
  writeHead(status: number, headers: Record<string, string>): void;
  write(chunk: string): boolean;
  end(): void;
  on(event: 'close', listener: () => void): void;
  flushHeaders?(): void;
}

/**
 * The streamed feed, the second way to consume: Server-Sent Events of the events of the partner's
 * territory, redacted as its webhooks are, each with `id:` = the hub's sequence number, so a client
 * resumes from `Last-Event-ID` (or `?after=`) without losing or repeating events. Bearer token of a
 * partner user or client. `?types=` takes the same patterns as subscriptions (comma-separated).
 */
@Controller('feed')
export class FeedController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Get()
  @Roles(...FEED_ROLES)
  async stream(
    @CurrentUser() user: AuthenticatedUser,
    @Headers('last-event-id') lastEventId: string | undefined,
    @Query('after') after: string | undefined,
    @Query('types') types: string | undefined,
    @Query('territories') territories: string | undefined,
    @Req() request: { on(event: 'close', listener: () => void): void },
    @Res() response: Writable,
  ): Promise<void> {
    const partner = partnerOf(user);
    if (!partner) throw forbidden('the feed is for partner organisations');
    const patterns = types ? types.split(',').map((t) => t.trim()).filter(Boolean) : ['*'];
    const filters = territories ? territories.split(',').map((t) => t.trim()).filter(Boolean) : [partner.regionCode];
    const errors = patterns.map((p) => checkEventTypePattern(p)).filter((e): e is string => e !== null).map((message) => ({ field: 'types', message }));
    const start = lastEventId ?? after ?? '0';
    if (!/^\d{1,18}$/.test(start)) errors.push({ field: 'after', message: 'must be an event id of this feed (a number)' });
    for (const f of filters) if (!isWithin(f, partner.regionCode)) errors.push({ field: 'territories', message: `${f} is outside your territory` });
    if (errors.length) throw invalidInput(errors);

    let cursor = BigInt(start);
    let open = true;
    request.on('close', () => (open = false));
    response.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache, no-transform', connection: 'keep-alive', 'x-accel-buffering': 'no' });
    response.write(`retry: 2000\n: seriktes partner feed for ${partner.partnerOrgId}\n\n`);
    let lastWrite = Date.now();
    while (open) {
      const events = (await this.dataSource.query(
        `SELECT seq, id, source, type, subject, time, territories, data FROM ${S}.event
          WHERE seq > $1 AND ('KAZ' = ANY($2::text[]) OR territories && $2::text[]) ORDER BY seq LIMIT ${BATCH}`,
        [cursor.toString(), filters],
      )) as Array<{ seq: string; id: string; source: string; type: string; subject: string | null; time: Date; territories: string[]; data: Record<string, unknown> }>;
      if (events.length) {
        const agreements = (await this.dataSource.query(
          `SELECT agreement_id, partner_org_id, status, scopes, territory_code, to_char(review_on, 'YYYY-MM-DD') AS review_on FROM ${S}.agreement WHERE partner_org_id = $1`,
          [partner.partnerOrgId],
        )) as AgreementRow[];
        for (const e of events) {
          cursor = BigInt(e.seq);
          if (!matchesEventType(patterns, e.type) || !matchesTerritory(filters, e.territories)) continue;
          const redacted = redact(e.type, e.data, scopesOf(agreements, e.territories, e.time) as SharingScope[]);
          if (!redacted) continue;
          const body = toStructuredCloudEvent({ id: e.id, source: e.source, type: e.type, subject: e.subject ?? undefined, time: e.time.toISOString() }, redacted.data);
          response.write(`id: ${e.seq}\nevent: ${e.type}\ndata: ${body}\n\n`);
          lastWrite = Date.now();
        }
        if (events.length === BATCH) continue;
      }
      if (Date.now() - lastWrite > HEARTBEAT_MS) {
        response.write(`: keep-alive ${new Date().toISOString()}\n\n`);
        lastWrite = Date.now();
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
    response.end();
  }
}
