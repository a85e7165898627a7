import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { BUILT_IN_CATEGORIES, type CategoryDefinition, type TermRule } from './catalogue';

/** How long a replica trusts its copy of the categories before reading them again. */
const CACHE_MS = 30_000;

/**
 * Categories are data in the `category` table: the built-in catalogue fills in those that are
 * absent (never overwriting a row changed since), and a change in law (a term, a kind allowed) is a
 * change of a row, through `updateTerm` or by an administrator, not a release.
 */
@Injectable()
export class CategoryService implements OnModuleInit {
  private cache?: { at: number; byCode: Map<string, CategoryDefinition> };

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async onModuleInit(): Promise<void> {
    await this.installBuiltIns();
  }

  /** Adds the built-in categories that are not in the table yet. */
  async installBuiltIns(): Promise<number> {
    let added = 0;
    for (const category of BUILT_IN_CATEGORIES) {
      const rows = (await this.dataSource.query(
        `INSERT INTO citizen_requests.category (code, definition, active, built_in) VALUES ($1, $2, $3, true)
         ON CONFLICT (code) DO NOTHING RETURNING code`,
        [category.code, JSON.stringify(category), category.active],
      )) as unknown[];
      added += rows.length;
    }
    this.cache = undefined;
    return added;
  }

  async all(): Promise<CategoryDefinition[]> {
    return [...(await this.load()).values()];
  }

  async active(): Promise<CategoryDefinition[]> {
    return (await this.all()).filter((c) => c.active);
  }

  async get(code: string): Promise<CategoryDefinition | undefined> {
    return (await this.load()).get(code);
  }

  /** Changes the term rule of a category (a change in law); takes effect for requests registered from now on. */
  async updateTerm(em: EntityManager, code: string, term: TermRule, by: string): Promise<CategoryDefinition | undefined> {
    const rows = (await em.query(
      `UPDATE citizen_requests.category SET definition = jsonb_set(definition, '{term}', $2::jsonb), updated_at = now(), updated_by = $3
        WHERE code = $1 RETURNING definition, active`,
      [code, JSON.stringify(term), by],
    )) as [Array<{ definition: CategoryDefinition; active: boolean }>, number];
    this.cache = undefined;
    const row = rows[0]?.[0];
    return row ? { ...row.definition, active: row.active } : undefined;
  }

  private async load(): Promise<Map<string, CategoryDefinition>> {
    if (this.cache && Date.now() - this.cache.at < CACHE_MS) return this.cache.byCode;
    const rows = (await this.dataSource.query(`SELECT definition, active FROM citizen_requests.category ORDER BY code`)) as Array<{
      definition: CategoryDefinition;
      active: boolean;
    }>;
    const byCode = new Map(rows.map((r) => [r.definition.code, { ...r.definition, active: r.active }]));
    this.cache = { at: Date.now(), byCode };
    return byCode;
  }
}
