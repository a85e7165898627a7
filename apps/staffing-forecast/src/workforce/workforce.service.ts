import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditLog, auditActor } from '@seriktes/audit';
import { forbidden, type AuthenticatedUser } from '@seriktes/auth';
import { invalidInput } from '@seriktes/runtime';
import type { DataSource, EntityManager } from 'typeorm';
import { mayEnterFacts, mayReadRuns } from '../access';
import { monthOf } from '../inputs/months';
import { parseFactsCsv, validateFact, type RawFact, type RowError, type WorkforceFact } from './facts';

const S = 'staffing_forecast';
/** Largest CSV accepted in one import (characters): about 50,000 lines. */
export const MAX_CSV = 5_000_000;

export interface FactRow {
  territory_code: string;
  period: string;
  authorised: number;
  filled: number;
  hires: number;
  departures_retirement: number;
  departures_own_request: number;
  departures_negative: number;
  departures_transfer: number;
  departures_other: number;
  expected_retirements: number;
  training_lead_months: number | null;
  source: string;
  entered_by: string;
}

/**
 * Workforce facts: entered one at a time or imported as CSV by HR planners within their territory.
 * An import is checked row by row and written whole or not at all; every write is audit-logged.
 */
@Injectable()
export class WorkforceService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditLog,
  ) {}

  async record(user: AuthenticatedUser, raw: RawFact): Promise<FactRow> {
    const { fact, errors } = validateFact(raw, monthOf(new Date()));
    if (!fact) throw invalidInput(errors);
    if (!mayEnterFacts(user, fact.territoryCode)) throw forbidden(`no workforce facts of ${fact.territoryCode} for you`);
    return this.dataSource.transaction(async (em) => {
      const [row] = await this.write(em, [fact], 'manual', user.username);
      await this.audit.record({ actor: auditActor(user), action: 'update', entity: 'workforce_fact', entityId: `${fact.territoryCode}:${fact.period.slice(0, 7)}`, purpose: 'graphql:recordWorkforceFacts' }, em);
      return row;
    });
  }

  async import(user: AuthenticatedUser, csv: string): Promise<{ imported: number; errors: RowError[] }> {
    if (csv.length > MAX_CSV) throw invalidInput([{ field: 'csv', message: `must be at most ${MAX_CSV} characters; split the file` }]);
    const { facts, errors } = parseFactsCsv(csv, monthOf(new Date()));
    if (errors.length) return { imported: 0, errors };
    // Territory is checked per row too, so the planner sees every line outside their scope.
    const outside: RowError[] = [];
    facts.forEach((f, i) => {
      if (!mayEnterFacts(user, f.territoryCode)) outside.push({ line: i + 2, field: 'territory_code', message: `${f.territoryCode} is outside your territory` });
    });
    if (outside.length) return { imported: 0, errors: outside };
    await this.dataSource.transaction(async (em) => {
      for (let i = 0; i < facts.length; i += 1000) await this.write(em, facts.slice(i, i + 1000), 'csv', user.username);
      await this.audit.record({ actor: auditActor(user), action: 'create', entity: 'workforce_fact', entityIds: [], purpose: 'graphql:importWorkforceFacts', details: { rows: facts.length, territories: [...new Set(facts.map((f) => f.territoryCode))].slice(0, 50) } }, em);
    });
    return { imported: facts.length, errors: [] };
  }

  async list(user: AuthenticatedUser, territoryCode: string, from: string | null, to: string | null): Promise<FactRow[]> {
    if (!mayReadRuns(user, territoryCode)) throw forbidden(`no workforce facts of ${territoryCode} for you`);
    return this.dataSource.query(
      `SELECT territory_code, to_char(period, 'YYYY-MM') AS period, authorised, filled, hires, departures_retirement, departures_own_request, departures_negative,
              departures_transfer, departures_other, expected_retirements, training_lead_months, source, entered_by
         FROM ${S}.workforce_fact
        WHERE ($1 = 'KAZ' OR starts_with(territory_code || '-', $1 || '-')) AND ($2::date IS NULL OR period >= $2) AND ($3::date IS NULL OR period <= $3)
        ORDER BY territory_code, period LIMIT 5000`,
      [territoryCode, from, to],
    );
  }

  private async write(em: EntityManager, facts: WorkforceFact[], source: 'manual' | 'csv', by: string): Promise<FactRow[]> {
    return em.query(
      `INSERT INTO ${S}.workforce_fact (territory_code, period, authorised, filled, hires, departures_retirement, departures_own_request, departures_negative,
                                        departures_transfer, departures_other, expected_retirements, training_lead_months, source, entered_by)
       SELECT x.territory_code, x.period, x.authorised, x.filled, x.hires, x.departures_retirement, x.departures_own_request, x.departures_negative,
              x.departures_transfer, x.departures_other, x.expected_retirements, x.training_lead_months, $2, $3
         FROM jsonb_to_recordset($1::jsonb) AS x(territory_code text, period date, authorised int, filled int, hires int, departures_retirement int, departures_own_request int,
                                                departures_negative int, departures_transfer int, departures_other int, expected_retirements int, training_lead_months int)
       ON CONFLICT (territory_code, period) DO UPDATE SET authorised = EXCLUDED.authorised, filled = EXCLUDED.filled, hires = EXCLUDED.hires,
         departures_retirement = EXCLUDED.departures_retirement, departures_own_request = EXCLUDED.departures_own_request, departures_negative = EXCLUDED.departures_negative,
         departures_transfer = EXCLUDED.departures_transfer, departures_other = EXCLUDED.departures_other, expected_retirements = EXCLUDED.expected_retirements,
         training_lead_months = EXCLUDED.training_lead_months, source = EXCLUDED.source, entered_by = EXCLUDED.entered_by, entered_at = now()
       RETURNING territory_code, to_char(period, 'YYYY-MM') AS period, authorised, filled, hires, departures_retirement, departures_own_request, departures_negative,
                 departures_transfer, departures_other, expected_retirements, training_lead_months, source, entered_by`,
      [
        JSON.stringify(
          facts.map((f) => ({
            territory_code: f.territoryCode,
            period: f.period,
            authorised: f.authorised,
            filled: f.filled,
            hires: f.hires,
            departures_retirement: f.departuresRetirement,
            departures_own_request: f.departuresOwnRequest,
            departures_negative: f.departuresNegative,
            departures_transfer: f.departuresTransfer,
            departures_other: f.departuresOther,
            expected_retirements: f.expectedRetirements,
            training_lead_months: f.trainingLeadMonths,
          })),
        ),
        source,
        by,
      ],
    );
  }
}
