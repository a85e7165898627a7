import { Controller, Get, Inject, Param, Post, Req, Res } from '@nestjs/common';
import type { IdentityDevConfig } from './config';
import { IdentityProvider, type OidcAnswer, type OidcRequest } from './oidc';

export const IDENTITY_CONFIG = Symbol('IDENTITY_CONFIG');

interface HttpRequest {
  headers: Record<string, string | string[] | undefined>;
  body?: unknown;
  query?: unknown;
  socket: { localPort?: number; remoteAddress?: string };
}
interface HttpResponse {
  status(code: number): HttpResponse;
  setHeader(name: string, value: string): void;
  json(body: unknown): void;
  end(): void;
}

const header = (req: HttpRequest, name: string) => {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
};
/** The form parameters; like Keycloak, only an application/x-www-form-urlencoded body has any. */
const form = (req: HttpRequest): Record<string, unknown> => {
  const isForm = /^application\/x-www-form-urlencoded\b/i.test(header(req, 'content-type') ?? '');
  const body = req.body;
  return isForm && typeof body === 'object' && body !== null && !Array.isArray(body)
    ? (body as Record<string, unknown>)
    : {};
};

/** Keycloak's OpenID Connect paths; every decision is the provider's. */
@Controller('realms/:realm')
export class OidcController {
  constructor(
    private readonly provider: IdentityProvider,
    @Inject(IDENTITY_CONFIG) private readonly config: Pick<IdentityDevConfig, 'IDENTITY_DEV_PUBLIC_URL'>,
  ) {}

  @Get()
  realmInfo(@Param('realm') realm: string, @Req() req: HttpRequest, @Res() res: HttpResponse): void {
    send(res, this.provider.realmInfo(this.request(realm, req)));
  }

  @Get('.well-known/openid-configuration')
  discovery(@Param('realm') realm: string, @Req() req: HttpRequest, @Res() res: HttpResponse): void {
    send(res, this.provider.discovery(this.request(realm, req)));
  }

  @Get('protocol/openid-connect/certs')
  certs(@Param('realm') realm: string, @Req() req: HttpRequest, @Res() res: HttpResponse): void {
    send(res, this.provider.certs(this.request(realm, req)));
  }

  @Post('protocol/openid-connect/token')
  async token(
    @Param('realm') realm: string,
    @Req() req: HttpRequest,
    @Res() res: HttpResponse,
  ): Promise<void> {
    send(res, await this.provider.token(this.request(realm, req, form(req))));
  }

  @Post('protocol/openid-connect/token/introspect')
  async introspect(
    @Param('realm') realm: string,
    @Req() req: HttpRequest,
    @Res() res: HttpResponse,
  ): Promise<void> {
    send(res, await this.provider.introspect(this.request(realm, req, form(req))));
  }

  @Get('protocol/openid-connect/userinfo')
  async userinfoGet(
    @Param('realm') realm: string,
    @Req() req: HttpRequest,
    @Res() res: HttpResponse,
  ): Promise<void> {
    send(res, await this.provider.userinfo(this.request(realm, req, {})));
  }

  @Post('protocol/openid-connect/userinfo')
  async userinfoPost(
    @Param('realm') realm: string,
    @Req() req: HttpRequest,
    @Res() res: HttpResponse,
  ): Promise<void> {
    send(res, await this.provider.userinfo(this.request(realm, req, form(req))));
  }

  @Post('protocol/openid-connect/logout')
  async logout(
    @Param('realm') realm: string,
    @Req() req: HttpRequest,
    @Res() res: HttpResponse,
  ): Promise<void> {
    send(res, await this.provider.logout(this.request(realm, req, form(req))));
  }

  private request(realm: string, req: HttpRequest, form: Record<string, unknown> = {}): OidcRequest {
    return {
      realm,
      baseUrl: this.config.IDENTITY_DEV_PUBLIC_URL || `http://127.0.0.1:${req.socket.localPort}`,
      clientAddress: req.socket.remoteAddress,
      authorization: header(req, 'authorization'),
      form,
    };
  }
}

function send(res: HttpResponse, answer: OidcAnswer): void {
  res.status(answer.status);
  for (const [name, value] of Object.entries(answer.headers)) res.setHeader(name, value);
  if (answer.body === undefined) res.end();
  else res.json(answer.body);
}
