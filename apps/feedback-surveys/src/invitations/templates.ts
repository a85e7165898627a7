/**
 * The message that invites a member of a wave's sample (area survey), in Kazakh, Russian and
 * English. Short enough for one SMS apart from the link; it names no person and no request.
 */
import type { Language } from '../instruments/types';

const TEXTS: Record<Language, { subject: string; text: (url: string, until: string) => string }> = {
  kk: {
    subject: 'Қауіпсіздік туралы сауалнама',
    text: (url, until) => `Полиция ауданыңыздағы қауіпсіздік туралы пікіріңізді сұрайды. Сауалнама жасырын, 3 минут: ${url} (${until} дейін)`,
  },
  ru: {
    subject: 'Опрос о безопасности',
    text: (url, until) => `Полиция просит ваше мнение о безопасности в вашем районе. Опрос анонимный, 3 минуты: ${url} (до ${until})`,
  },
  en: {
    subject: 'Survey on safety',
    text: (url, until) => `The police ask your view of safety in your area. Anonymous, 3 minutes: ${url} (until ${until})`,
  },
};

/** Subject and text with the link; `until` is a local date YYYY-MM-DD, shown as DD.MM.YYYY. */
export function invitationTemplate(language: Language, url: string, until: string): { subject: string; text: string } {
  const shown = `${until.slice(8, 10)}.${until.slice(5, 7)}.${until.slice(0, 4)}`;
  const t = TEXTS[language] ?? TEXTS.kk;
  return { subject: t.subject, text: t.text(url, shown) };
}

