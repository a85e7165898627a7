import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentUser, Roles, type AuthenticatedUser } from '@seriktes/auth';
import { invalidInput } from '@seriktes/runtime';
import { MANAGE_ROLES, READ_ROLES } from '../access';
import { SurveyInstrumentNode, SurveyJSON, SurveyVersionNode } from '../graphql.types';
import { InstrumentService, type VersionRow } from './instrument.service';
import type { InstrumentDefinition } from './types';

export function versionNode(v: VersionRow): SurveyVersionNode {
  return { id: v.id, instrumentCode: v.instrument_code, version: v.version, status: v.status, definition: v.definition, changeNote: v.change_note, createdBy: v.created_by, publishedAt: v.published_at };
}

@Resolver()
export class InstrumentResolver {
  constructor(private readonly instruments: InstrumentService) {}

  @Query(() => [SurveyInstrumentNode], { description: 'Survey instruments with their versions (published versions are immutable).' })
  @Roles(...READ_ROLES)
  async surveyInstruments(): Promise<SurveyInstrumentNode[]> {
    const list = await this.instruments.instruments();
    return Promise.all(list.map(async (i) => ({ code: i.code, kind: i.kind, versions: (await this.instruments.versions(i.code)).map(versionNode) })));
  }

  @Mutation(() => SurveyVersionNode, { description: 'Writes the draft of the next version of an instrument (a new code starts a new instrument). Publish it to use it; published versions never change.' })
  @Roles(...MANAGE_ROLES)
  async defineSurveyVersion(
    @CurrentUser() user: AuthenticatedUser,
    @Args('definition', { type: () => SurveyJSON, description: 'The whole definition: code, kind, title, introduction, questions, indicators, asksProfile.' }) definition: unknown,
    @Args('changeNote', { type: () => String, nullable: true, description: 'What changes against the current version, and why.' }) changeNote: string | null,
  ): Promise<SurveyVersionNode> {
    if (typeof definition !== 'object' || definition === null || Array.isArray(definition)) throw invalidInput([{ field: 'definition', message: 'a JSON object' }]);
    return versionNode(await this.instruments.define(user, definition as InstrumentDefinition, changeNote ?? null));
  }

  @Mutation(() => SurveyVersionNode, { description: 'Publishes the draft: it becomes the current version for new invitations and waves; the previous version is retired, its results kept apart.' })
  @Roles(...MANAGE_ROLES)
  async publishSurveyVersion(@CurrentUser() user: AuthenticatedUser, @Args('instrumentCode', { description: 'Instrument code.' }) instrumentCode: string): Promise<SurveyVersionNode> {
    return versionNode(await this.instruments.publish(user, instrumentCode));
  }
}
