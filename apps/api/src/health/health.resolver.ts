import { Inject } from '@nestjs/common';
import { Access } from '@upops/identity';
import { Query, Resolver, Subscription } from '@nestjs/graphql';
import { HEAD_CHANGED, HeadPublisher } from './head-publisher';
import { EventStoreHead, Health } from './health.types';
import { HealthService } from './health.service';

@Resolver(() => Health)
export class HealthResolver {
  constructor(
    @Inject(HealthService) private readonly service: HealthService,
    @Inject(HeadPublisher) private readonly heads: HeadPublisher,
  ) {}

  @Query(() => Health, { description: 'Database reachability, event store head and subscription lag.' })
  @Access.public()
  async health(): Promise<Health> {
    const report = await this.service.report();
    return {
      status: report.status,
      databaseReachable: report.databaseReachable,
      databaseLatencyMs: report.databaseLatencyMs,
      eventStoreHead: report.eventStoreHead?.toString() ?? null,
      subscriptions: report.subscriptions.map((s) => ({
        name: s.name,
        lastPosition: s.lastPosition.toString(),
        lag: s.lag.toString(),
        updatedAt: s.updatedAt,
      })),
    };
  }

  @Subscription(() => EventStoreHead, { description: 'Pushes the event store head after every append.' })
  @Access.authenticated()
  eventStoreHeadChanged(): AsyncIterableIterator<unknown> {
    return this.heads.pubSub.asyncIterableIterator(HEAD_CHANGED);
  }
}
