import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'What a thread or an approval is about: the inventory, a category, or one line.' })
export class ReviewSubjectType {
  @Field({ description: 'inventory, category or line' }) kind!: string;
  @Field(() => String, { nullable: true }) categoryCode!: string | null;
  @Field(() => String, { nullable: true }) lineId!: string | null;
}

@ObjectType({ description: 'A person assigned to review: from the Party, another Party, or the Secretariat.' })
export class ReviewerType {
  @Field(() => ID) accountId!: string;
  @Field() organisation!: string;
  @Field() displayName!: string;
  @Field({ description: 'the lead reviewer lets reviewers\' questions through to the Party and confirms closing threads' }) lead!: boolean;
}

@ObjectType()
export class ThreadCommentType {
  @Field(() => ID) commentId!: string;
  @Field() author!: string;
  @Field() text!: string;
  @Field(() => [String], { description: 'account ids of the people mentioned (they are notified)' }) mentions!: string[];
  @Field() at!: string;
}

@ObjectType({ description: 'A discussion on an inventory, a category or a line; open threads block approval.' })
export class ReviewThreadType {
  @Field(() => ID) threadId!: string;
  @Field(() => ReviewSubjectType) subject!: ReviewSubjectType;
  @Field() author!: string;
  @Field({ description: 'awaiting_lead (a reviewer\'s question the lead has not let through; reviewers only), open or resolved' }) status!: string;
  @Field(() => [ThreadCommentType]) comments!: ThreadCommentType[];
  @Field(() => String, { nullable: true, description: 'who asked to close it while the lead reviewer has not confirmed' }) resolutionProposedBy!: string | null;
  @Field(() => String, { nullable: true }) resolutionProposedNote!: string | null;
  @Field(() => String, { nullable: true }) resolvedBy!: string | null;
  @Field(() => String, { nullable: true }) resolvedAt!: string | null;
  @Field(() => String, { nullable: true }) resolutionNote!: string | null;
}

@ObjectType({ description: 'A reviewer approval of a line, a category or the inventory, and whether it still counts.' })
export class ApprovalType {
  @Field(() => ReviewSubjectType) subject!: ReviewSubjectType;
  @Field() approvedBy!: string;
  @Field() approvedAt!: string;
  @Field({ description: 'false once what was approved changed (lapsed) or changed since' }) standing!: boolean;
  @Field(() => String, { nullable: true, description: 'why it no longer counts' }) lapsedWhy!: string | null;
  @Field(() => String, { nullable: true }) lapsedAt!: string | null;
}

@ObjectType({ description: 'The receipt of a submission to the Secretariat: what was frozen, when, by whom, and its hash.' })
export class SubmissionReceiptType {
  @Field(() => ID) submissionId!: string;
  @Field() inventoryId!: string;
  @Field() party!: string;
  @Field(() => Int) referenceYear!: number;
  @Field(() => Int) revision!: number;
  @Field() submittedAt!: string;
  @Field() submittedBy!: string;
  @Field({ description: 'sha256 (hex) of the snapshot in canonical JSON' }) contentHash!: string;
  @Field(() => String, { nullable: true }) supersedes!: string | null;
  @Field(() => String, { nullable: true, description: 'set when a later submission replaced this one (it stays readable)' }) supersededBy!: string | null;
}

@ObjectType({ description: 'A frozen submission: its receipt and the snapshot it states.' })
export class SubmissionType extends SubmissionReceiptType {
  @Field({ description: 'the snapshot (lines, factors, edition, TEF scheme, totals, engine version) as canonical JSON' }) snapshotJson!: string;
  @Field() engineVersion!: string;
  @Field() editionId!: string;
  @Field() tefScheme!: string;
  @Field(() => Int) lineCount!: number;
}

@ObjectType({ description: 'The hash of a submission recomputed from the event store and from the read model, against its receipt.' })
export class SubmissionVerificationType {
  @Field(() => ID) submissionId!: string;
  @Field() receiptHash!: string;
  @Field() eventStoreHash!: string;
  @Field() readModelHash!: string;
  @Field() verified!: boolean;
}

@ObjectType({ description: 'A QA/QC finding: blockers stop a submission, warnings need a comment.' })
export class QaqcFindingType {
  @Field(() => ID, { description: 'name it in acknowledgements to comment on a warning' }) findingId!: string;
  @Field() rule!: string;
  @Field({ description: 'blocker or warning' }) severity!: string;
  @Field(() => ReviewSubjectType) subject!: ReviewSubjectType;
  @Field() message!: string;
}

@ObjectType({ description: 'A comment given on a QA/QC warning.' })
export class AcknowledgementType {
  @Field() findingId!: string;
  @Field() comment!: string;
}

@ObjectType({ description: 'The review of an inventory: where it stands, who reviews it, threads, approvals and submissions.' })
export class ReviewType {
  @Field(() => ID) inventoryId!: string;
  @Field() party!: string;
  @Field({ description: 'draft, in_review, changes_requested, approved or submitted' }) status!: string;
  @Field(() => Int, { description: '1, then +1 each time a submission is reopened' }) revision!: number;
  @Field(() => Int, { description: 'review rounds in this revision' }) round!: number;
  @Field(() => Int, { description: 'the review stream version' }) version!: number;
  @Field(() => [ReviewerType]) reviewers!: ReviewerType[];
  @Field(() => [ReviewThreadType]) threads!: ReviewThreadType[];
  @Field(() => [ApprovalType]) approvals!: ApprovalType[];
  @Field(() => ApprovalType, { nullable: true }) inventoryApproval!: ApprovalType | null;
  @Field(() => [String], { description: 'lines no standing approval covers (neither their own nor their category\'s)' }) linesNotApproved!: string[];
  @Field(() => [SubmissionReceiptType], { description: 'every submission of this inventory, oldest first' }) submissions!: SubmissionReceiptType[];
}

@ObjectType({ description: 'One line of a review\'s timeline: who did what, on which subject or thread, and why.' })
export class ReviewHistoryEntryType {
  @Field(() => Int, { description: 'the review stream version' }) version!: number;
  @Field() at!: string;
  @Field({ description: 'the person (display name when known, otherwise account id), or the platform' }) actor!: string;
  @Field() type!: string;
  @Field(() => ReviewSubjectType, { nullable: true }) subject!: ReviewSubjectType | null;
  @Field(() => String, { nullable: true }) threadId!: string | null;
  @Field() what!: string;
  @Field(() => String, { nullable: true, description: 'the note, reason, comment or why of a lapse' }) why!: string | null;
}

@ObjectType({ description: 'A review in a list: for "assigned to me", the Party\'s, or the Secretariat\'s overview.' })
export class ReviewSummaryType {
  @Field(() => ID) inventoryId!: string;
  @Field() party!: string;
  @Field() status!: string;
  @Field(() => Int) revision!: number;
  @Field(() => Int) round!: number;
  @Field(() => Int) openThreads!: number;
  @Field(() => [String]) reviewerIds!: string[];
  @Field() updatedAt!: string;
}

@ObjectType({ description: 'The result of a review action: the events it wrote and the review after it.' })
export class ReviewActionType {
  @Field(() => ID) inventoryId!: string;
  @Field(() => [String], { description: 'event types appended (empty for a repeated command id)' }) events!: string[];
  @Field() duplicate!: boolean;
  @Field(() => ReviewType) review!: ReviewType;
  @Field(() => SubmissionReceiptType, { nullable: true, description: 'the receipt, for a submission to the Secretariat' }) receipt!: SubmissionReceiptType | null;
}

@ObjectType({ description: 'An in-app notification: an assignment, a mention, a reply, a request for changes, a lapsed approval.' })
export class NotificationType {
  @Field(() => ID) notificationId!: string;
  @Field() inventoryId!: string;
  @Field() kind!: string;
  @Field() message!: string;
  @Field(() => String, { nullable: true }) threadId!: string | null;
  @Field({ description: 'who caused it (account id, or system:<process>)' }) actor!: string;
  @Field(() => String, { nullable: true, description: 'their name, when the directory knows it' }) actorName!: string | null;
  @Field() createdAt!: string;
  @Field(() => String, { nullable: true }) readAt!: string | null;
}
