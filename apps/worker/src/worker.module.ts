import { type DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { pinoOptions, type PlatformConfig } from '@upops/config';
import { DatabaseModule } from '@upops/database';
import { EventStoreModule } from '@upops/event-store';
import { MessagingModule } from '@upops/messaging';
import { platformMigrations, platformSubscriptionHandlers } from '@upops/platform';

/** The worker runs the platform's subscriptions on the configured bus; nothing else. */
@Module({})
export class WorkerModule {
  static register(config: PlatformConfig & { database: { url: string } }): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        LoggerModule.forRoot({ pinoHttp: pinoOptions(config.logLevel, 'worker') }),
        DatabaseModule.forRoot({ url: config.database.url, migrations: platformMigrations, poolSize: config.database.poolSize, applicationName: 'upops-worker' }),
        EventStoreModule.forRoot(),
        MessagingModule.forRoot({
          kafka: config.kafka,
          subscription: { batchSize: config.subscriptions.batchSize, pollIntervalMs: config.subscriptions.pollIntervalMs },
          handlers: platformSubscriptionHandlers,
        }),
      ],
    };
  }
}
