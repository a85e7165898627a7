import type { ServiceDefinition } from '@seriktes/runtime';
import { CitizenRequestEntity, RegistrationCounterEntity } from './intake/citizen-request.entity';
import { Intake1763771000000 } from './migrations/1763771000000-intake';
import { RegisteredBy1763774000000 } from './migrations/1763774000000-registered-by';
import { StatutoryWorkflow1763800000000 } from './migrations/1763800000000-statutory-workflow';
import { ProblemTasks1763900000000 } from './migrations/1763900000000-problem-tasks';

export const citizenRequestsService: ServiceDefinition = {
  service: 'citizen-requests',
  schema: 'citizen_requests',
  entities: [CitizenRequestEntity, RegistrationCounterEntity],
  migrations: [Intake1763771000000, RegisteredBy1763774000000, StatutoryWorkflow1763800000000, ProblemTasks1763900000000],
  graphql: true,
};
