export * from './platform-config';
export * from './logging';
