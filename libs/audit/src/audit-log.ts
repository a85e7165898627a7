import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { currentContext } from '@seriktes/observability';
import { buildInsert, buildSearch, toEntryView, type AuditSearchRow } from './query';
import type { AuditFilter, AuditPage, AuditPageRequest, AuditRecord } from './types';
import { checkFilter, checkPage, toAuditRows } from './validation';

/**
 * The audit log of this service, in its own schema (that of the DataSource): who read or changed
 * personal data, what, when and why. Append-only; reading it is for the `prosecutor_oversight`
 * and `platform_admin` roles, which the caller of `search` checks.
 */
@Injectable()
export class AuditLog {
  private readonly schema: string;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    this.schema = String((dataSource.options as { schema?: string }).schema ?? 'public');
  }

  /**
   * Writes the entries (one row per entity id) in one multi-row INSERT. With `em`, inside the
   * caller's open transaction: a change that rolls back leaves no row saying it happened. Reads are
   * best recorded without `em` (or in a transaction that commits), since the read happened anyway.
   * The correlation id is that of `currentContext()` unless an entry gives one. Throws an
   * `AuditValidationError` listing every problem, and then writes nothing; an empty list is a no-op.
   */
  async record(entries: AuditRecord | AuditRecord[], em?: EntityManager): Promise<void> {
    if (em && !em.queryRunner?.isTransactionActive) {
      throw new Error(
        'AuditLog.record(entries, em) needs the EntityManager of an open transaction (dataSource.transaction(em => ...)); leave em out to write on its own',
      );
    }
    const rows = toAuditRows(entries, currentContext()?.correlationId);
    if (!rows.length) return;
    const { sql, params } = buildInsert(this.schema, rows);
    await (em ?? this.dataSource).query(sql, params);
  }

  /**
   * The entries matching every field of `filter`, newest first, `first` (default 50, at most 200)
   * at a time after the cursor `after`. Throws an `AuditValidationError` on a bad filter, size or
   * cursor.
   */
  async search(filter: AuditFilter, page: AuditPageRequest = {}): Promise<AuditPage> {
    const checkedFilter = checkFilter(filter);
    const checkedPage = checkPage(page);
    const { sql, params } = buildSearch(this.schema, checkedFilter, checkedPage);
    const rows = (await this.dataSource.query(sql, params)) as AuditSearchRow[];
    const entries = rows.slice(0, checkedPage.first).map(toEntryView);
    return {
      entries,
      endCursor: entries.length ? entries[entries.length - 1].cursor : null,
      hasNextPage: rows.length > checkedPage.first,
    };
  }
}
