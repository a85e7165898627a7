import { Inject, Injectable, Logger } from '@nestjs/common';
import { callServiceGraphql, ServiceTokenClient } from '@seriktes/auth';
import type { DutySnapshot } from './rules';

export const ROSTER_GRAPHQL_URL = Symbol('ROSTER_GRAPHQL_URL');

export interface LocatedPrecinct {
  precinctCode: string;
  districtCode: string;
  regionCode: string;
  match: string;
  distanceMetres: number;
}

export class RosterUnavailableError extends Error {}

/**
 * The inspector roster, asked through its GraphQL API with this service's own token (services talk
 * only through events and GraphQL). Every call has a deadline; a failure is a RosterUnavailableError
 * so that intake can still register the request and route it later.
 */
@Injectable()
export class RosterClient {
  private readonly logger = new Logger('RosterClient');

  constructor(
    @Inject(ROSTER_GRAPHQL_URL) private readonly url: string,
    private readonly tokens: ServiceTokenClient,
  ) {}

  /** The precinct at a point (inside, on a boundary, or nearest within `withinMetres`); null if none. */
  async locate(lat: number, lon: number, withinMetres = 1000): Promise<LocatedPrecinct | null> {
    const data = await this.query<{ locatePrecinct: null | { match: string; distanceMetres: number; precinct: { code: string; districtCode: string; regionCode: string } } }>(
      `query Locate($lat: Float!, $lon: Float!, $within: Float) {
         locatePrecinct(lat: $lat, lon: $lon, withinMetres: $within) { match distanceMetres precinct { code districtCode regionCode } }
       }`,
      { lat, lon, within: withinMetres },
    );
    const found = data.locatePrecinct;
    return found ? { precinctCode: found.precinct.code, districtCode: found.precinct.districtCode, regionCode: found.precinct.regionCode, match: found.match, distanceMetres: found.distanceMetres } : null;
  }

  /** Whether a precinct exists (for a precinct given by staff or by a precinct point). */
  async precinctExists(code: string): Promise<boolean> {
    const data = await this.query<{ precinct: { code: string } | null }>(`query P($code: String!) { precinct(code: $code) { code } }`, { code });
    return data.precinct !== null;
  }

  /** Who answers for a precinct now; null for an unknown precinct. */
  async onDuty(precinctCode: string, at: Date): Promise<DutySnapshot | null> {
    const data = await this.query<{
      onDuty: null | {
        fallback: boolean;
        officers: Array<{ inspector: { id: string; fullName: string } }>;
        absent: Array<{ reason: string; inspector: { id: string; fullName: string } }>;
      };
    }>(
      `query Duty($code: String!, $at: String) {
         onDuty(precinctCode: $code, at: $at) { fallback officers { inspector { id fullName } } absent { reason inspector { id fullName } } }
       }`,
      { code: precinctCode, at: at.toISOString() },
    );
    if (!data.onDuty) return null;
    return {
      fallback: data.onDuty.fallback,
      officers: data.onDuty.officers.map((o) => o.inspector),
      absent: data.onDuty.absent.map((o) => ({ ...o.inspector, reason: o.reason })),
    };
  }

  private async query<T>(query: string, variables: Record<string, unknown>): Promise<T> {
    try {
      return await callServiceGraphql<T>(this.tokens, { service: 'the inspector roster', url: this.url, timeoutMs: 3000 }, query, variables);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.logger.warn(`roster call failed: ${message}`);
      throw new RosterUnavailableError(message);
    }
  }
}
