/**
 * Which service line a request category belongs to, for the post-contact split. Seed 003
 * (l. 787-803): local police (district inspectors and patrols) are rated apart from criminal
 * police and investigation, whose applicants expect more; administrative services (documents,
 * migration, traffic registration) are a third line. Categories not listed count as local police,
 * which takes every request first. Plain data.
 */
import type { ServiceLine } from '@seriktes/contracts';

const LINES: Readonly<Record<string, ServiceLine>> = {
  'domestic-violence': 'criminal_police',
  'internet-fraud': 'criminal_police',
  'crime-threat-tip': 'criminal_police',
  'alcohol-drugs': 'criminal_police',
  'lost-documents': 'administrative',
  migration: 'administrative',
  'traffic-parking': 'administrative',
  'public-order-noise': 'local_police',
  minors: 'local_police',
  'neighbour-dispute': 'local_police',
  'officer-complaint': 'local_police',
  'precinct-proposal': 'local_police',
  other: 'local_police',
};

export function serviceLineOf(category: string | null | undefined): ServiceLine {
  return (category && LINES[category]) || 'local_police';
}
