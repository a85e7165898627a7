import { MessagingTables1763770000000 } from './1763770000000-messaging-tables';

/** The messaging tables' migrations, in order; every service adds them to its own list. */
export const messagingMigrations = [MessagingTables1763770000000];
