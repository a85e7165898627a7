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
