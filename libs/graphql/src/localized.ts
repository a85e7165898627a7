/**
 * User-facing texts in the platform's three languages (Kazakh, Russian, English), the same in
 * every subgraph: the `LocalizedText` object (shareable), its input, and the `Language` argument.
 */
import { Directive, Field, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';

export enum Language {
  kk = 'kk',
  ru = 'ru',
  en = 'en',
}
registerEnumType(Language, {
  name: 'Language',
  description: 'Language of a user-facing text.',
  valuesMap: { kk: { description: 'Kazakh (the state language).' }, ru: { description: 'Russian.' }, en: { description: 'English.' } },
});

/** `@Args(LANGUAGE_ARG) lang: Language` on a field that returns one text. */
export const LANGUAGE_ARG = { name: 'lang', type: () => Language, defaultValue: Language.kk, description: 'Language of the text (Kazakh by default).' } as const;

@ObjectType('LocalizedText', { description: 'A text in Kazakh, Russian and English.' })
@Directive('@shareable')
export class LocalizedTextNode {
  @Field({ description: 'Kazakh.' })
  kk!: string;

  @Field({ description: 'Russian.' })
  ru!: string;

  @Field({ description: 'English.' })
  en!: string;
}

@InputType('LocalizedTextInput', { description: 'A text in Kazakh, Russian and English.' })
export class LocalizedTextInput {
  @Field({ description: 'Kazakh.' })
  kk!: string;

  @Field({ description: 'Russian.' })
  ru!: string;

  @Field({ description: 'English.' })
  en!: string;
}
