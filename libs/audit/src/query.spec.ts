import { encodeCursor } from './cursor';
import { auditTable, buildInsert, buildSearch, toEntryView, type AuditSearchRow } from './query';
import type { AuditRow } from './validation';

const row: AuditRow = {
  actorSubject: 'sub-1',
  actorUsername: 'inspector.aliev',
  actorRoles: ['district_inspector'],
  action: 'read',
  entity: 'citizen_request',
  entityId: 'r-1',
  purpose: 'graphql:citizenRequest',
  correlationId: 'c-1',
  details: '{"fields":["description"]}',
};

/** The highest `$n` in the SQL, which must be the number of parameters. */
function highestPlaceholder(sql: string): number {
  return Math.max(0, ...[...sql.matchAll(/\$(\d+)/g)].map((m) => Number(m[1])));
}

describe('audit SQL', () => {
  it('names the table in the given schema and refuses a schema that would need quoting', () => {
    expect(auditTable('citizen_requests')).toBe('"citizen_requests"."audit_log"');
    expect(() => auditTable('x"; DROP TABLE y; --')).toThrow('invalid schema name');
    expect(() => auditTable('Public')).toThrow('invalid schema name');
  });

  it('inserts every row in one statement, values only as parameters', () => {
    const { sql, params } = buildInsert('svc', [
      row,
      { ...row, entityId: 'r-2' },
      { ...row, entityId: null },
    ]);
    expect(sql.match(/INSERT INTO/g)).toHaveLength(1);
    expect(sql).toContain(
      'INSERT INTO "svc"."audit_log" ("actor_subject", "actor_username", "actor_roles", "action", "entity", "entity_id", "purpose", "correlation_id", "details") VALUES',
    );
    expect(sql.match(/\(\$\d+, /g)).toHaveLength(3);
    expect(params).toHaveLength(27);
    expect(highestPlaceholder(sql)).toBe(27);
    expect(params.slice(9, 18)).toEqual([
      'sub-1',
      'inspector.aliev',
      ['district_inspector'],
      'read',
      'citizen_request',
      'r-2',
      'graphql:citizenRequest',
      'c-1',
      '{"fields":["description"]}',
    ]);
    expect(params[23]).toBeNull();
    expect(sql).not.toContain('inspector.aliev');
    expect(() => buildInsert('svc', [])).toThrow('at least one row');
  });

  it('searches newest first with no filter, one row more than the page', () => {
    const { sql, params } = buildSearch('svc', {}, { first: 50, after: null });
    expect(sql).not.toContain('WHERE');
    expect(sql).toContain('ORDER BY "occurred_at" DESC, "id" DESC');
    expect(sql).toMatch(/LIMIT \$1::int$/);
    expect(params).toEqual([51]);
    expect(sql).not.toMatch(/OFFSET/i);
  });

  it('turns every filter field into a parameterised condition', () => {
    const from = new Date('2025-01-01T00:00:00.000Z');
    const to = new Date('2025-02-01T00:00:00.000Z');
    const { sql, params } = buildSearch(
      'svc',
      {
        actorSubject: 's',
        actorUsername: 'u',
        entity: 'citizen_request',
        entityId: 'e',
        action: 'export',
        from,
        to,
      },
      {
        first: 10,
        after: { time: '2025-01-15T10:00:00.000001Z', id: '0b7c2f7e-3c1a-4d2b-9a61-5f0e8e2d4c11' },
      },
    );
    expect(sql).toContain(
      'WHERE "actor_subject" = $1 AND "actor_username" = $2 AND "entity" = $3 AND "entity_id" = $4 AND "action" = $5' +
        ' AND "occurred_at" >= $6::timestamptz AND "occurred_at" < $7::timestamptz' +
        ' AND ("occurred_at", "id") < ($8::timestamptz, $9::uuid)',
    );
    expect(params).toEqual([
      's',
      'u',
      'citizen_request',
      'e',
      'export',
      '2025-01-01T00:00:00.000Z',
      '2025-02-01T00:00:00.000Z',
      '2025-01-15T10:00:00.000001Z',
      '0b7c2f7e-3c1a-4d2b-9a61-5f0e8e2d4c11',
      11,
    ]);
    expect(highestPlaceholder(sql)).toBe(params.length);
  });

  it('keeps only the given filters, numbering parameters without gaps', () => {
    const { sql, params } = buildSearch('svc', { action: 'denied' }, { first: 5, after: null });
    expect(sql).toContain('WHERE "action" = $1\n');
    expect(params).toEqual(['denied', 6]);
  });

  it('views a row as plain data, with the cursor of its exact position', () => {
    const searchRow: AuditSearchRow = {
      id: '0b7c2f7e-3c1a-4d2b-9a61-5f0e8e2d4c11',
      occurred_at: new Date('2025-11-22T09:15:03.123Z'),
      position_time: '2025-11-22T09:15:03.123456Z',
      actor_subject: 'sub-1',
      actor_username: 'inspector.aliev',
      actor_roles: ['district_inspector'],
      action: 'read',
      entity: 'citizen_request',
      entity_id: null,
      purpose: null,
      correlation_id: null,
      details: { count: 3 },
    };
    const view = toEntryView(searchRow);
    expect(view).toEqual({
      id: searchRow.id,
      occurredAt: '2025-11-22T09:15:03.123Z',
      actor: { subject: 'sub-1', username: 'inspector.aliev', roles: ['district_inspector'] },
      action: 'read',
      entity: 'citizen_request',
      entityId: null,
      purpose: null,
      correlationId: null,
      details: { count: 3 },
      cursor: encodeCursor({ time: '2025-11-22T09:15:03.123456Z', id: searchRow.id }),
    });
    expect(JSON.parse(JSON.stringify(view))).toEqual(view);
  });
});
