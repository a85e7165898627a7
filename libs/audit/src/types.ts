/**
 * The audit log's plain types. Kazakh personal-data law and the platform's rules: every read of
 * personal data by staff is recorded (who, what, when, why), and nobody edits the record.
 */

/** What was done. `denied`: an attempt refused by authorization (recorded all the same). */
export const AUDIT_ACTIONS = ['read', 'create', 'update', 'delete', 'export', 'denied'] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** Who did it, as the access token says. */
export interface AuditActor {
  /** The token's `sub`. */
  subject: string;
  /** The token's `preferred_username`. */
  username: string;
  /** The realm roles the actor had at the time. */
  roles: string[];
}

/** One audited action, as the caller describes it. */
export interface AuditRecord {
  actor: AuditActor;
  action: AuditAction;
  /** The kind of thing, snake_case: `citizen_request`. */
  entity: string;
  /**
   * One row per (distinct) id. An empty list records one list-level row (`entity_id` null), e.g.
   * a search that found nothing: the search itself is still on record.
   */
  entityIds?: string[];
  /** One row for this id; neither `entityId` nor `entityIds`: a list-level or denied action. */
  entityId?: string;
  /** Why: the operation that did it, e.g. `graphql:citizenRequests`. */
  purpose?: string;
  /**
   * Which fields, how many, which filters: never personal-data values. A JSON object of at most
   * 8 KB.
   */
  details?: Record<string, unknown>;
  /** The correlation id of the work; that of `currentContext()` when not given. */
  correlationId?: string;
}

/** What `AuditLog.search` filters on; every given field must match. */
export interface AuditFilter {
  actorSubject?: string;
  actorUsername?: string;
  entity?: string;
  entityId?: string;
  action?: AuditAction;
  /** Inclusive: `occurred_at >= from`. */
  from?: Date;
  /** Exclusive: `occurred_at < to`. */
  to?: Date;
}

export interface AuditPageRequest {
  /** How many entries, 1 to 200; 50 by default. */
  first?: number;
  /** The `endCursor` (or an entry's `cursor`) of a previous page: the entries after it. */
  after?: string;
}

/** One audit row, plain and serialisable. */
export interface AuditEntryView {
  id: string;
  /** ISO 8601, UTC, milliseconds. */
  occurredAt: string;
  actor: AuditActor;
  action: AuditAction;
  entity: string;
  entityId: string | null;
  purpose: string | null;
  correlationId: string | null;
  details: Record<string, unknown>;
  /** Opaque cursor of this entry: `after` it gives the entries that follow (Relay edge cursor). */
  cursor: string;
}

/** A page of entries, newest first. */
export interface AuditPage {
  entries: AuditEntryView[];
  /** The cursor of the last entry, null for an empty page. */
  endCursor: string | null;
  hasNextPage: boolean;
}

/** An input the audit log refuses, with every problem found; nothing was written. */
export class AuditValidationError extends Error {
  constructor(
    readonly problems: string[],
    context = 'invalid audit input',
  ) {
    super(`${context}: ${problems.join('; ')}`);
    this.name = 'AuditValidationError';
  }
}

/** The audit actor of an authenticated caller (anything with the token's subject, username and roles). */
export function auditActor(user: { subject: string; username: string; roles: string[] }): AuditActor {
  return { subject: user.subject, username: user.username, roles: user.roles };
}
