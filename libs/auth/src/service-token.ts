import type { AuthSettings } from './verifier';

interface TokenResponse {
  access_token?: string;
  expires_in?: number;
  error?: string;
  error_description?: string;
}

/**
 * This service's own access token (client-credentials grant of its confidential client), for
 * calls to other services. Cached until 30 s before expiry; concurrent callers share one request.
 */
export class ServiceTokenClient {
  private cached?: { token: string; refreshAt: number };
  private pending?: Promise<string>;

  constructor(
    private readonly settings: AuthSettings,
    private readonly now: () => number = Date.now,
  ) {}

  get tokenEndpoint(): string {
    return `${this.settings.keycloakUrl.replace(/\/+$/, '')}/realms/${this.settings.realm}/protocol/openid-connect/token`;
  }

  async token(): Promise<string> {
    if (this.cached && this.now() < this.cached.refreshAt) return this.cached.token;
    this.pending ??= this.fetchToken().finally(() => (this.pending = undefined));
    return this.pending;
  }

  /** `Authorization` header value for an outgoing call. */
  async authorization(): Promise<string> {
    return `Bearer ${await this.token()}`;
  }

  private async fetchToken(): Promise<string> {
    if (!this.settings.clientSecret) throw new Error(`no client secret for ${this.settings.clientId}: cannot obtain a service token`);
    const basic = Buffer.from(`${encodeURIComponent(this.settings.clientId)}:${encodeURIComponent(this.settings.clientSecret)}`).toString('base64');
    const response = await fetch(this.tokenEndpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Basic ${basic}` },
      body: new URLSearchParams({ grant_type: 'client_credentials' }).toString(),
    });
    const body = (await response.json().catch(() => ({}))) as TokenResponse;
    if (!response.ok || !body.access_token) {
      throw new Error(`service token for ${this.settings.clientId} refused (${response.status}): ${body.error ?? ''} ${body.error_description ?? ''}`.trim());
    }
    const lifetimeMs = (body.expires_in ?? 60) * 1000;
    this.cached = { token: body.access_token, refreshAt: this.now() + Math.max(lifetimeMs - 30_000, lifetimeMs / 2) };
    return body.access_token;
  }
}

/** A call to another service's GraphQL API failed: unreachable, refused, or answered with errors. */
export class ServiceCallError extends Error {}

/**
 * One GraphQL operation at another service with this service's own token (services talk only
 * through events and GraphQL). Every call has a deadline; any failure is a ServiceCallError that
 * names the service, so callers decide whether to retry, queue or fail.
 */
export async function callServiceGraphql<T>(
  tokens: ServiceTokenClient,
  target: { service: string; url: string; timeoutMs?: number },
  query: string,
  variables: Record<string, unknown> = {},
): Promise<T> {
  let response: Response;
  try {
    response = await fetch(target.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: await tokens.authorization() },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(target.timeoutMs ?? 5000),
    });
  } catch (error) {
    throw new ServiceCallError(`${target.service} did not answer: ${error instanceof Error ? error.message : String(error)}`);
  }
  const body = (await response.json().catch(() => ({}))) as { data?: T; errors?: Array<{ message: string }> };
  if (!response.ok || body.errors?.length || !body.data) {
    throw new ServiceCallError(`${target.service} answered ${response.status}: ${body.errors?.map((e) => e.message).join('; ') ?? 'no data'}`);
  }
  return body.data;
}
