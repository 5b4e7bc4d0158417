import { Field, Float, InputType, Int } from '@nestjs/graphql';

@InputType({ description: 'Opens the inventory of a Party for a reference year (one per Party and year).' })
export class OpenInventoryInput {
  @Field() party!: string;
  @Field(() => Int) referenceYear!: number;
  @Field({ description: 'a published catalogue edition, e.g. toolkit-2013' }) editionId!: string;
  @Field({ defaultValue: 'WHO-2005' }) tefScheme!: string;
  @Field(() => String, { nullable: true, description: 'client-chosen id: a retry is answered, not applied twice' }) commandId?: string | null;
}

@InputType({ description: 'A new activity line.' })
export class RecordActivityInput {
  @Field() inventoryId!: string;
  @Field(() => String, { nullable: true, description: 'client-chosen line id (a UUID is made when absent)' }) lineId?: string | null;
  @Field() classCode!: string;
  @Field(() => String, { nullable: true }) facilityName?: string | null;
  @Field(() => Float) activityRate!: number;
  @Field({ description: "the activity's unit, compatible with the class's (e.g. kt for t of waste burned)" }) unit!: string;
  @Field({ defaultValue: '' }) dataSource!: string;
  @Field({ defaultValue: '' }) note!: string;
  @Field(() => String, { nullable: true }) commandId?: string | null;
}

@InputType({ description: 'Changes some fields of a line as the client saw it at basedOnRevision.' })
export class ReviseActivityInput {
  @Field() inventoryId!: string;
  @Field() lineId!: string;
  @Field(() => Int) basedOnRevision!: number;
  @Field(() => String, { nullable: true }) classCode?: string | null;
  @Field(() => String, { nullable: true }) facilityName?: string | null;
  @Field({ defaultValue: false, description: 'true to clear the facility name' }) clearFacilityName!: boolean;
  @Field(() => Float, { nullable: true }) activityRate?: number | null;
  @Field(() => String, { nullable: true }) unit?: string | null;
  @Field(() => String, { nullable: true }) dataSource?: string | null;
  @Field(() => String, { nullable: true }) note?: string | null;
  @Field(() => String, { nullable: true }) commandId?: string | null;
}

@InputType()
export class RemoveActivityInput {
  @Field() inventoryId!: string;
  @Field() lineId!: string;
  @Field(() => Int) basedOnRevision!: number;
  @Field(() => String, { nullable: true }) reason?: string | null;
  @Field(() => String, { nullable: true }) commandId?: string | null;
}

@InputType({ description: 'A country-specific factor for one line (lineId + basedOnRevision) or for a class (classCode + replacesOverrideId).' })
export class OverrideEmissionFactorInput {
  @Field() inventoryId!: string;
  @Field(() => String, { nullable: true }) overrideId?: string | null;
  @Field(() => String, { nullable: true }) lineId?: string | null;
  @Field(() => Int, { nullable: true }) basedOnRevision?: number | null;
  @Field(() => String, { nullable: true }) classCode?: string | null;
  @Field(() => String, { nullable: true, description: 'the class override the client saw in force (null: none)' }) replacesOverrideId?: string | null;
  @Field() substance!: string;
  @Field() vector!: string;
  @Field({ description: 'value, range, NA or ND' }) kind!: string;
  @Field(() => Float, { nullable: true }) value?: number | null;
  @Field(() => Float, { nullable: true }) low?: number | null;
  @Field(() => Float, { nullable: true }) high?: number | null;
  @Field({ defaultValue: '' }) unit!: string;
  @Field() justification!: string;
  @Field() reference!: string;
  @Field(() => String, { nullable: true }) commandId?: string | null;
}

@InputType()
export class WithdrawOverrideInput {
  @Field() inventoryId!: string;
  @Field() overrideId!: string;
  @Field(() => String, { nullable: true }) reason?: string | null;
  @Field(() => String, { nullable: true }) commandId?: string | null;
}

@InputType()
export class CategoryNotOccurringInput {
  @Field() inventoryId!: string;
  @Field() categoryCode!: string;
  @Field({ description: 'why the category does not occur (required)' }) note!: string;
  @Field(() => String, { nullable: true }) commandId?: string | null;
}

@InputType()
export class UnmarkCategoryInput {
  @Field() inventoryId!: string;
  @Field() categoryCode!: string;
  @Field(() => String, { nullable: true }) reason?: string | null;
  @Field(() => String, { nullable: true }) commandId?: string | null;
}

@InputType({ description: 'Recalculates the inventory under another edition; the explanation is kept with the event.' })
export class SwitchEditionInput {
  @Field() inventoryId!: string;
  @Field() editionId!: string;
  @Field() explanation!: string;
  @Field(() => String, { nullable: true }) commandId?: string | null;
}
