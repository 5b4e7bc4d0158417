export * from './data-source';
export * from './embedded-database';
export { DatabaseModule, PG_POOL } from './nest/database.module';
export * from './row-scope';
export * from './transaction';
