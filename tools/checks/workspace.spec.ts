import { apps } from './workspace';

describe('workspace facts', () => {
  it('finds every service with its port and variables', () => {
    const found = apps();
    expect(found.map((a) => a.name)).toEqual(expect.arrayContaining(['citizen-requests', 'inspector-roster']));
    expect(found.find((a) => a.name === 'citizen-requests')?.port).toBe(4101);
    expect(found.find((a) => a.name === 'inspector-roster')?.variables.DATABASE_URL.default).toContain('postgres://');
  });
});
