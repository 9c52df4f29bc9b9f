// Every Vietnamese string the user reads lives under src/core/text/, one file per domain.
export * from './ui';
