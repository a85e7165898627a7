import { createServer, get, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { checkEndpointUrl, ForbiddenEndpointError, isForbiddenAddress, pinnedLookup, resolveEndpoint, type LookupAll } from './url-policy';

const fakeLookup = (answers: Record<string, string[]>): LookupAll =>
  async (hostname) => (answers[hostname] ?? []).map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));

describe('isForbiddenAddress', () => {
  it.each([
    ['0.0.0.0', 'this network'],
    ['0.1.2.3', 'this network'],
    ['10.0.0.1', 'private'],
    ['10.255.255.255', 'private'],
    ['100.64.0.1', 'carrier-grade NAT'],
    ['100.127.255.254', 'carrier-grade NAT'],
    ['127.0.0.1', 'loopback'],
    ['127.255.0.9', 'loopback'],
    ['169.254.169.254', 'metadata'],
    ['169.254.1.1', 'link-local'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.0.0.8', 'IETF'],
    ['192.0.2.10', 'documentation'],
    ['192.168.1.1', 'private'],
    ['198.18.0.1', 'benchmarking'],
    ['198.19.255.255', 'benchmarking'],
    ['224.0.0.1', 'multicast'],
    ['239.255.255.250', 'multicast'],
    ['240.0.0.1', 'reserved'],
    ['255.255.255.255', 'broadcast'],
    ['::', 'unspecified'],
    ['::1', 'loopback'],
    ['0:0:0:0:0:0:0:1', 'loopback'],
    ['fe80::1', 'link-local'],
    ['fe80::1%eth0', 'link-local'],
    ['febf:ffff::1', 'link-local'],
    ['fc00::1', 'unique local'],
    ['fd12:3456:789a::1', 'unique local'],
    ['ff02::1', 'multicast'],
    ['::ffff:127.0.0.1', 'IPv4-mapped loopback'],
    ['::ffff:10.1.2.3', 'IPv4-mapped private'],
    ['::ffff:a9fe:a9fe', 'IPv4-mapped cloud metadata'],
    ['::ffff:169.254.169.254', 'IPv4-mapped cloud metadata'],
    ['64:ff9b::10.0.0.1', 'NAT64 of private'],
    ['64:ff9b::a9fe:a9fe', 'NAT64 of cloud metadata'],
    ['2002:0a00:0001::1', '6to4 of private'],
    ['::10.0.0.1', 'IPv4-compatible'],
    ['2001:db8::1', 'documentation'],
    ['[::1]', 'loopback'],
    ['example.org', 'not an IP address'],
    ['', 'not an IP address'],
  ])('refuses %s (%s) in production', (ip, reason) => {
    expect(isForbiddenAddress(ip, 'production')).toContain(reason);
  });

  it.each(['8.8.8.8', '1.1.1.1', '95.56.1.2', '172.32.0.1', '172.15.255.255', '100.128.0.1', '192.169.0.1', '2a00:1450:4001:82b::200e', '::ffff:8.8.8.8', '64:ff9b::808:808', '2002:0808:0808::1'])(
    'allows the public address %s',
    (ip) => {
      expect(isForbiddenAddress(ip, 'production')).toBeNull();
      expect(isForbiddenAddress(ip, 'development')).toBeNull();
    },
  );

  it('allows loopback in development only, and nothing else private', () => {
    for (const ip of ['127.0.0.1', '127.1.2.3', '::1', '::ffff:127.0.0.1']) {
      expect(isForbiddenAddress(ip, 'development')).toBeNull();
      expect(isForbiddenAddress(ip, 'production')).toContain('loopback');
    }
    for (const ip of ['169.254.169.254', '10.0.0.1', '192.168.0.10', '0.0.0.0', '::', 'fd00::1', '::ffff:169.254.169.254']) {
      expect(isForbiddenAddress(ip, 'development')).not.toBeNull();
    }
  });
});

describe('checkEndpointUrl', () => {
  it('accepts absolute https URLs with any port', () => {
    for (const url of ['https://hooks.akimat.kz/seriktes', 'https://hooks.akimat.kz:8443/in?token=x', 'https://8.8.8.8/hook', 'https://[2a00:1450:4001:82b::200e]/hook']) {
      const result = checkEndpointUrl(url, 'production');
      expect(result.errors).toEqual([]);
      expect(result.url).toBeInstanceOf(URL);
    }
  });

  it.each([
    ['', 'required'],
    ['/relative/path', 'absolute'],
    ['hooks.akimat.kz/x', 'absolute'],
    ['http://hooks.akimat.kz/x', 'https is required'],
    ['ftp://hooks.akimat.kz/x', 'https'],
    ['file:///etc/passwd', 'https'],
    ['https://user:pass@hooks.akimat.kz/x', 'user name or password'],
    ['https://token@hooks.akimat.kz/x', 'user name or password'],
    ['https://hooks.akimat.kz/x#frag', 'fragment'],
    ['https://hooks.akimat.kz/x#', 'fragment'],
    ['https://hooks.akimat.kz/a b', 'spaces'],
    ['https://hooks.akimat.kz/x\n', 'control'],
    ['https://127.0.0.1/x', 'loopback'],
    ['https://2130706433/x', 'loopback'],
    ['https://0x7f.1/x', 'loopback'],
    ['https://169.254.169.254/latest/meta-data/', 'metadata'],
    ['https://[::1]/x', 'loopback'],
    ['https://[::ffff:10.0.0.1]/x', 'private'],
    ['https://10.1.2.3:8443/x', 'private'],
    ['https://localhost/x', 'local'],
    ['https://api.localhost/x', 'local'],
    ['https://metadata.google.internal/x', 'local'],
    ['https://printer.local/x', 'local'],
    ['https://webhooks/x', 'fully qualified'],
    [`https://hooks.akimat.kz/${'a'.repeat(2048)}`, 'longer'],
  ])('refuses %j (%s) in production', (url, message) => {
    const result = checkEndpointUrl(url, 'production');
    expect(result.url).toBeUndefined();
    expect(result.errors.join('; ')).toContain(message);
  });

  it('allows http and loopback in development, but not private or metadata addresses', () => {
    for (const url of ['http://localhost:3000/hook', 'http://127.0.0.1:8080/hook', 'http://[::1]:8080/hook', 'https://hooks.akimat.kz/x']) {
      expect(checkEndpointUrl(url, 'development').errors).toEqual([]);
    }
    for (const url of ['http://169.254.169.254/', 'http://10.0.0.5/hook', 'http://user:pw@localhost/hook', 'gopher://localhost/']) {
      expect(checkEndpointUrl(url, 'development').errors).not.toEqual([]);
    }
  });
});

describe('resolveEndpoint', () => {
  const lookup = fakeLookup({
    'hooks.akimat.kz': ['95.56.1.2', '2a00:1450:4001:82b::200e'],
    'rebind.example.org': ['95.56.1.2', '10.0.0.7'],
    'mapped.example.org': ['::ffff:169.254.169.254'],
    'metadata.example.org': ['169.254.169.254'],
    'private.example.org': ['10.1.2.3'],
    'empty.example.org': [],
    localhost: ['127.0.0.1', '::1'],
  });

  it('returns the first address when every address is allowed', async () => {
    await expect(resolveEndpoint('hooks.akimat.kz', 'production', lookup)).resolves.toEqual({ address: '95.56.1.2', family: 4 });
  });

  it('refuses a name when any of its addresses is forbidden', async () => {
    await expect(resolveEndpoint('rebind.example.org', 'production', lookup)).rejects.toThrow(ForbiddenEndpointError);
    await expect(resolveEndpoint('rebind.example.org', 'production', lookup)).rejects.toThrow('10.0.0.7');
    await expect(resolveEndpoint('mapped.example.org', 'production', lookup)).rejects.toThrow('metadata');
    await expect(resolveEndpoint('empty.example.org', 'production', lookup)).rejects.toThrow('no address');
  });

  it('checks IP literals without a lookup', async () => {
    const never: LookupAll = async () => {
      throw new Error('no lookup expected');
    };
    await expect(resolveEndpoint('8.8.8.8', 'production', never)).resolves.toEqual({ address: '8.8.8.8', family: 4 });
    await expect(resolveEndpoint('[2a00:1450:4001:82b::200e]', 'production', never)).resolves.toEqual({ address: '2a00:1450:4001:82b::200e', family: 6 });
    await expect(resolveEndpoint('127.0.0.1', 'production', never)).rejects.toThrow('loopback');
  });

  it('allows localhost in development only, and still refuses metadata and private addresses there', async () => {
    await expect(resolveEndpoint('localhost', 'development', lookup)).resolves.toEqual({ address: '127.0.0.1', family: 4 });
    await expect(resolveEndpoint('127.0.0.1', 'development', lookup)).resolves.toEqual({ address: '127.0.0.1', family: 4 });
    await expect(resolveEndpoint('localhost', 'production', lookup)).rejects.toThrow(ForbiddenEndpointError);
    await expect(resolveEndpoint('metadata.example.org', 'development', lookup)).rejects.toThrow('metadata');
    await expect(resolveEndpoint('169.254.169.254', 'development', lookup)).rejects.toThrow('metadata');
    await expect(resolveEndpoint('private.example.org', 'development', lookup)).rejects.toThrow('private');
    await expect(resolveEndpoint('10.0.0.1', 'development', lookup)).rejects.toThrow('private');
  });

  it('uses the system resolver by default', async () => {
    await expect(resolveEndpoint('localhost', 'development')).resolves.toMatchObject({ address: expect.stringMatching(/^(127\.|::1$)/) });
    await expect(resolveEndpoint('localhost', 'production')).rejects.toThrow(ForbiddenEndpointError);
  });
});

describe('pinnedLookup', () => {
  it('answers the pinned address in both callback forms', async () => {
    const lookup = pinnedLookup('95.56.1.2', 4);
    const one = await new Promise((resolve) => lookup('anything.example.org', {}, (err, address, family) => resolve({ err, address, family })));
    expect(one).toEqual({ err: null, address: '95.56.1.2', family: 4 });
    const all = await new Promise((resolve) => lookup('anything.example.org', { all: true }, (err, address) => resolve({ err, address })));
    expect(all).toEqual({ err: null, address: [{ address: '95.56.1.2', family: 4 }] });
    expect(() => pinnedLookup('95.56.1.2', 6)).toThrow();
  });

  it('makes node connect to the pinned address whatever the URL host resolves to', async () => {
    const server: Server = createServer((req, res) => res.end(`host=${req.headers.host}`));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const body = await new Promise<string>((resolve, reject) => {
        get(`http://partner.invalid:${port}/hook`, { lookup: pinnedLookup('127.0.0.1', 4) }, (res) => {
          let text = '';
          res.on('data', (chunk: Buffer) => (text += chunk.toString()));
          res.on('end', () => resolve(text));
        }).on('error', reject);
      });
      expect(body).toBe(`host=partner.invalid:${port}`);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
