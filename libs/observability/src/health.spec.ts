import { HealthRegistry } from './health';

describe('HealthRegistry', () => {
  it('is ok when every check passes, with their details', async () => {
    const health = new HealthRegistry('svc');
    health.register('database', async () => undefined);
    health.register('outbox', async () => ({ pending: 0 }), { critical: false });
    const report = await health.report();
    expect(report.status).toBe('ok');
    expect(report.checks.outbox).toEqual({ status: 'ok', critical: false, pending: 0 });
  });

  it('is degraded when only a non-critical check fails, and error when a critical one does', async () => {
    const health = new HealthRegistry('svc');
    health.register('database', async () => undefined);
    health.register('kafka', async () => {
      throw new Error('broker unreachable');
    }, { critical: false });
    expect((await health.report()).status).toBe('degraded');
    health.register('database', async () => {
      throw new Error('connection refused');
    });
    const report = await health.report();
    expect(report.status).toBe('error');
    expect(report.checks.database).toEqual({ status: 'error', critical: true, error: 'connection refused' });
  });

  it('fails a check that hangs, after its timeout', async () => {
    const health = new HealthRegistry('svc', 50);
    health.register('stuck', () => new Promise(() => undefined));
    const report = await health.report();
    expect(report.checks.stuck).toMatchObject({ status: 'error', error: 'timed out after 50 ms' });
  });
});
