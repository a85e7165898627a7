// The notification channels are shared by every service that writes to people (libs/runtime).
export { EMAIL_SENDER, LoggingSender, maskRecipient, redactSecrets, SMS_SENDER, type EmailSender, type OutgoingMessage, type SmsSender } from '@seriktes/runtime';
