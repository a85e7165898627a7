import { Logger } from '@nestjs/common';

/** One message to one person through one channel (SMS or e-mail). */
export interface OutgoingMessage {
  to: string;
  subject: string;
  text: string;
  /** Our notification id, for the provider's idempotency and delivery reports. */
  reference: string;
  /**
   * Parts of the text that are secrets (a survey link with its single-use token): the provider
   * delivers them, but no adapter may write them to a log.
   */
  secrets?: readonly string[];
}

/** The text with every secret part replaced, for a log line. */
export function redactSecrets(text: string, secrets: readonly string[] = []): string {
  return secrets.filter((secret) => secret.length > 0).reduce((redacted, secret) => redacted.split(secret).join('[redacted]'), text);
}

/** An SMS gateway (a provider's adapter implements it). */
export interface SmsSender {
  readonly name: string;
  send(message: OutgoingMessage): Promise<void>;
}

/** An e-mail relay (SMTP or a provider's API). */
export interface EmailSender {
  readonly name: string;
  send(message: OutgoingMessage): Promise<void>;
}

export const SMS_SENDER = Symbol('SMS_SENDER');
export const EMAIL_SENDER = Symbol('EMAIL_SENDER');

/** Masks a phone number or address for the log: +7701***4567, a***@mail.kz. */
export function maskRecipient(to: string): string {
  if (to.includes('@')) return to.replace(/^(.).*(@.*)$/, '$1***$2');
  return to.length > 8 ? `${to.slice(0, 5)}***${to.slice(-4)}` : '***';
}

/**
 * The local adapter: writes what would be sent to the log (recipient masked, secrets redacted) and
 * keeps the last messages in memory, so a developer (and a test) can see them. Production plugs a
 * provider in.
 */
export class LoggingSender implements SmsSender, EmailSender {
  private readonly logger: Logger;
  readonly sent: OutgoingMessage[] = [];

  constructor(readonly name: string) {
    this.logger = new Logger(`notify:${name}`);
  }

  async send(message: OutgoingMessage): Promise<void> {
    this.sent.push(message);
    if (this.sent.length > 1000) this.sent.shift();
    this.logger.log(`to ${maskRecipient(message.to)} [${message.reference}] ${message.subject}: ${redactSecrets(message.text, message.secrets)}`);
  }
}
