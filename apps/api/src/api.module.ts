import { type DynamicModule, Logger, Module } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import { LoggerModule } from 'nestjs-pino';
import { pinoOptions, type PlatformConfig } from '@upops/config';

export type ApiConfig = PlatformConfig & { database: { url: string }; identity: { jwtSecret: string } };
import { CatalogueModule } from '@upops/catalogue';
import { DatabaseModule } from '@upops/database';
import { EventStoreModule } from '@upops/event-store';
import { IdentityModule } from '@upops/identity';
import { InventoryModule } from '@upops/inventory';
import { platformMigrations } from '@upops/platform';
import { ReviewModule } from '@upops/review';
import { graphqlConfig } from './graphql/graphql.config';
import { HealthModule } from './health/health.module';

/** The api composes the contexts' modules; it holds no domain logic of its own. */
@Module({})
export class ApiModule {
  static register(config: ApiConfig): DynamicModule {
    const graphqlLog = new Logger('GraphQL');
    return {
      module: ApiModule,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: {
            ...pinoOptions(config.logLevel, 'api'),
            autoLogging: { ignore: (req) => (req.url ?? '').startsWith('/health') },
          },
        }),
        DatabaseModule.forRoot({ url: config.database.url, migrations: platformMigrations, poolSize: config.database.poolSize, applicationName: 'upops-api' }),
        EventStoreModule.forRoot(),
        IdentityModule.forRoot({ ...config.identity, jwtSecret: config.identity.jwtSecret }),
        GraphQLModule.forRoot(
          graphqlConfig(config.graphql, (error) => graphqlLog.error(error instanceof Error ? (error.stack ?? error.message) : String(error))),
        ),
        HealthModule,
        CatalogueModule,
        InventoryModule,
        ReviewModule.forRoot(config.review),
      ],
    };
  }
}
