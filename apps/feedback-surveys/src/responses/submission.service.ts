import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { ServiceLine } from '@seriktes/contracts';
import { localDateOf } from '@seriktes/calendar';
import { conflict, invalidInput, notFound } from '@seriktes/runtime';
import { monthOf } from '../indices/cells';
import { checkAnswers } from '../instruments/definition';
import { InstrumentService, type PublishedVersion } from '../instruments/instrument.service';
import type { Answers, Language } from '../instruments/types';
import { looksLikeToken, tokenHash } from '../invitations/tokens';
import { ResponseIngestion } from './ingestion.service';
import { maskPersonalData } from './personal-data';


interface InvitationRow {
  id: string;
  version_id: string;
  wave_id: string | null;
  precinct_code: string;
  district_code: string;
  region_code: string;
  service_line: ServiceLine | null;
  inspector_id: string | null;
  language: Language;
  status: 'pending' | 'sent' | 'undeliverable' | 'used' | 'expired';
  expires_at: Date;
}

export interface OpenedInvitation {
  version: PublishedVersion;
  language: Language;
  expiresAt: Date;
}

/** Masks personal data in every free-text answer; returns the kinds found. */
export function maskTextAnswers(version: PublishedVersion, answers: Answers): { answers: Answers; masked: string[] } {
  const out: Answers = {};
  const found = new Set<string>();
  for (const [code, value] of Object.entries(answers)) {
    const q = version.definition.questions.find((x) => x.code === code);
    if (q?.kind === 'text' && typeof value === 'string') {
      const trimmed = value.trim();
      if (trimmed.length === 0) continue;
      const m = maskPersonalData(trimmed);
      m.found.forEach((f) => found.add(f));
      out[code] = m.text;
    } else if (value !== null && value !== undefined && value !== '') {
      out[code] = value;
    }
  }
  return { answers: out, masked: [...found] };
}

/**
 * Answers arrive with a single-use token. In one transaction the token is burnt (the invitation
 * keeps only its hash and `used`) and the answers, with personal data in free text masked, go to
 * the inbox with the scope of the invitation: precinct, service line, wave, month; never the
 * request, the person or the token. A used token is refused with a clear error, and a rejected
 * submission writes nothing.
 */
@Injectable()
export class SubmissionService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly instruments: InstrumentService,
    private readonly ingestion: ResponseIngestion,
  ) {}

  /** The survey behind a token, to show its questions (the token stays valid). */
  async open(token: string, now = new Date()): Promise<OpenedInvitation> {
    const invitation = await this.find(token);
    this.assertUsable(invitation, now);
    const version = await this.instruments.byId(invitation.version_id);
    if (!version) throw notFound('the survey of this invitation is not available');
    return { version, language: invitation.language, expiresAt: invitation.expires_at };
  }

  async submit(token: string, answers: Answers, now = new Date()): Promise<{ instrumentCode: string; version: number }> {
    return this.dataSource.transaction(async (em) => {
      const invitation = await this.find(token, true, em);
      this.assertUsable(invitation, now);
      const version = await this.instruments.byId(invitation.version_id, em);
      if (!version) throw notFound('the survey of this invitation is not available');
      const problems = checkAnswers(version.definition, answers);
      if (problems.length > 0) throw invalidInput(problems);
      const { answers: kept, masked } = maskTextAnswers(version, answers);
      await em.query(`UPDATE feedback_surveys.invitation SET status = 'used' WHERE id = $1`, [invitation.id]);
      if (invitation.wave_id) await em.query(`UPDATE feedback_surveys.wave SET responded = responded + 1 WHERE id = $1`, [invitation.wave_id]);
      await this.ingestion.enqueue(em, {
        versionId: version.id,
        kind: version.kind,
        precinctCode: invitation.precinct_code,
        districtCode: invitation.district_code,
        regionCode: invitation.region_code,
        serviceLine: invitation.service_line,
        waveId: invitation.wave_id,
        inspectorId: invitation.inspector_id,
        month: monthOf(localDateOf(now)),
        answers: kept,
        masked,
      });
      return { instrumentCode: version.code, version: version.version };
    });
  }

  private async find(token: string, lock = false, em = this.dataSource.manager): Promise<InvitationRow> {
    if (typeof token !== 'string' || !looksLikeToken(token)) throw invalidInput([{ field: 'token', message: 'not an invitation token' }]);
    const [row] = (await em.query(
      `SELECT id, version_id, wave_id, precinct_code, district_code, region_code, service_line, inspector_id, language, status, expires_at
         FROM feedback_surveys.invitation WHERE token_hash = $1 ${lock ? 'FOR UPDATE' : ''}`,
      [tokenHash(token)],
    )) as InvitationRow[];
    if (!row) throw notFound('no invitation has this token');
    return row;
  }

  private assertUsable(invitation: InvitationRow, now: Date): void {
    if (invitation.status === 'used') throw conflict('this invitation has already been used: each invitation takes one response', 'token');
    if (invitation.status === 'expired' || invitation.expires_at.getTime() <= now.getTime()) throw conflict('this invitation has expired', 'token');
    if (invitation.status !== 'sent') throw conflict('this invitation has not been sent', 'token');
  }
}
