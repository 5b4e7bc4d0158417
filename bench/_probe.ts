import { eventStoreMigrations, PostgresEventStore } from '@upops/event-store';
import { createDataSource } from '@upops/database';
console.log(eventStoreMigrations.length, typeof PostgresEventStore, typeof createDataSource);
