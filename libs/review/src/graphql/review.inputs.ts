import { Field, InputType } from '@nestjs/graphql';

@InputType({ description: 'A comment on a QA/QC warning, so a request for review or a submission may pass it.' })
export class AcknowledgementInput {
  @Field() findingId!: string;
  @Field() comment!: string;
}

@InputType({ description: 'The coordinator asks for review (again after changes) and names reviewers to add.' })
export class RequestReviewInput {
  @Field() inventoryId!: string;
  @Field(() => [String], { defaultValue: [], description: 'account ids: a reviewer of the Party, another Party\'s expert, or the Secretariat' }) reviewerIds!: string[];
  @Field(() => [AcknowledgementInput], { defaultValue: [] }) acknowledgements!: AcknowledgementInput[];
  @Field(() => String, { nullable: true }) note?: string | null;
  @Field(() => String, { nullable: true, description: 'client-chosen id: a retry is answered, not applied twice' }) commandId?: string | null;
}

@InputType()
export class ReviewerInput {
  @Field() inventoryId!: string;
  @Field() accountId!: string;
}

@InputType()
export class RequestChangesInput {
  @Field() inventoryId!: string;
  @Field({ description: 'what should change' }) summary!: string;
}

@InputType({ description: 'A new thread on the inventory, a category (categoryCode) or a line (lineId).' })
export class OpenThreadInput {
  @Field() inventoryId!: string;
  @Field(() => String, { nullable: true, description: 'a client-chosen UUID (for retries); one is made when absent' }) threadId?: string | null;
  @Field(() => String, { nullable: true }) lineId?: string | null;
  @Field(() => String, { nullable: true }) categoryCode?: string | null;
  @Field() text!: string;
  @Field(() => [String], { defaultValue: [], description: 'account ids to notify; each must be able to read the review' }) mentionIds!: string[];
}

@InputType()
export class ReplyToThreadInput {
  @Field() inventoryId!: string;
  @Field() threadId!: string;
  @Field() text!: string;
  @Field(() => [String], { defaultValue: [] }) mentionIds!: string[];
}

@InputType()
export class LeadReviewerInput {
  @Field() inventoryId!: string;
  @Field(() => String, { nullable: true, description: 'an assigned reviewer; null: no lead (questions go straight to the Party)' }) accountId!: string | null;
}

@InputType()
export class ReleaseThreadInput {
  @Field() inventoryId!: string;
  @Field() threadId!: string;
}

@InputType()
export class ResolveThreadInput {
  @Field() inventoryId!: string;
  @Field() threadId!: string;
  @Field(() => String, { nullable: true }) note?: string | null;
}

@InputType()
export class ReopenThreadInput {
  @Field() inventoryId!: string;
  @Field() threadId!: string;
  @Field() reason!: string;
}

@InputType({ description: 'Approves a line (lineId) or a category (categoryCode) as it stands now.' })
export class ApproveInput {
  @Field() inventoryId!: string;
  @Field(() => String, { nullable: true }) lineId?: string | null;
  @Field(() => String, { nullable: true }) categoryCode?: string | null;
}

@InputType({ description: 'Freezes the approved inventory as a submission to the Secretariat.' })
export class SubmitToSecretariatInput {
  @Field() inventoryId!: string;
  @Field(() => String, { nullable: true, description: 'client-chosen receipt id (one is made when absent)' }) submissionId?: string | null;
  @Field(() => [AcknowledgementInput], { defaultValue: [] }) acknowledgements!: AcknowledgementInput[];
  @Field(() => String, { nullable: true }) commandId?: string | null;
}

@InputType()
export class ReopenSubmissionInput {
  @Field() inventoryId!: string;
  @Field() reason!: string;
}
