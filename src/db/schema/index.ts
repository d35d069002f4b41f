export * from './networks.js';
export * from './accounts.js';
export * from './members.js';
export * from './rounds.js';
export * from './responses.js';
export * from './agenda.js';
export * from './mail.js';
export * from './audit.js';
