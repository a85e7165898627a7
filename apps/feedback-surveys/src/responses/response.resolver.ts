import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Public } from '@seriktes/auth';
import { invalidInput } from '@seriktes/runtime';
import { SurveyFormNode, SurveyJSON, SurveySubmissionNode } from '../graphql.types';
import type { Answers } from '../instruments/types';
import { SubmissionService } from './submission.service';

export const THANKS = {
  kk: 'Рахмет! Жауабыңыз жасырын түрде қабылданды.',
  ru: 'Спасибо! Ваш ответ принят анонимно.',
  en: 'Thank you! Your answer was received anonymously.',
};

/** What a respondent does with a token, without an account (reachable at the service directly). */
@Resolver()
export class ResponseResolver {
  constructor(private readonly submissions: SubmissionService) {}

  @Query(() => SurveyFormNode, { description: 'The survey an invitation token opens (public: the token is the only credential; it stays valid until used).' })
  @Public()
  async surveyInvitation(@Args('token', { description: 'The token of the invitation link.' }) token: string): Promise<SurveyFormNode> {
    const { version, language, expiresAt } = await this.submissions.open(token);
    const d = version.definition;
    return { instrumentCode: version.code, version: version.version, title: d.title, introduction: d.introduction, questions: d.questions, language, expiresAt };
  }

  @Mutation(() => SurveySubmissionNode, { description: 'Submits anonymous answers with a single-use token; a second submission with the same token is refused (CONFLICT).' })
  @Public()
  async submitSurveyResponse(
    @Args('token', { description: 'The token of the invitation link.' }) token: string,
    @Args('answers', { type: () => SurveyJSON, description: 'Question code → scale value (integer), option code, or text.' }) answers: unknown,
  ): Promise<SurveySubmissionNode> {
    if (typeof answers !== 'object' || answers === null || Array.isArray(answers)) throw invalidInput([{ field: 'answers', message: 'an object of question code → answer' }]);
    await this.submissions.submit(token, answers as Answers);
    return { accepted: true, message: THANKS };
  }
}
