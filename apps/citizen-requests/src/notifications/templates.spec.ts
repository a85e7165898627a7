import { type Language, NOTIFICATION_TEMPLATES, type NotificationTemplate, SECRET_VARS, type TemplateVars, renderNotification } from './templates';

const TEMPLATES = Object.keys(NOTIFICATION_TEMPLATES) as NotificationTemplate[];
const LANGUAGES: Language[] = ['kk', 'ru', 'en'];

/** Typical values, on the long side. */
const FULL: TemplateVars = {
  registrationNumber: 'AST-2026-000123',
  dueDate: '2026-05-15',
  reason: 'нужны ответы банка и оператора связи',
  body: 'Департамент по делам миграции г. Астаны',
  statusUrl: 'https://seriktes.kz/r/AST-2026-000123',
  surveyUrl: 'https://seriktes.kz/s/2f1c9a0e-6b7d-4c1e-8a3f-0d9e8c7b6a51?t=q8ZxW2vN7rT4yP1sK0mB3cD5',
  expiresDate: '2026-12-20',
};

describe('notification templates', () => {
  it('covers every template in every language', () => {
    expect(TEMPLATES.sort()).toEqual(
      ['answered', 'assigned', 'closed', 'extended', 'redirected', 'registered', 'reopened', 'survey-invitation', 'under-control', 'urgent-call-102'].sort(),
    );
    for (const template of TEMPLATES) {
      for (const language of LANGUAGES) {
        const { subject, text } = NOTIFICATION_TEMPLATES[template][language];
        expect(subject.trim()).not.toBe('');
        expect(text.trim()).not.toBe('');
      }
      const texts = LANGUAGES.map((language) => NOTIFICATION_TEMPLATES[template][language].text);
      expect(new Set(texts).size).toBe(3);
    }
  });

  it.each(TEMPLATES.flatMap((template) => LANGUAGES.map((language) => [template, language] as const)))(
    '%s renders in %s with the registration number, short enough for an SMS',
    (template, language) => {
      const rendered = renderNotification(template, language, FULL);
      expect(rendered.text).toContain('AST-2026-000123');
      expect(rendered.subject).toContain(template === 'urgent-call-102' ? '102' : 'AST-2026-000123');
      expect(rendered.text).not.toMatch(/[{}[\]]/);
      expect(rendered.text).not.toMatch(/\s{2}|\.\./);
      expect(rendered.text.length).toBeLessThanOrEqual(300);
      expect(rendered.subject.length).toBeLessThanOrEqual(100);
    },
  );

  it.each(TEMPLATES.flatMap((template) => LANGUAGES.map((language) => [template, language] as const)))(
    '%s in %s needs no more than its own variables',
    (template, language) => {
      const needs: Partial<Record<NotificationTemplate, Array<keyof TemplateVars>>> = {
        extended: ['dueDate', 'reason'],
        redirected: ['body'],
        'survey-invitation': ['surveyUrl', 'expiresDate'],
      };
      const vars: TemplateVars = { registrationNumber: 'ALA-2026-000001' };
      for (const name of needs[template] ?? []) vars[name] = FULL[name] as string;
      const rendered = renderNotification(template, language, vars);
      expect(rendered.text).toContain('ALA-2026-000001');
      expect(rendered.text).not.toMatch(/[{}[\]]/);
      // No optional link (the status page) without its variable; the survey link is the survey's own.
      expect(rendered.text.replace(vars.surveyUrl ?? '', '')).not.toContain('http');
    },
  );

  it('throws when a variable the template needs is missing', () => {
    for (const language of LANGUAGES) {
      expect(() => renderNotification('extended', language, { registrationNumber: 'AST-2026-000123', reason: 'x' })).toThrow(
        'notification template "extended" needs the variable "dueDate"',
      );
      expect(() => renderNotification('extended', language, { registrationNumber: 'AST-2026-000123', dueDate: '2026-05-15' })).toThrow(
        '"reason"',
      );
      expect(() => renderNotification('redirected', language, { registrationNumber: 'AST-2026-000123', body: '  ' })).toThrow('"body"');
      for (const template of TEMPLATES) {
        expect(() => renderNotification(template, language, { registrationNumber: '' })).toThrow('"registrationNumber"');
      }
    }
  });

  it('gives the extension its new due date and reason', () => {
    expect(renderNotification('extended', 'ru', { registrationNumber: 'AST-2026-000123', dueDate: '2026-05-15', reason: 'запрошены сведения у банка.' })).toEqual({
      subject: 'Срок рассмотрения обращения № AST-2026-000123 продлён',
      text: 'Срок рассмотрения вашего обращения № AST-2026-000123 продлён до 15.05.2026. Причина: запрошены сведения у банка.',
    });
    expect(renderNotification('extended', 'en', { registrationNumber: 'X-1', dueDate: '15.05.2026', reason: 'a bank  reply is awaited' }).text).toBe(
      'The term for considering your request No. X-1 has been extended to 15.05.2026. Reason: a bank reply is awaited.',
    );
  });

  it('names the body a request was redirected to', () => {
    expect(renderNotification('redirected', 'kk', { registrationNumber: 'AST-2026-000123', body: 'Астана қаласының әкімдігі' }).text).toBe(
      '№ AST-2026-000123 өтінішіңіз құзыреті бойынша жолданды: Астана қаласының әкімдігі. Жауапты сізге сол орган береді.',
    );
  });

  it('invites to an anonymous survey with the date the link expires, the link last', () => {
    const vars = { registrationNumber: 'AST-2026-000123', surveyUrl: 'https://s.seriktes.kz/i/Ab3', expiresDate: '2026-12-20' };
    expect(renderNotification('survey-invitation', 'ru', vars)).toEqual({
      subject: 'Оцените рассмотрение обращения № AST-2026-000123',
      text: 'Оцените, как было рассмотрено ваше обращение № AST-2026-000123. Опрос анонимный, ссылка действует до 20.12.2026: https://s.seriktes.kz/i/Ab3',
    });
    expect(renderNotification('survey-invitation', 'en', vars).text).toBe(
      'Please rate how your request No. AST-2026-000123 was handled. The survey is anonymous; the link is valid until 20.12.2026: https://s.seriktes.kz/i/Ab3',
    );
    expect(renderNotification('survey-invitation', 'kk', vars).text).toBe(
      '№ AST-2026-000123 өтінішіңіздің қалай қаралғанын бағалаңыз. Сауалнама анонимді, сілтеме 20.12.2026 дейін жарамды: https://s.seriktes.kz/i/Ab3',
    );
    for (const language of LANGUAGES) {
      const { subject, text } = renderNotification('survey-invitation', language, vars);
      expect(subject).not.toContain('https://');
      expect(text.endsWith(vars.surveyUrl)).toBe(true);
      expect(() => renderNotification('survey-invitation', language, { ...vars, surveyUrl: undefined })).toThrow('"surveyUrl"');
      expect(() => renderNotification('survey-invitation', language, { ...vars, expiresDate: undefined })).toThrow('"expiresDate"');
      expect(() => renderNotification('survey-invitation', language, { ...vars, expiresDate: '2026-02-30' })).toThrow('expiresDate "2026-02-30" is not a calendar date');
    }
  });

  it('marks the survey link as a secret, and nothing else', () => {
    expect(SECRET_VARS).toEqual({ 'survey-invitation': ['surveyUrl'] });
  });

  it('tells the applicant to call 102 now', () => {
    for (const language of LANGUAGES) {
      const { subject, text } = renderNotification('urgent-call-102', language, { registrationNumber: 'AST-2026-000123' });
      expect(subject).toContain('102');
      expect(text).toContain('102');
    }
  });

  it('renders optional parts only when their variables are given', () => {
    expect(renderNotification('registered', 'en', { registrationNumber: 'AST-2026-000123' }).text).toBe(
      'Your request has been registered as No. AST-2026-000123. Thank you for contacting the police.',
    );
    expect(renderNotification('registered', 'en', { registrationNumber: 'AST-2026-000123', dueDate: '2026-05-15' }).text).toBe(
      'Your request has been registered as No. AST-2026-000123. The answer is due by 15.05.2026. Thank you for contacting the police.',
    );
  });

  it('never expands template syntax found inside a value', () => {
    const text = renderNotification('closed', 'en', { registrationNumber: 'AST-2026-000123', reason: 'see {statusUrl}' }).text;
    expect(text).toContain('Reason: see {statusUrl}.');
  });

  it('rejects a due date that is not a local calendar date', () => {
    expect(() => renderNotification('extended', 'en', { registrationNumber: 'X-1', dueDate: '2026-02-30', reason: 'r' })).toThrow(
      'not a calendar date',
    );
    expect(() => renderNotification('extended', 'en', { registrationNumber: 'X-1', dueDate: '2026-05-15T10:00:00Z', reason: 'r' })).toThrow(
      'YYYY-MM-DD',
    );
  });

  it('throws on an unknown template or language', () => {
    expect(() => renderNotification('nope' as NotificationTemplate, 'en', { registrationNumber: 'X-1' })).toThrow('unknown notification template');
    expect(() => renderNotification('closed', 'de' as Language, { registrationNumber: 'X-1' })).toThrow('unknown notification template');
  });
});
