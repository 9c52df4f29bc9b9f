// Every Vietnamese string the user reads lives under src/core/text/, one file per domain.
export * from './ui';
export * from './validation';
export * from './report';
export * from './reminders';
export * from './cli';
export * from './report-email';
export * from './definitions';
export * from './stamp';
export * from './period';
