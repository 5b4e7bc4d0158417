import { type DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import type { Pool } from 'pg';
import { PG_POOL } from '@upops/database';
import { PostgresEventStore } from '@upops/event-store';
import type { IdentityOptions } from '../application/identity.options';
import { IdentityService } from '../application/identity.service';
import { PartyDirectory } from '../application/party-directory';
import { IdentityResolver } from '../graphql/identity.resolver';
import { AccessGuard } from './access.guard';

/** Accounts, sessions, roles and the guard every GraphQL operation passes through. */
@Module({})
export class IdentityModule {
  static forRoot(options: IdentityOptions): DynamicModule {
    return {
      module: IdentityModule,
      global: true,
      providers: [
        {
          provide: IdentityService,
          inject: [PG_POOL, PostgresEventStore],
          useFactory: (pool: Pool, store: PostgresEventStore) => new IdentityService(pool, store, options),
        },
        { provide: PartyDirectory, useFactory: () => PartyDirectory.shipped() },
        { provide: APP_GUARD, useClass: AccessGuard },
        IdentityResolver,
      ],
      exports: [IdentityService, PartyDirectory],
    };
  }
}
