import { type DynamicModule, Module } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import { LoggerModule } from 'nestjs-pino';
import { pinoOptions, type PlatformConfig } from '@upops/config';
import { DatabaseModule } from '@upops/database';
import { EventStoreModule } from '@upops/event-store';
import { platformMigrations } from '@upops/platform';
import { graphqlConfig } from './graphql/graphql.config';
import { HealthModule } from './health/health.module';

/** The api composes the contexts' modules; it holds no domain logic of its own. */
@Module({})
export class ApiModule {
  static register(config: PlatformConfig & { database: { url: string } }): DynamicModule {
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
        GraphQLModule.forRoot(graphqlConfig()),
        HealthModule,
      ],
    };
  }
}
