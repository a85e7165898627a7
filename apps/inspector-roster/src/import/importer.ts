/**
 * Loads territory and inspectors into the roster: reference data (regions, districts), precinct
 * boundaries from GeoJSON and inspectors from CSV. A file is checked completely before anything is
 * written; with errors, nothing is imported unless `skipInvalid` is set, and then only the valid
 * rows are. Everything a file changes is written in one transaction (all or nothing), with its
 * assignment events and an audit entry.
 */
import type { DataSource, EntityManager } from 'typeorm';
import type { AuditLog } from '@seriktes/audit';
import type { Actor, AssignInput } from '../inspectors/assignment.service';
import { actorOf } from '../inspectors/assignment.service';
import { localDateOf } from '../duty/rules/time';
import { interiorsOverlap, outerRingLiterals, type Boundary } from '../territory/geometry';
import { parseInspectorFile, type InspectorImportRow } from './inspector-file';
import { parsePrecinctFile, type ImportError, type PrecinctImportRow } from './precinct-file';

export interface ImportOptions {
  /** Import the valid rows of a file that has errors (default: import nothing). */
  skipInvalid?: boolean;
  /** Check only; write nothing. */
  dryRun?: boolean;
  actor: Actor;
  /** Called after each batch with rows done and rows in all. */
  onProgress?: (done: number, total: number) => void;
}

export interface ImportReport {
  kind: 'precincts' | 'inspectors';
  /** Rows (features or CSV records) in the file. */
  rows: number;
  /** Rows written. */
  imported: number;
  /** Every bad row, with its line and reason. */
  errors: ImportError[];
  /** Whether anything was written. */
  applied: boolean;
}

export interface ReferenceRegion {
  code: string;
  kind: 'city' | 'region' | 'transport';
  name: { kk: string; ru: string; en: string };
  department: { kk: string; ru: string; en: string };
  seat: { lon: number; lat: number } | null;
}

export interface ReferenceDistrict {
  code: string;
  regionCode: string;
  kind: 'city' | 'city_district' | 'rural_district' | 'transport_line';
  name: { kk: string; ru: string; en: string };
}

/** The assignment step the importer needs (AssignmentService.assignIn). */
export interface Assigner {
  assignIn(em: EntityManager, input: AssignInput, actor: Actor): Promise<unknown>;
}

const BATCH = 500;

export class RosterImporter {
  constructor(
    private readonly dataSource: DataSource,
    private readonly assigner: Assigner,
    private readonly audit: AuditLog,
  ) {}

  /** Regions and districts (upserted by code; names may change, codes never do). */
  async loadReference(regions: readonly ReferenceRegion[], districts: readonly ReferenceDistrict[], actor: Actor): Promise<void> {
    await this.dataSource.transaction(async (em) => {
      for (const r of regions) {
        await em.query(
          `INSERT INTO inspector_roster.region (code, kind, name_kk, name_ru, name_en, department_kk, department_ru, department_en, seat_lon, seat_lat)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
           ON CONFLICT (code) DO UPDATE SET kind = EXCLUDED.kind, name_kk = EXCLUDED.name_kk, name_ru = EXCLUDED.name_ru, name_en = EXCLUDED.name_en,
             department_kk = EXCLUDED.department_kk, department_ru = EXCLUDED.department_ru, department_en = EXCLUDED.department_en,
             seat_lon = EXCLUDED.seat_lon, seat_lat = EXCLUDED.seat_lat`,
          [r.code, r.kind, r.name.kk, r.name.ru, r.name.en, r.department.kk, r.department.ru, r.department.en, r.seat?.lon ?? null, r.seat?.lat ?? null],
        );
      }
      for (const d of districts) {
        await em.query(
          `INSERT INTO inspector_roster.district (code, region_code, kind, name_kk, name_ru, name_en) VALUES ($1, $2, $3, $4, $5, $6)
           ON CONFLICT (code) DO UPDATE SET kind = EXCLUDED.kind, name_kk = EXCLUDED.name_kk, name_ru = EXCLUDED.name_ru, name_en = EXCLUDED.name_en`,
          [d.code, d.regionCode, d.kind, d.name.kk, d.name.ru, d.name.en],
        );
      }
      await this.audit.record({ actor: actorOf(actor), action: 'update', entity: 'territory_reference', purpose: 'import', details: { regions: regions.length, districts: districts.length } }, em);
    });
  }

  async importPrecincts(text: string, options: ImportOptions): Promise<ImportReport> {
    const knownDistricts = new Set(((await this.dataSource.query(`SELECT code FROM inspector_roster.district`)) as Array<{ code: string }>).map((r) => r.code));
    const parsed = parsePrecinctFile(text, { knownDistricts });
    const errors = [...parsed.errors];
    const rows = parsed.rows.filter((row) => !errors.some((e) => e.line === row.line));
    errors.push(...(await this.overlapsWithStored(rows)));
    const valid = rows.filter((row) => !errors.some((e) => e.line === row.line));
    const total = parsed.rows.length + new Set(parsed.errors.map((e) => e.index ?? e.line)).size;
    const report: ImportReport = { kind: 'precincts', rows: total, imported: 0, errors: errors.sort((a, b) => a.line - b.line), applied: false };
    if ((errors.length && !options.skipInvalid) || options.dryRun || !valid.length) return report;
    await this.dataSource.transaction(async (em) => {
      for (let i = 0; i < valid.length; i += BATCH) {
        await this.writePrecincts(em, valid.slice(i, i + BATCH));
        options.onProgress?.(Math.min(i + BATCH, valid.length), valid.length);
      }
      await this.audit.record({ actor: actorOf(options.actor), action: 'update', entity: 'precinct', purpose: 'import', details: { imported: valid.length, skipped: errors.length } }, em);
    });
    return { ...report, imported: valid.length, applied: true };
  }

  /** Rows whose area overlaps a stored precinct of another code (one the file does not replace). */
  private async overlapsWithStored(rows: readonly PrecinctImportRow[]): Promise<ImportError[]> {
    const errors: ImportError[] = [];
    const inFile = rows.map((r) => r.code);
    for (let i = 0; i < rows.length; i += BATCH) {
      const batch = rows.slice(i, i + BATCH);
      const shapes = batch.flatMap((row, k) => outerRingLiterals(row.boundary).map((shape) => ({ k, shape })));
      const hits = (await this.dataSource.query(
        `SELECT DISTINCT u.k, p.code, p.boundary
           FROM unnest($1::int[], $2::polygon[]) AS u(k, shape)
           JOIN inspector_roster.precinct_shape s ON s.shape && u.shape
           JOIN inspector_roster.precinct p ON p.code = s.precinct_code
          WHERE NOT (s.precinct_code = ANY($3))`,
        [shapes.map((s) => s.k), shapes.map((s) => s.shape), inFile],
      )) as Array<{ k: number; code: string; boundary: Boundary }>;
      for (const hit of hits) {
        const row = batch[hit.k];
        if (interiorsOverlap(row.boundary, hit.boundary) && !errors.some((e) => e.line === row.line)) {
          errors.push({ line: row.line, index: row.index, key: 'geometry', reason: `overlaps precinct ${hit.code}, already in the roster` });
        }
      }
    }
    return errors;
  }

  private async writePrecincts(em: EntityManager, rows: readonly PrecinctImportRow[]): Promise<void> {
    const col = <T>(f: (r: PrecinctImportRow) => T) => rows.map(f);
    await em.query(
      `INSERT INTO inspector_roster.precinct (code, district_code, region_code, number, name_kk, name_ru, name_en, boundary, population, area_km2, settlement_type,
                                              point_address, point_lon, point_lat, reception_hours, updated_at)
       SELECT u.*, now() FROM unnest($1::text[], $2::text[], $3::text[], $4::int[], $5::text[], $6::text[], $7::text[], $8::jsonb[], $9::int[], $10::float8[], $11::text[],
                                      $12::text[], $13::float8[], $14::float8[], $15::text[]) AS u
       ON CONFLICT (code) DO UPDATE SET name_kk = EXCLUDED.name_kk, name_ru = EXCLUDED.name_ru, name_en = EXCLUDED.name_en, boundary = EXCLUDED.boundary,
         population = EXCLUDED.population, area_km2 = EXCLUDED.area_km2, settlement_type = EXCLUDED.settlement_type, point_address = EXCLUDED.point_address,
         point_lon = EXCLUDED.point_lon, point_lat = EXCLUDED.point_lat, reception_hours = EXCLUDED.reception_hours, updated_at = now()`,
      [
        col((r) => r.code),
        col((r) => r.districtCode),
        col((r) => r.code.slice(0, 3)),
        col((r) => r.number),
        col((r) => r.name.kk),
        col((r) => r.name.ru),
        col((r) => r.name.en),
        col((r) => JSON.stringify(r.boundary)),
        col((r) => r.population),
        col((r) => r.areaKm2),
        col((r) => r.settlementType),
        col((r) => r.point?.address ?? null),
        col((r) => r.point?.lon ?? null),
        col((r) => r.point?.lat ?? null),
        col((r) => r.point?.receptionHours ?? null),
      ],
    );
    const shapes = rows.flatMap((r) => outerRingLiterals(r.boundary).map((shape, part) => ({ code: r.code, part, shape })));
    await em.query(`DELETE FROM inspector_roster.precinct_shape WHERE precinct_code = ANY($1)`, [rows.map((r) => r.code)]);
    await em.query(`INSERT INTO inspector_roster.precinct_shape (precinct_code, part, shape) SELECT * FROM unnest($1::text[], $2::int[], $3::polygon[])`, [
      shapes.map((s) => s.code),
      shapes.map((s) => s.part),
      shapes.map((s) => s.shape),
    ]);
  }

  async importInspectors(text: string, options: ImportOptions): Promise<ImportReport> {
    const knownDistricts = new Set(((await this.dataSource.query(`SELECT code FROM inspector_roster.district`)) as Array<{ code: string }>).map((r) => r.code));
    const knownPrecincts = new Set(((await this.dataSource.query(`SELECT code FROM inspector_roster.precinct`)) as Array<{ code: string }>).map((r) => r.code));
    const parsed = parseInspectorFile(text, { knownDistricts, knownPrecincts });
    const errors = [...parsed.errors];
    // A username already held by another inspector in the roster.
    const holders = new Map(
      ((await this.dataSource.query(`SELECT username, personal_number FROM inspector_roster.inspector WHERE username = ANY($1)`, [
        parsed.rows.map((r) => r.username).filter((u): u is string => u !== null),
      ])) as Array<{ username: string; personal_number: string }>).map((r) => [r.username, r.personal_number]),
    );
    for (const row of parsed.rows) {
      const holder = row.username === null ? undefined : holders.get(row.username);
      if (holder !== undefined && holder !== row.personalNumber) errors.push({ line: row.line, key: 'username', reason: `username ${row.username} belongs to inspector ${holder} in the roster` });
    }
    const lines = new Set(errors.map((e) => e.line));
    const valid = parsed.rows.filter((r) => !lines.has(r.line));
    errors.sort((a, b) => a.line - b.line);
    const report: ImportReport = { kind: 'inspectors', rows: parsed.rows.length + new Set(parsed.errors.map((e) => e.line)).size, imported: 0, errors, applied: false };
    if ((errors.length && !options.skipInvalid) || options.dryRun || !valid.length) return report;
    const assignmentErrors: ImportError[] = [];
    await this.dataSource.transaction(async (em) => {
      for (let i = 0; i < valid.length; i += BATCH) {
        const batch = valid.slice(i, i + BATCH);
        const ids = await this.writeInspectors(em, batch);
        for (const row of batch) {
          if (row.precinctCode === null) continue;
          const id = ids.get(row.personalNumber) as string;
          const current = (await em.query(`SELECT 1 FROM inspector_roster.assignment WHERE inspector_id = $1 AND precinct_code = $2 AND valid_to IS NULL`, [id, row.precinctCode])) as unknown[];
          if (current.length) continue;
          try {
            await this.assigner.assignIn(em, { inspectorId: id, precinctCode: row.precinctCode, validFrom: row.assignedFrom ?? localDateOf(new Date()), reason: 'import' }, options.actor);
          } catch (error) {
            assignmentErrors.push({ line: row.line, key: 'precinct_code', reason: error instanceof Error ? error.message : String(error) });
          }
        }
        options.onProgress?.(Math.min(i + BATCH, valid.length), valid.length);
      }
      if (assignmentErrors.length && !options.skipInvalid) throw new AssignmentRejected();
      await this.audit.record({ actor: actorOf(options.actor), action: 'update', entity: 'inspector', purpose: 'import', details: { imported: valid.length, skipped: errors.length + assignmentErrors.length } }, em);
    }).catch((error: unknown) => {
      if (!(error instanceof AssignmentRejected)) throw error;
    });
    const allErrors = [...errors, ...assignmentErrors].sort((a, b) => a.line - b.line);
    if (assignmentErrors.length && !options.skipInvalid) return { ...report, errors: allErrors };
    return { ...report, errors: allErrors, imported: valid.length, applied: true };
  }

  /** Upserts inspectors by personal number; returns their ids by personal number. */
  private async writeInspectors(em: EntityManager, rows: readonly InspectorImportRow[]): Promise<Map<string, string>> {
    const col = <T>(f: (r: InspectorImportRow) => T) => rows.map(f);
    const result = (await em.query(
      `INSERT INTO inspector_roster.inspector (personal_number, last_name, first_name, patronymic, rank, position, unit_code, phone, username, service_start)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::date[])
       ON CONFLICT (personal_number) DO UPDATE SET last_name = EXCLUDED.last_name, first_name = EXCLUDED.first_name, patronymic = EXCLUDED.patronymic,
         rank = EXCLUDED.rank, position = EXCLUDED.position, unit_code = EXCLUDED.unit_code, phone = EXCLUDED.phone, username = EXCLUDED.username,
         service_start = EXCLUDED.service_start, updated_at = now()
       RETURNING id, personal_number`,
      [
        col((r) => r.personalNumber),
        col((r) => r.lastName),
        col((r) => r.firstName),
        col((r) => r.patronymic),
        col((r) => r.rank),
        col((r) => r.position),
        col((r) => r.unitCode),
        col((r) => r.phone),
        col((r) => r.username),
        col((r) => r.serviceStart),
      ],
    )) as Array<{ id: string; personal_number: string }>;
    return new Map(result.map((r) => [r.personal_number, r.id]));
  }
}

/** Rolls the transaction back when an assignment of the file was refused and skipping was not asked. */
class AssignmentRejected extends Error {}
