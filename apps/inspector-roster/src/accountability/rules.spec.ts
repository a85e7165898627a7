import {
  addMonths,
  checkCancellation,
  checkDecision,
  checkDiscussionMeeting,
  checkMeetingRecord,
  checkMeetingSchedule,
  checkProposal,
  nextReportDue,
  parseInstant,
  reportOverdue,
} from './rules';

const fields = (errors: Array<{ field: string }>) => errors.map((e) => e.field);

describe('checkProposal', () => {
  const today = '2026-11-23';

  it('accepts a discussion of 7 to 60 days, inclusive', () => {
    expect(checkProposal({ discussionUntil: '2026-11-30' }, today)).toEqual([]);
    expect(checkProposal({ discussionUntil: '2027-01-22' }, today)).toEqual([]);
    expect(checkProposal({ discussionUntil: '2026-12-10', position: 'senior_district_inspector' }, today)).toEqual([]);
  });

  it('refuses a discussion that is too short, too long, in the past or not a date', () => {
    expect(checkProposal({ discussionUntil: '2026-11-29' }, today)).toEqual([{ field: 'discussionUntil', message: expect.stringContaining('at least 7 days: not before 2026-11-30') }]);
    expect(checkProposal({ discussionUntil: '2027-01-23' }, today)).toEqual([{ field: 'discussionUntil', message: expect.stringContaining('at most 60 days') }]);
    expect(fields(checkProposal({ discussionUntil: '2026-11-01' }, today))).toEqual(['discussionUntil']);
    expect(fields(checkProposal({ discussionUntil: '2026-02-30' }, today))).toEqual(['discussionUntil']);
  });

  it('discusses only the holder posts of a precinct', () => {
    expect(fields(checkProposal({ discussionUntil: '2026-12-10', position: 'assistant' }, today))).toEqual(['position']);
  });
});

describe('checkMeetingSchedule', () => {
  const now = new Date('2026-11-23T06:00:00Z');
  const discussion = { purpose: 'candidate_discussion', candidacyId: 'c', scheduledAt: '2026-12-05T18:30:00+05:00', place: 'School No. 54', organisedWith: 'ast-esil-akimat' };

  it('accepts a candidate discussion with the akimat and an inspector report', () => {
    expect(checkMeetingSchedule(discussion, now)).toEqual([]);
    expect(checkMeetingSchedule({ purpose: 'inspector_report', scheduledAt: '2026-11-24T10:00:00Z', place: 'Precinct point' }, now)).toEqual([]);
  });

  it('needs the candidacy and the akimat for a candidate discussion', () => {
    expect(fields(checkMeetingSchedule({ ...discussion, candidacyId: null, organisedWith: undefined }, now))).toEqual(['candidacyId', 'organisedWith']);
    expect(fields(checkMeetingSchedule({ purpose: 'inspector_report', candidacyId: 'c', scheduledAt: '2026-11-24T10:00:00Z', place: 'x' }, now))).toEqual(['candidacyId']);
  });

  it('checks purpose, time, place and organiser', () => {
    expect(fields(checkMeetingSchedule({ ...discussion, purpose: 'party' }, now))).toEqual(['purpose']);
    expect(fields(checkMeetingSchedule({ ...discussion, scheduledAt: '2026-12-05 18:30' }, now))).toEqual(['scheduledAt']);
    expect(fields(checkMeetingSchedule({ ...discussion, scheduledAt: '2026-11-23T06:00:00Z' }, now))).toEqual(['scheduledAt']);
    expect(fields(checkMeetingSchedule({ ...discussion, place: '   ' }, now))).toEqual(['place']);
    expect(fields(checkMeetingSchedule({ ...discussion, place: 'x'.repeat(301) }, now))).toEqual(['place']);
    expect(checkMeetingSchedule({ ...discussion, place: 'x'.repeat(300) }, now)).toEqual([]);
    expect(fields(checkMeetingSchedule({ ...discussion, organisedWith: 'Akimat Esil' }, now))).toEqual(['organisedWith']);
    expect(fields(checkMeetingSchedule({ ...discussion, organisedWith: 'a' }, now))).toEqual(['organisedWith']);
  });
});

describe('checkDiscussionMeeting', () => {
  const candidacy = { status: 'discussion' as const, discussionUntil: '2026-12-10' };

  it('must be held before the discussion ends (the last day is included, local time)', () => {
    expect(checkDiscussionMeeting(new Date('2026-12-10T23:59:00+05:00'), candidacy)).toEqual([]);
    expect(fields(checkDiscussionMeeting(new Date('2026-12-11T00:00:00+05:00'), candidacy))).toEqual(['scheduledAt']);
  });

  it('refuses a decided candidacy', () => {
    expect(fields(checkDiscussionMeeting(new Date('2026-12-01T10:00:00Z'), { ...candidacy, status: 'withdrawn' }))).toEqual(['candidacyId']);
  });
});

describe('checkMeetingRecord', () => {
  const now = new Date('2026-12-05T20:00:00+05:00');
  const held = { heldAt: '2026-12-05T18:30:00+05:00', attendance: 64, inFavour: 51, against: 6, abstained: 7 };

  it('accepts counts that add up to at most the attendance', () => {
    expect(checkMeetingRecord(held, 'candidate_discussion', now)).toEqual([]);
    expect(checkMeetingRecord({ heldAt: held.heldAt, attendance: 20 }, 'inspector_report', now)).toEqual([]);
    expect(checkMeetingRecord({ heldAt: held.heldAt, attendance: 0, inFavour: 0, against: 0, abstained: 0 }, 'candidate_discussion', now)).toEqual([]);
  });

  it('needs the opinion counts for a candidate discussion', () => {
    expect(fields(checkMeetingRecord({ heldAt: held.heldAt, attendance: 20 }, 'candidate_discussion', now))).toEqual(['inFavour', 'against', 'abstained']);
  });

  it('refuses negative or fractional counts and more opinions than people', () => {
    expect(fields(checkMeetingRecord({ ...held, against: -1 }, 'candidate_discussion', now))).toEqual(['against']);
    expect(fields(checkMeetingRecord({ ...held, attendance: 1.5 }, 'candidate_discussion', now))).toEqual(['attendance']);
    expect(checkMeetingRecord({ ...held, attendance: 63 }, 'candidate_discussion', now)).toEqual([{ field: 'attendance', message: 'must be at least inFavour + against + abstained (64)' }]);
    expect(fields(checkMeetingRecord({ heldAt: held.heldAt, attendance: 2, inFavour: 3 }, 'inspector_report', now))).toEqual(['attendance']);
  });

  it('refuses a meeting in the future or before the proposal', () => {
    expect(fields(checkMeetingRecord({ ...held, heldAt: '2026-12-05T20:01:00+05:00' }, 'candidate_discussion', now))).toEqual(['heldAt']);
    expect(fields(checkMeetingRecord(held, 'candidate_discussion', now, new Date('2026-12-06T00:00:00Z')))).toEqual(['heldAt']);
    expect(fields(checkMeetingRecord({ ...held, heldAt: 'yesterday' }, 'candidate_discussion', now))).toEqual(['heldAt']);
  });

  it('limits the summary and the minutes', () => {
    expect(fields(checkMeetingRecord({ ...held, opinionSummary: 'x'.repeat(2001), minutes: 'y'.repeat(20_001) }, 'candidate_discussion', now))).toEqual(['opinionSummary', 'minutes']);
  });
});

describe('checkCancellation', () => {
  it('needs a reason of at most 500 characters', () => {
    expect(checkCancellation('the school hall is closed')).toEqual([]);
    expect(fields(checkCancellation(' '))).toEqual(['reason']);
    expect(fields(checkCancellation('x'.repeat(501)))).toEqual(['reason']);
  });
});

describe('checkDecision', () => {
  const today = '2026-12-08';
  const meeting = { heldAt: new Date('2026-12-05T18:30:00+05:00'), inFavour: 51, against: 6 };

  it('appoints only after a held community meeting (the law\'s order)', () => {
    expect(checkDecision({ decision: 'appointed' }, [], today)).toEqual([{ field: 'decision', message: expect.stringContaining('only after the community meeting') }]);
    expect(checkDecision({ decision: 'appointed' }, [meeting], today)).toEqual([]);
    expect(checkDecision({ decision: 'appointed', validFrom: '2026-12-05' }, [meeting], today)).toEqual([]);
  });

  it('does not start the assignment before the meeting', () => {
    expect(fields(checkDecision({ decision: 'appointed', validFrom: '2026-12-04' }, [meeting], today))).toEqual(['validFrom']);
    expect(fields(checkDecision({ decision: 'appointed', validFrom: '2026-13-01' }, [meeting], today))).toEqual(['validFrom']);
  });

  it('needs a reason to appoint against the latest meeting\'s opinion', () => {
    const against = { heldAt: new Date('2026-12-07T10:00:00Z'), inFavour: 10, against: 30 };
    expect(fields(checkDecision({ decision: 'appointed' }, [meeting, against], today))).toEqual(['reason']);
    expect(checkDecision({ decision: 'appointed', reason: 'no other candidate; residents\' concerns addressed' }, [meeting, against], today)).toEqual([]);
  });

  it('needs a reason to refuse or withdraw, and no start date', () => {
    expect(fields(checkDecision({ decision: 'not_appointed' }, [], today))).toEqual(['reason']);
    expect(checkDecision({ decision: 'withdrawn', reason: 'transferred' }, [], today)).toEqual([]);
    expect(fields(checkDecision({ decision: 'withdrawn', reason: 'transferred', validFrom: today }, [], today))).toEqual(['validFrom']);
    expect(fields(checkDecision({ decision: 'promoted' }, [], today))).toEqual(['decision']);
  });
});

describe('nextReportDue', () => {
  it('counts from taking up the post when there is no report since', () => {
    expect(nextReportDue(null, '2026-03-01', 6)).toBe('2026-09-01');
    expect(nextReportDue('2025-12-01', '2026-03-01', 6)).toBe('2026-09-01');
  });

  it('counts from the latest report', () => {
    expect(nextReportDue('2026-05-20', '2026-03-01', 6)).toBe('2026-11-20');
    expect(nextReportDue('2026-05-20', '2026-03-01', 3)).toBe('2026-08-20');
    expect(nextReportDue('2026-11-15', '2024-03-01', 12)).toBe('2027-11-15');
  });

  it('clamps to the end of a shorter month and crosses years', () => {
    expect(nextReportDue('2026-08-31', '2024-03-01', 6)).toBe('2027-02-28');
    expect(nextReportDue('2027-08-31', '2024-03-01', 6)).toBe('2028-02-29');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2026-12-15', 1)).toBe('2027-01-15');
    expect(addMonths('2026-12-15', 24)).toBe('2028-12-15');
  });

  it('refuses bad input', () => {
    expect(() => nextReportDue(null, '2026-02-30', 6)).toThrow(RangeError);
    expect(() => nextReportDue('someday', '2026-02-01', 6)).toThrow(RangeError);
    expect(() => nextReportDue(null, '2026-02-01', 0)).toThrow(RangeError);
  });

  it('is overdue only after the due day', () => {
    expect(reportOverdue('2026-09-01', '2026-09-01')).toBe(false);
    expect(reportOverdue('2026-09-01', '2026-09-02')).toBe(true);
  });
});

describe('parseInstant', () => {
  it('needs a time zone', () => {
    expect(parseInstant('2026-12-05T18:30:00+05:00')?.toISOString()).toBe('2026-12-05T13:30:00.000Z');
    expect(parseInstant('2026-12-05T18:30:00')).toBeUndefined();
    expect(parseInstant(null)).toBeUndefined();
  });
});
