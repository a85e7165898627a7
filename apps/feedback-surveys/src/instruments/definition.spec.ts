import { AREA_SAFETY, POST_CONTACT, SHIPPED_INSTRUMENTS, STAFF_PULSE } from './catalogue';
import { checkAnswers, checkDefinition, indicatorsOf, observe, profileOf, sameDefinition, scoreOf } from './definition';
import type { InstrumentDefinition, ScaleQuestion } from './types';

describe('the shipped instruments', () => {
  it.each(SHIPPED_INSTRUMENTS.map((d) => [d.code, d] as const))('%s is a valid definition with texts in kk, ru and en', (_code, definition) => {
    expect(checkDefinition(definition)).toEqual([]);
  });

  it('ask what the issue asks for', () => {
    const codes = (d: InstrumentDefinition) => d.questions.map((q) => q.code);
    expect(codes(POST_CONTACT)).toEqual(['csat', 'resolved', 'politeness', 'timeliness', 'next_steps', 'comment']);
    expect(codes(AREA_SAFETY)).toEqual(expect.arrayContaining(['feel_safe_dark', 'trust_inspector', 'pj_respect', 'pj_fair', 'pj_listen', 'pj_matters', 'knows_contact', 'good_job']));
    // The six everyday-safety indicators of seed 003 (l. 2999-3023), one of them trust in the district inspector.
    expect(AREA_SAFETY.indicators.find((i) => i.code === 'everyday_safety')).toMatchObject({ items: ['es_family', 'es_dark', 'es_children', 'es_neighbours', 'trust_inspector', 'es_environment'] });
    expect(STAFF_PULSE.kind).toBe('staff_pulse');
  });
});

describe('checkDefinition', () => {
  const broken = (change: (d: InstrumentDefinition) => void) => {
    const d = structuredClone(POST_CONTACT);
    change(d);
    return checkDefinition(d).map((p) => p.field);
  };

  it('names the field of every problem', () => {
    expect(broken((d) => (d.questions[0].text.kk = ''))).toEqual(['questions[0].text.kk']);
    expect(broken((d) => (d.questions[1].code = 'csat'))).toEqual(['questions[1].code', 'indicators[1].question']);
    expect(broken((d) => ((d.questions[0] as ScaleQuestion).max = 1))).toEqual(['questions[0].max', 'indicators[0].values']);
    expect(broken((d) => (d.indicators[2] = { ...d.indicators[2], kind: 'construct', items: ['politeness', 'nope'], minItems: 3 } as never))).toEqual(['indicators[2].items[1]', 'indicators[2].minItems']);
    expect(broken((d) => (d.indicators[1] = { ...d.indicators[1], values: ['maybe'] } as never))).toEqual(['indicators[1].values']);
    expect(broken((d) => (d.asksProfile = true))).toEqual(['asksProfile', 'asksProfile']);
    expect(broken((d) => (d.code = 'Post Contact'))).toEqual(['code']);
  });
});

describe('answers and scores', () => {
  it('checks answers field by field', () => {
    expect(checkAnswers(POST_CONTACT, { csat: 5, resolved: 'yes' })).toEqual([]);
    expect(checkAnswers(POST_CONTACT, { csat: 6, politeness: 2.5, extra: 1 }).map((p) => p.field)).toEqual(['answers.extra', 'answers.csat', 'answers.resolved', 'answers.politeness']);
    expect(checkAnswers(POST_CONTACT, { csat: 3, resolved: 'yes', comment: 'x'.repeat(1001) }).map((p) => p.field)).toEqual(['answers.comment']);
  });

  it('scores a k-point item as (x - min)/(max - min) x 100', () => {
    const five = POST_CONTACT.questions[0];
    expect([1, 2, 3, 4, 5].map((x) => scoreOf(five, x))).toEqual([0, 25, 50, 75, 100]);
    const ten = AREA_SAFETY.questions.find((q) => q.code === 'eff_prevent');
    expect(scoreOf(ten, 7)).toBe(70);
    expect(scoreOf(AREA_SAFETY.questions[0], 'dont_know')).toBeNull();
  });

  it('needs at least minItems answered for a construct, and counts shares among substantive answers', () => {
    const indicators = indicatorsOf(AREA_SAFETY);
    // trust: 2 of 3 answered (5 → 100, 2 → 25): mean 62.5.
    const two = observe(AREA_SAFETY, indicators, { trust_inspector: 5, trust_police: 2, feel_safe_dark: 'dont_know', good_job: 4 });
    expect(two.get('trust')).toBe(62.5);
    expect(two.get('feel_safe')).toBeNull();
    expect(two.get('good_job')).toBe(1);
    expect(two.get('q.feel_safe_dark=dont_know')).toBe(1);
    expect(two.get('q.good_job.top2')).toBe(1);
    const one = observe(AREA_SAFETY, indicators, { trust_inspector: 5, feel_safe_dark: 'unsafe', good_job: 3 });
    expect(one.get('trust')).toBeNull();
    expect(one.get('feel_safe')).toBe(0);
    expect(one.get('good_job')).toBe(0);
    expect(one.get('q.trust_inspector')).toBe(100);
  });

  it('reads the weighting profile, undisclosed as null', () => {
    expect(profileOf({ profile_sex: 'female', profile_age: '25-34' })).toEqual({ sex: 'female', ageBand: '25-34' });
    expect(profileOf({ profile_sex: 'other' })).toEqual({ sex: null, ageBand: null });
  });

  it('compares definitions regardless of key order', () => {
    const reordered = JSON.parse(JSON.stringify(POST_CONTACT, Object.keys(POST_CONTACT).reverse())) as InstrumentDefinition;
    expect(sameDefinition(POST_CONTACT, { ...POST_CONTACT })).toBe(true);
    expect(sameDefinition(POST_CONTACT, { ...reordered, ...POST_CONTACT })).toBe(true);
    expect(sameDefinition(POST_CONTACT, { ...POST_CONTACT, asksProfile: true })).toBe(false);
  });
});
