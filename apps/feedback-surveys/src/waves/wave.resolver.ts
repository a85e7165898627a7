import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { concernsTerritory, CurrentUser, Roles, type AuthenticatedUser } from '@seriktes/auth';
import { invalidInput } from '@seriktes/runtime';
import { MANAGE_ROLES, PULSE_ROLES, READ_ROLES } from '../access';
import { RunPulseInputType, RunWaveInputType, SurveyJSON, SurveyWaveNode } from '../graphql.types';
import { InstrumentService } from '../instruments/instrument.service';
import type { Answers } from '../instruments/types';
import { WaveService, type WaveInput, type WaveRow } from './wave.service';

@Resolver()
export class WaveResolver {
  constructor(
    private readonly waves: WaveService,
    private readonly instruments: InstrumentService,
  ) {}

  private async node(w: WaveRow): Promise<SurveyWaveNode> {
    const version = (await this.instruments.byId(w.version_id))!;
    return {
      id: w.id,
      kind: w.kind,
      name: w.name,
      territoryCode: w.territory_code,
      opensOn: w.opens_on,
      closesOn: w.closes_on,
      status: w.status,
      invited: w.invited,
      responded: w.responded,
      sampleReport: w.sample_report,
      instrumentCode: version.code,
      instrumentVersion: version.version,
    };
  }

  @Query(() => [SurveyWaveNode], { description: 'Area-survey waves and staff pulses of territories that concern the caller, newest first.' })
  @Roles(...READ_ROLES, ...PULSE_ROLES)
  async surveyWaves(
    @CurrentUser() user: AuthenticatedUser,
    @Args('status', { type: () => String, nullable: true, description: 'open or closed; both when absent.' }) status: 'open' | 'closed' | null,
  ): Promise<SurveyWaveNode[]> {
    if (status !== null && status !== 'open' && status !== 'closed') throw invalidInput([{ field: 'status', message: 'open or closed' }]);
    const rows = await this.waves.list((code) => concernsTerritory(user.jurisdiction, code), status);
    return Promise.all(rows.map((w) => this.node(w)));
  }

  @Mutation(() => SurveyWaveNode, { description: 'Runs an area-survey wave: draws a stratified random sample per precinct from the frame with the quotas, and invites only the sample.' })
  @Roles(...MANAGE_ROLES)
  async runSurveyWave(@CurrentUser() user: AuthenticatedUser, @Args('input', { description: 'The wave.' }) input: RunWaveInputType): Promise<SurveyWaveNode> {
    return this.node(await this.waves.runWave(user, input as WaveInput));
  }

  @Mutation(() => SurveyWaveNode, { description: 'Opens a short anonymous staff pulse for a police unit.' })
  @Roles(...MANAGE_ROLES)
  async runStaffPulse(@CurrentUser() user: AuthenticatedUser, @Args('input', { description: 'The pulse.' }) input: RunPulseInputType): Promise<SurveyWaveNode> {
    return this.node(await this.waves.runPulse(user, input));
  }

  @Mutation(() => Boolean, { description: 'Answers the staff pulse of one’s unit, once; who answered is not stored.' })
  @Roles(...PULSE_ROLES)
  async answerStaffPulse(
    @CurrentUser() user: AuthenticatedUser,
    @Args('waveId', { type: () => ID, description: 'The pulse.' }) waveId: string,
    @Args('answers', { type: () => SurveyJSON, description: 'Question code → answer.' }) answers: unknown,
  ): Promise<boolean> {
    if (typeof answers !== 'object' || answers === null || Array.isArray(answers)) throw invalidInput([{ field: 'answers', message: 'an object of question code → answer' }]);
    await this.waves.answerPulse(user, waveId, answers as Answers);
    return true;
  }

  @Mutation(() => SurveyWaveNode, { description: 'Closes a wave now: unused invitations expire and its indices are published (survey-wave.closed).' })
  @Roles(...MANAGE_ROLES)
  async closeSurveyWave(@CurrentUser() user: AuthenticatedUser, @Args('waveId', { type: () => ID, description: 'The wave.' }) waveId: string): Promise<SurveyWaveNode> {
    return this.node(await this.waves.close(user, waveId));
  }
}
