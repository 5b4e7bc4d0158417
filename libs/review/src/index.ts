// Review's public API: the pure workflow domain (commands, events, decider, state, QA/QC,
// snapshots), its handler and queries, the worker's projection and lapse process, GraphQL and the
// Nest module for the api.
export * from './domain/review.types';
export * from './domain/review.events';
export type { ReviewCommand, ReviewContext, ReviewActor, ReviewPerson } from './domain/review.commands';
export { ReviewError, ReviewErrorCode } from './domain/review.errors';
export { decide } from './domain/decide';
export { evolve, initialReview, replayReview, currentSubmission, openThreads, type ReviewState } from './domain/review.state';
export { approvalBasis, whyLapsed } from './domain/approval-basis';
export { canonicalJson } from './domain/canonical-json';
export { submissionSnapshot, SNAPSHOT_FORMAT, type SubmissionSnapshot } from './domain/submission-snapshot';
export type { QaqcFinding, QaqcOptions, QaqcRule, PlausibleRange } from './domain/qaqc/qaqc.types';
export { QAQC_RULES } from './domain/qaqc/qaqc.types';
export { runQaqc } from './domain/qaqc/run-qaqc';
export { DEFAULT_QAQC_OPTIONS } from './domain/qaqc/default-qaqc-options';
export { REVIEW_PARTICIPANT_ROLES, REVIEWER_ROLES, canReadReview } from './domain/review-access';

export { ReviewCommandHandler, type ReviewOutcome } from './application/review-commands.handler';
export { ReviewQueries, type ReviewReader } from './application/review-queries';
export { ReviewService, type PeopleDirectory } from './application/review.service';
export { reviewSourcesOf, DEFAULT_REVIEW_OPTIONS, type ReviewOptions } from './application/review-sources';
export { contentHash } from './application/content-hash';
export { ApprovalLapseProcess, APPROVAL_LAPSE_PROCESS } from './application/approval-lapse.process';
export { ReviewProjection, REVIEW_READ_MODEL, REVIEW_NOTIFICATION_CHANNEL } from './persistence/review.projection';
export { CreateReviewReadModel1764300000300 } from './persistence/1764300000300-create-review-read-model';
export { reviewErrorToGraphql } from './graphql/review-error.mapper';
export { ReviewResolver } from './graphql/review.resolver';
export { ReviewWorkflowResolver } from './graphql/review-workflow.resolver';
export { ReviewThreadResolver } from './graphql/review-thread.resolver';
export { SubmissionResolver } from './graphql/submission.resolver';
export { NotificationResolver } from './graphql/notification.resolver';
export { ReviewModule } from './nest/review.module';

import { CreateReviewReadModel1764300000300 } from './persistence/1764300000300-create-review-read-model';
export const reviewMigrations = [CreateReviewReadModel1764300000300];
