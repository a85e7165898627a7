import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { AuthenticatedUser } from '@seriktes/auth';
import { invalidInput, notFound } from '@seriktes/runtime';
import { CitizenRequestEntity } from '../intake/citizen-request.entity';
import { IntakeService } from '../intake/intake.service';
import { actorOf, RequestJournal } from './journal';

const KINDS = ['duplicate', 'repeat', 'related'] as const;

/**
 * Links between requests: a duplicate of the same matter, a repeat appeal of the same applicant
 * with no new arguments (linked to the earlier one and not re-checked: 000:L10683-10689), or a
 * related one. Both requests must be within the caller's jurisdiction; the link is recorded in the
 * history of the request.
 */
@Injectable()
export class LinkService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly intake: IntakeService,
    private readonly journal: RequestJournal,
  ) {}

  async link(id: string, linkedId: string, kind: string, user: AuthenticatedUser, now = new Date()): Promise<CitizenRequestEntity> {
    if (!(KINDS as readonly string[]).includes(kind)) throw invalidInput([{ field: 'kind', message: `must be one of ${KINDS.join(', ')}` }]);
    if (id === linkedId) throw invalidInput([{ field: 'linkedId', message: 'a request cannot be linked to itself' }]);
    const request = await this.intake.find(id, user, 'workflow:link');
    const other = await this.intake.find(linkedId, user, 'workflow:link');
    if (!request) throw notFound(`request ${id} not found`);
    if (!other) throw notFound(`request ${linkedId} not found`);
    if (kind === 'repeat' && other.registeredAt.getTime() > request.registeredAt.getTime()) {
      throw invalidInput([{ field: 'linkedId', message: 'a repeat appeal is linked to an earlier request' }]);
    }
    return this.dataSource.transaction(async (em) => {
      await em.query(
        `INSERT INTO citizen_requests.request_link (request_id, linked_id, kind, linked_by, linked_at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (request_id, linked_id) DO UPDATE SET kind = EXCLUDED.kind, linked_by = EXCLUDED.linked_by, linked_at = EXCLUDED.linked_at`,
        [id, linkedId, kind, user.username ?? user.subject, now],
      );
      if (kind === 'repeat') await em.query(`UPDATE citizen_requests.citizen_request SET repeat_of = $2, updated_at = $3 WHERE id = $1`, [id, linkedId, now]);
      await this.journal.transition(em, {
        requestId: id,
        precinctCode: request.precinctCode,
        action: 'link',
        from: request.status,
        to: request.status,
        actor: actorOf(user),
        reason: `${kind} of ${other.registrationNumber}`,
        details: { linkedId, kind },
        at: now,
      });
      return (await em.getRepository(CitizenRequestEntity).findOneByOrFail({ id }));
    });
  }

  async linksOf(id: string): Promise<Array<{ requestId: string; kind: string; linkedAt: string }>> {
    const rows = (await this.dataSource.query(
      `SELECT linked_id AS other, kind, linked_at FROM citizen_requests.request_link WHERE request_id = $1
       UNION ALL SELECT request_id AS other, kind, linked_at FROM citizen_requests.request_link WHERE linked_id = $1
       ORDER BY linked_at`,
      [id],
    )) as Array<{ other: string; kind: string; linked_at: Date }>;
    return rows.map((r) => ({ requestId: r.other, kind: r.kind, linkedAt: r.linked_at.toISOString() }));
  }
}
