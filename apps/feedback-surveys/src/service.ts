import type { ServiceDefinition } from '@seriktes/runtime';
import { Surveys1764000000000 } from './migrations/1764000000000-surveys';

export const feedbackSurveysService: ServiceDefinition = {
  service: 'feedback-surveys',
  schema: 'feedback_surveys',
  entities: [],
  migrations: [Surveys1764000000000],
  graphql: true,
};
