/**
 * A local HTTP receiver for the partner-hub suites: a partner's system as it would be, on a real
 * socket. Each path has a behaviour; every request is recorded with its headers, body and when it
 * arrived and was answered.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
  path: string;
  headers: Record<string, string>;
  body: string;
  at: number;
  answeredAt: number;
  status: number;
}

export type Behaviour = (n: number) => { status: number; delayMs?: number; headers?: Record<string, string> };

export class Receiver {
  readonly received: Received[] = [];
  private readonly behaviours = new Map<string, Behaviour>();
  private readonly counts = new Map<string, number>();
  private server?: http.Server;
  url = '';

  on(path: string, behaviour: Behaviour): string {
    this.behaviours.set(path, behaviour);
    return `${this.url}${path}`;
  }

  at(path: string): Received[] {
    return this.received.filter((r) => r.path === path);
  }

  async start(): Promise<void> {
    this.server = http.createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (c: Buffer) => chunks.push(c));
      request.on('end', () => {
        const at = Date.now();
        const path = request.url ?? '/';
        const n = (this.counts.get(path) ?? 0) + 1;
        this.counts.set(path, n);
        const plan = (this.behaviours.get(path) ?? ((): ReturnType<Behaviour> => ({ status: 404 })))(n);
        const headers = Object.fromEntries(Object.entries(request.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : (v ?? '')]));
        setTimeout(() => {
          response.writeHead(plan.status, plan.headers ?? {});
          response.end();
          this.received.push({ path, headers, body: Buffer.concat(chunks).toString('utf8'), at, answeredAt: Date.now(), status: plan.status });
        }, plan.delayMs ?? 0);
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
