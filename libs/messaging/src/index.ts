export * from './options';
export * from './outbox';
export * from './relay';
export * from './consumer';
export { KafkaClients } from './kafka';
export * from './messaging.module';
export * from './migrations';
export * from './env';
