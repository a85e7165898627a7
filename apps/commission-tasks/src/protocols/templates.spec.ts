import { assessmentErrors, illTreatmentReferral, TASK_TEMPLATES, templateByCode } from './templates';

describe('protocol templates', () => {
  it('carry the 1-working-day SLAs of the seeds, in three languages', () => {
    expect(templateByCode('school-child-in-difficulty')).toMatchObject({ workingDays: 1, leadKinds: ['school'], sensitive: true });
    expect(templateByCode('ill-treatment-referral')).toMatchObject({ workingDays: 1, sensitive: true });
    for (const t of TASK_TEMPLATES) for (const text of [t.title, t.description]) expect(Object.values(text).every((s) => s.length > 10)).toBe(true);
  });

  it('refers an assessment with any block at 5 points or more, a minor to guardianship', () => {
    expect(illTreatmentReferral({ physical: 4, psychological: 4, economic: 0, sexual: 0, minor: false })).toEqual({ required: false, reason: 'no block reaches 5 points' });
    expect(illTreatmentReferral({ physical: 5, psychological: 1, economic: 0, sexual: 0, minor: false })).toEqual({ required: true, recipient: 'authorised_body', blocks: ['physical'], workingDays: 1 });
    expect(illTreatmentReferral({ physical: 0, psychological: 7, economic: 6, sexual: 0, minor: true })).toEqual({
      required: true,
      recipient: 'guardianship_authority',
      blocks: ['psychological', 'economic'],
      workingDays: 1,
    });
  });

  it('validates scores', () => {
    expect(assessmentErrors({ physical: -1, psychological: 2.5, economic: 0, sexual: 0, minor: false }).map((e) => e.field)).toEqual(['assessment.physical', 'assessment.psychological']);
  });
});
