import { Module } from '@nestjs/common';
import type { Pool } from 'pg';
import { PG_POOL } from '@upops/database';
import { PostgresEventStore } from '@upops/event-store';
import { CatalogueService } from '../application/catalogue.service';
import { CatalogueImportResolver } from '../graphql/catalogue-import.resolver';
import { CatalogueResolver } from '../graphql/catalogue.resolver';
import { CatalogueExportController } from '../http/catalogue-export.controller';

/** The Toolkit catalogue for the api: its service (state cached per process) and resolver. */
@Module({
  controllers: [CatalogueExportController],
  providers: [
    {
      provide: CatalogueService,
      inject: [PG_POOL, PostgresEventStore],
      useFactory: (pool: Pool, store: PostgresEventStore) => new CatalogueService(pool, store),
    },
    CatalogueResolver,
    CatalogueImportResolver,
  ],
  exports: [CatalogueService],
})
export class CatalogueModule {}
