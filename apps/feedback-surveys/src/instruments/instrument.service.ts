import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditLog, auditActor } from '@seriktes/audit';
import type { AuthenticatedUser } from '@seriktes/auth';
import { conflict, invalidInput, notFound } from '@seriktes/runtime';
import { SHIPPED_INSTRUMENTS } from './catalogue';
import { checkDefinition, indicatorsOf, sameDefinition, type Indicator } from './definition';
import type { InstrumentDefinition, InstrumentKind } from './types';

export interface VersionRow {
  id: string;
  instrument_code: string;
  version: number;
  status: 'draft' | 'published' | 'retired';
  definition: InstrumentDefinition;
  change_note: string | null;
  created_by: string;
  created_at: Date;
  published_by: string | null;
  published_at: Date | null;
}

/** A published version, with its indicators, as the rest of the service uses it. */
export interface PublishedVersion {
  id: string;
  code: string;
  version: number;
  kind: InstrumentKind;
  definition: InstrumentDefinition;
  indicators: Indicator[];
}

const COLUMNS = `id, instrument_code, version, status, definition, change_note, created_by, created_at, published_by, published_at`;

/**
 * Instruments as versioned data. A draft may change until it is published; a published version is
 * immutable (the database refuses changes), and publishing a new one retires the previous. Every
 * invitation, response and index cell names the version it belongs to, so versions never mix.
 */
@Injectable()
export class InstrumentService implements OnApplicationBootstrap {
  /** Published versions never change: cached for the life of the process. */
  private readonly published = new Map<string, PublishedVersion>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditLog,
  ) {}

  /** Publishes version 1 of each shipped instrument that is not there yet. */
  async onApplicationBootstrap(): Promise<void> {
    for (const definition of SHIPPED_INSTRUMENTS) {
      await this.dataSource.transaction(async (em) => {
        const created = (await em.query(`INSERT INTO feedback_surveys.instrument (code, kind) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING code`, [definition.code, definition.kind])) as unknown[];
        if (created.length === 0) return;
        await em.query(
          `INSERT INTO feedback_surveys.instrument_version (instrument_code, version, status, definition, change_note, created_by, published_by, published_at)
           VALUES ($1, 1, 'published', $2, 'shipped with the platform', 'system', 'system', now())`,
          [definition.code, JSON.stringify(definition)],
        );
      });
    }
  }

  /** The version with this id, when published or retired (drafts collect no answers). */
  async byId(id: string, em: EntityManager = this.dataSource.manager): Promise<PublishedVersion | undefined> {
    const cached = this.published.get(id);
    if (cached) return cached;
    const [row] = (await em.query(`SELECT ${COLUMNS} FROM feedback_surveys.instrument_version WHERE id = $1 AND status <> 'draft'`, [id])) as VersionRow[];
    return row ? this.remember(row) : undefined;
  }

  /** The current published version of an instrument. */
  async current(code: string, em: EntityManager = this.dataSource.manager): Promise<PublishedVersion | undefined> {
    const [row] = (await em.query(`SELECT ${COLUMNS} FROM feedback_surveys.instrument_version WHERE instrument_code = $1 AND status = 'published'`, [code])) as VersionRow[];
    return row ? this.remember(row) : undefined;
  }

  /** A given version number, or the current one. */
  async resolve(code: string, version?: number | null): Promise<PublishedVersion> {
    const found = version
      ? ((await this.dataSource.query(`SELECT ${COLUMNS} FROM feedback_surveys.instrument_version WHERE instrument_code = $1 AND version = $2 AND status <> 'draft'`, [code, version])) as VersionRow[])[0]
      : undefined;
    const resolved = found ? this.remember(found) : version ? undefined : await this.current(code);
    if (!resolved) throw notFound(version ? `instrument ${code} has no published version ${version}` : `instrument ${code} has no published version`);
    return resolved;
  }

  async instruments(): Promise<Array<{ code: string; kind: InstrumentKind }>> {
    return (await this.dataSource.query(`SELECT code, kind FROM feedback_surveys.instrument ORDER BY code`)) as Array<{ code: string; kind: InstrumentKind }>;
  }

  async versions(code: string): Promise<VersionRow[]> {
    return (await this.dataSource.query(`SELECT ${COLUMNS} FROM feedback_surveys.instrument_version WHERE instrument_code = $1 ORDER BY version DESC`, [code])) as VersionRow[];
  }

  /**
   * Creates or replaces the draft of the next version (a new instrument starts at version 1).
   * Refused with field-level errors when the definition is invalid, names another instrument or
   * kind, or changes nothing against the current version.
   */
  async define(user: AuthenticatedUser, definition: InstrumentDefinition, changeNote: string | null): Promise<VersionRow> {
    const problems = checkDefinition(definition).map((p) => ({ field: `definition.${p.field}`, message: p.message }));
    if (changeNote !== null && changeNote.length > 1000) problems.push({ field: 'changeNote', message: 'at most 1000 characters' });
    if (problems.length > 0) throw invalidInput(problems);
    return this.dataSource.transaction(async (em) => {
      const [instrument] = (await em.query(`SELECT kind FROM feedback_surveys.instrument WHERE code = $1 FOR UPDATE`, [definition.code])) as Array<{ kind: InstrumentKind }>;
      if (instrument && instrument.kind !== definition.kind) throw invalidInput([{ field: 'definition.kind', message: `instrument ${definition.code} is of kind ${instrument.kind}` }]);
      if (!instrument) await em.query(`INSERT INTO feedback_surveys.instrument (code, kind) VALUES ($1, $2)`, [definition.code, definition.kind]);
      const current = await this.current(definition.code, em);
      if (current && sameDefinition(current.definition, definition)) {
        throw invalidInput([{ field: 'definition', message: `identical to the published version ${current.version}: nothing to version` }]);
      }
      // UPDATE ... RETURNING answers [rows, count].
      const [[draft]] = (await em.query(
        `UPDATE feedback_surveys.instrument_version SET definition = $2, change_note = $3, created_by = $4, created_at = now()
          WHERE instrument_code = $1 AND status = 'draft' RETURNING ${COLUMNS}`,
        [definition.code, JSON.stringify(definition), changeNote, user.username],
      )) as [VersionRow[], number];
      const row =
        draft ??
        ((await em.query(
          `INSERT INTO feedback_surveys.instrument_version (instrument_code, version, status, definition, change_note, created_by)
           SELECT $1, coalesce(max(version), 0) + 1, 'draft', $2, $3, $4 FROM feedback_surveys.instrument_version WHERE instrument_code = $1
           RETURNING ${COLUMNS}`,
          [definition.code, JSON.stringify(definition), changeNote, user.username],
        )) as VersionRow[])[0];
      await this.audit.record({ actor: auditActor(user), action: draft ? 'update' : 'create', entity: 'instrument_version', entityId: row.id, purpose: 'define-survey-version', details: { instrument: definition.code, version: row.version } }, em);
      return row;
    });
  }

  /** Publishes the draft: it becomes the current version, the previous one is retired (kept, read-only). */
  async publish(user: AuthenticatedUser, code: string): Promise<VersionRow> {
    return this.dataSource.transaction(async (em) => {
      await em.query(`SELECT code FROM feedback_surveys.instrument WHERE code = $1 FOR UPDATE`, [code]);
      const [draft] = (await em.query(`SELECT ${COLUMNS} FROM feedback_surveys.instrument_version WHERE instrument_code = $1 AND status = 'draft'`, [code])) as VersionRow[];
      if (!draft) throw conflict(`instrument ${code} has no draft to publish`, 'instrumentCode');
      await em.query(`UPDATE feedback_surveys.instrument_version SET status = 'retired' WHERE instrument_code = $1 AND status = 'published'`, [code]);
      const [[row]] = (await em.query(
        `UPDATE feedback_surveys.instrument_version SET status = 'published', published_by = $2, published_at = now() WHERE id = $1 RETURNING ${COLUMNS}`,
        [draft.id, user.username],
      )) as [VersionRow[], number];
      await this.audit.record({ actor: auditActor(user), action: 'update', entity: 'instrument_version', entityId: row.id, purpose: 'publish-survey-version', details: { instrument: code, version: row.version } }, em);
      return row;
    });
  }

  private remember(row: VersionRow): PublishedVersion {
    const version: PublishedVersion = {
      id: row.id,
      code: row.instrument_code,
      version: row.version,
      kind: row.definition.kind,
      definition: row.definition,
      indicators: indicatorsOf(row.definition),
    };
    this.published.set(row.id, version);
    return version;
  }
}
