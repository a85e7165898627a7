import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { PartnerClient } from '../intake/intake.service';

export type { PartnerClient };

const CHANNELS: ReadonlyArray<PartnerClient['channel']> = ['open311', 'telegram', 'partner'];
const CLIENT_ID = /^[a-z][a-z0-9-]{1,63}$/;
/** Our keys are 43 characters after the prefix; anything far off is not worth a query. */
const KEY_LENGTH = { min: 16, max: 256 };
const KEY_PREFIX = 'o311_';

/**
 * SHA-256 of an API key, hex. A plain fast hash is right here: the keys are 256 random bits (not
 * passwords a person chose), so there is nothing to brute-force, and a deterministic hash lets the
 * lookup use the unique index on `api_key_hash`. The key itself is never stored.
 */
export function hashApiKey(apiKey: string): string {
  return createHash('sha256').update(apiKey, 'utf8').digest('hex');
}

/**
 * Partner clients of the Open311 API (apps, the Telegram bot, partner organisations), in
 * `citizen_requests.client`: each registers through its own channel with an api_key.
 */
@Injectable()
export class Open311Clients {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The active client holding this key, or null (unknown, inactive, or no key at all). */
  async authenticate(apiKey: unknown): Promise<PartnerClient | null> {
    if (typeof apiKey !== 'string' || apiKey.length < KEY_LENGTH.min || apiKey.length > KEY_LENGTH.max) return null;
    const hash = hashApiKey(apiKey);
    const rows = (await this.dataSource.query(`SELECT id, name, channel, api_key_hash FROM citizen_requests.client WHERE api_key_hash = $1 AND active`, [hash])) as Array<
      PartnerClient & { api_key_hash: string }
    >;
    const row = rows[0];
    // The index found it by the hash; compare again in constant time so that no code path
    // depends on a byte-by-byte comparison of secrets.
    if (!row || !timingSafeEqual(Buffer.from(row.api_key_hash, 'hex'), Buffer.from(hash, 'hex'))) return null;
    return { id: row.id, name: row.name, channel: row.channel };
  }

  /** Registers a client; returns its new api_key, to hand over once (only its hash is kept). */
  async create(id: string, name: string, channel: PartnerClient['channel']): Promise<string> {
    if (!CLIENT_ID.test(id)) throw new Error(`client id must match ${CLIENT_ID.source}`);
    if (!name.trim()) throw new Error('client name is required');
    if (!CHANNELS.includes(channel)) throw new Error(`client channel must be one of ${CHANNELS.join(', ')}`);
    const apiKey = `${KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
    await this.dataSource.query(`INSERT INTO citizen_requests.client (id, name, channel, api_key_hash, active) VALUES ($1, $2, $3, $4, true)`, [
      id,
      name.trim(),
      channel,
      hashApiKey(apiKey),
    ]);
    return apiKey;
  }

  /** A new key for a client (the old one stops working at once); null if there is no such client. */
  async rotate(id: string): Promise<string | null> {
    const apiKey = `${KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
    const [, count] = (await this.dataSource.query(`UPDATE citizen_requests.client SET api_key_hash = $2 WHERE id = $1`, [id, hashApiKey(apiKey)])) as [unknown, number];
    return count > 0 ? apiKey : null;
  }

  /** Stops a client's key working (its requests stay); false if there is no such client. */
  async deactivate(id: string): Promise<boolean> {
    const [, count] = (await this.dataSource.query(`UPDATE citizen_requests.client SET active = false WHERE id = $1`, [id])) as [unknown, number];
    return count > 0;
  }
}
