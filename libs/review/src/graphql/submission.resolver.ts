import { Inject } from '@nestjs/common';
import { Args, Query, Resolver } from '@nestjs/graphql';
import { Access, type Actor, CurrentActor } from '@upops/identity';
import { ReviewQueries } from '../application/review-queries';
import { canonicalJson } from '../domain/canonical-json';
import { toReceipt } from './review.mapper';
import { SubmissionReceiptType, SubmissionType, SubmissionVerificationType } from './review.types';

const SUBMISSION_READER_ROLES = ['national_coordinator', 'drafter', 'observer', 'reviewer', 'secretariat_officer'] as const;

/** Frozen submissions: the Party reads its own, Secretariat officers every Party's. */
@Resolver()
export class SubmissionResolver {
  constructor(@Inject(ReviewQueries) private readonly queries: ReviewQueries) {}

  @Query(() => [SubmissionReceiptType], { description: 'Receipts of submissions to the Secretariat (own Party; Secretariat officers all or one Party).' })
  @Access.roles(...SUBMISSION_READER_ROLES)
  async submissions(@CurrentActor() actor: Actor, @Args('party', { type: () => String, nullable: true }) party?: string | null): Promise<SubmissionReceiptType[]> {
    return (await this.queries.submissions(actor, party ?? null)).map(toReceipt);
  }

  @Query(() => SubmissionType, { description: 'A frozen submission with its snapshot.' })
  @Access.roles(...SUBMISSION_READER_ROLES)
  async submission(@CurrentActor() actor: Actor, @Args('submissionId') submissionId: string): Promise<SubmissionType> {
    const { receipt, snapshot } = await this.queries.submission(actor, submissionId);
    return {
      ...toReceipt(receipt),
      snapshotJson: canonicalJson(snapshot),
      engineVersion: snapshot.engineVersion,
      editionId: snapshot.edition.editionId,
      tefScheme: snapshot.tefScheme.id,
      lineCount: snapshot.lines.length,
    };
  }

  @Query(() => SubmissionVerificationType, { description: 'Recomputes the hash of a submission from the event store and the read model, against its receipt.' })
  @Access.roles(...SUBMISSION_READER_ROLES)
  verifySubmission(@CurrentActor() actor: Actor, @Args('submissionId') submissionId: string): Promise<SubmissionVerificationType> {
    return this.queries.verify(actor, submissionId);
  }
}
