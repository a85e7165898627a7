import { checkSurveyInvitation, mayInviteToSurvey } from './survey-invitation';

const NOW = new Date('2026-11-28T12:00:00+05:00');
const VALID = { requestId: '5f0c6a43-7f0e-4d55-9f4a-0d3f3c1b2a10', url: 'https://surveys.seriktes.kz/i/q8ZxW2vN7rT4yP1s', expiresAt: new Date('2026-12-12T18:00:00+05:00') };
const fields = (input: Partial<typeof VALID> & Record<string, unknown>) => checkSurveyInvitation({ ...VALID, ...input } as typeof VALID, NOW).map((e) => e.field);

describe('who may be invited to a post-contact survey', () => {
  const reach = { optedOut: false, hasPhone: true, hasEmail: false };

  it('invites an applicant who gave a phone or an e-mail and did not opt out', () => {
    expect(mayInviteToSurvey('application', reach)).toBe(true);
    expect(mayInviteToSurvey('complaint', { ...reach, hasPhone: false, hasEmail: true })).toBe(true);
  });

  it('never invites for a tip, an applicant who opted out, or one with no phone and no e-mail', () => {
    expect(mayInviteToSurvey('tip', null)).toBe(false);
    expect(mayInviteToSurvey('tip', reach)).toBe(false);
    expect(mayInviteToSurvey('application', null)).toBe(false);
    expect(mayInviteToSurvey('application', { ...reach, optedOut: true })).toBe(false);
    expect(mayInviteToSurvey('inquiry', { optedOut: false, hasPhone: false, hasEmail: false })).toBe(false);
  });
});

describe('an invitation request', () => {
  it('passes with a request id, an absolute https or http link and a future expiry', () => {
    expect(checkSurveyInvitation(VALID, NOW)).toEqual([]);
    expect(fields({ url: 'http://127.0.0.1:4105/i/abc?t=1' })).toEqual([]);
    expect(fields({ url: `https://s.kz/${'a'.repeat(500 - 'https://s.kz/'.length)}` })).toEqual([]);
  });

  it('names every bad field at once', () => {
    expect(fields({ requestId: 'AST-2026-000123', url: 'surveys/i/abc', expiresAt: new Date('2026-11-28T11:59:59+05:00') })).toEqual(['requestId', 'url', 'expiresAt']);
  });

  it.each([
    ['', 'give the survey link'],
    ['/i/abc', 'absolute URL'],
    ['ftp://surveys.seriktes.kz/i/abc', 'http or https'],
    ['javascript:alert(1)', 'http or https'],
    ['https://surveys.seriktes.kz/i/a b', 'spaces'],
    ['https://surveys.seriktes.kz/i/ab\n', 'control characters'],
    ['https://user:secret@surveys.seriktes.kz/i/abc', 'user name or password'],
    [`https://s.kz/${'a'.repeat(501 - 'https://s.kz/'.length)}`, 'at most 500 characters'],
  ])('refuses the link %j without quoting it', (url, message) => {
    const errors = checkSurveyInvitation({ ...VALID, url }, NOW);
    expect(errors).toEqual([{ field: 'url', message: expect.stringContaining(message) }]);
    if (url) expect(errors[0].message).not.toContain(url);
  });

  it('refuses an expiry that is now, past or not a date', () => {
    expect(fields({ expiresAt: NOW })).toEqual(['expiresAt']);
    expect(fields({ expiresAt: new Date('not a date') })).toEqual(['expiresAt']);
    expect(checkSurveyInvitation({ ...VALID, expiresAt: new Date(Number.NaN) }, NOW)[0].message).toContain('date-time');
  });
});
