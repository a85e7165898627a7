/**
 * What the roster's commands (import, seed) share: a DataSource on the service's schema, the
 * importer wired as the service wires it, the operator as actor, and a progress bar on stderr.
 */
import { AuditLog } from '@seriktes/audit';
import { EventPublisher } from '@seriktes/messaging';
import { createServiceDataSource } from '@seriktes/persistence';
import { databaseOptions } from '@seriktes/runtime';
import type { DataSource } from 'typeorm';
import { env } from '../config';
import { AssignmentService } from '../inspectors/assignment.service';
import { inspectorRosterService } from '../service';
import { RosterImporter, type ImportReport } from './importer';

export interface CommandContext {
  dataSource: DataSource;
  importer: RosterImporter;
  assignments: AssignmentService;
  actor: { subject: string; username: string; roles: string[] };
}

export async function openCommandContext(command: string): Promise<CommandContext> {
  const config = env.load();
  const dataSource = createServiceDataSource(databaseOptions(inspectorRosterService, config));
  await dataSource.initialize();
  const audit = new AuditLog(dataSource);
  const assignments = new AssignmentService(dataSource, new EventPublisher(inspectorRosterService.service, inspectorRosterService.schema, config.KAFKA_TOPIC_PREFIX), audit);
  const operator = process.env.SERIKTES_OPERATOR ?? process.env.USER ?? 'operator';
  return { dataSource, assignments, importer: new RosterImporter(dataSource, assignments, audit), actor: { subject: `cli:${operator}`, username: `${command}:${operator}`, roles: ['platform_admin'] } };
}

/** A progress bar for large files (on a terminal; a line per 10 % otherwise). */
export function progressBar(label: string): (done: number, total: number) => void {
  let lastTenth = -1;
  return (done, total) => {
    const share = total ? done / total : 1;
    if (process.stderr.isTTY) {
      const width = 30;
      const filled = Math.round(share * width);
      process.stderr.write(`\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}${done === total ? '\n' : ''}`);
    } else if (Math.floor(share * 10) > lastTenth) {
      lastTenth = Math.floor(share * 10);
      process.stderr.write(`${label}: ${done}/${total}\n`);
    }
  };
}

/** Prints a report: a summary line, then every bad row with its line and reason. */
export function printReport(file: string, report: ImportReport): void {
  const outcome = report.applied ? `imported ${report.imported} of ${report.rows}` : report.errors.length ? 'nothing imported' : 'checked, nothing written';
  console.log(`${file}: ${report.kind}, ${report.rows} rows, ${report.errors.length} with errors, ${outcome}`);
  for (const e of report.errors) console.log(`  ${file}:${e.line}${e.key ? ` [${e.key}]` : ''} ${e.reason}`);
}
