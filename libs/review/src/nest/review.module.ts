import { type DynamicModule, Module } from '@nestjs/common';
import type { Pool } from 'pg';
import { CatalogueModule, CatalogueService } from '@upops/catalogue';
import { PG_POOL } from '@upops/database';
import { AppendNotifier, PostgresEventStore } from '@upops/event-store';
import { IdentityService } from '@upops/identity';
import { InventoryCommandHandler, InventoryModule, InventoryQueries } from '@upops/inventory';
import { ReviewCommandHandler } from '../application/review-commands.handler';
import { ReviewQueries } from '../application/review-queries';
import { DEFAULT_REVIEW_OPTIONS, type ReviewOptions, reviewSourcesOf } from '../application/review-sources';
import { ReviewService } from '../application/review.service';
import { NotificationResolver } from '../graphql/notification.resolver';
import { ReviewThreadResolver } from '../graphql/review-thread.resolver';
import { ReviewWorkflowResolver } from '../graphql/review-workflow.resolver';
import { ReviewResolver } from '../graphql/review.resolver';
import { SubmissionResolver } from '../graphql/submission.resolver';
import { REVIEW_NOTIFICATION_CHANNEL } from '../persistence/review.projection';
import { ReviewNotifications } from './review-notifications';
import { SubmissionDownloadController } from '../http/submission-download.controller';

const NOTIFICATION_NOTIFIER = Symbol('REVIEW_NOTIFICATION_NOTIFIER');

/** Review for the api: the workflow, threads, approvals, submissions and notifications. */
@Module({})
export class ReviewModule {
  static forRoot(options: ReviewOptions = DEFAULT_REVIEW_OPTIONS): DynamicModule {
    return {
      module: ReviewModule,
      imports: [CatalogueModule, InventoryModule],
      controllers: [SubmissionDownloadController],
      providers: [
        {
          provide: ReviewCommandHandler,
          inject: [PG_POOL, PostgresEventStore, InventoryCommandHandler, CatalogueService, InventoryQueries],
          useFactory: (pool: Pool, store: PostgresEventStore, inventories: InventoryCommandHandler, catalogue: CatalogueService, queries: InventoryQueries) =>
            new ReviewCommandHandler(pool, store, inventories, reviewSourcesOf(catalogue, queries, options)),
        },
        {
          provide: ReviewService,
          inject: [ReviewCommandHandler, IdentityService],
          useFactory: (handler: ReviewCommandHandler, identity: IdentityService) => new ReviewService(handler, (accountId) => identity.member(accountId)),
        },
        {
          provide: ReviewQueries,
          inject: [PG_POOL, PostgresEventStore, ReviewCommandHandler],
          useFactory: (pool: Pool, store: PostgresEventStore, handler: ReviewCommandHandler) => new ReviewQueries(pool, store, handler),
        },
        { provide: NOTIFICATION_NOTIFIER, inject: [PG_POOL], useFactory: (pool: Pool) => new AppendNotifier(pool, undefined, REVIEW_NOTIFICATION_CHANNEL) },
        { provide: ReviewNotifications, inject: [NOTIFICATION_NOTIFIER], useFactory: (notifier: AppendNotifier) => new ReviewNotifications(notifier) },
        ReviewResolver,
        ReviewWorkflowResolver,
        ReviewThreadResolver,
        SubmissionResolver,
        NotificationResolver,
      ],
      exports: [ReviewQueries, ReviewService],
    };
  }
}
