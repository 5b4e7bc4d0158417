import { Field, Float, ID, InputType, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'A catalogue edition: draft while Toolkit experts edit it, immutable once published.' })
export class EditionType {
  @Field(() => ID) id!: string;
  @Field() title!: string;
  @Field({ description: 'draft or published' }) status!: string;
  @Field() draftedAt!: string;
  @Field(() => String, { nullable: true }) publishedAt!: string | null;
  @Field(() => String, { nullable: true }) derivedFrom!: string | null;
}

@ObjectType({ description: 'How many factor cells, and how sure the numbers are.' })
export class FactorCountsType {
  @Field(() => Int) total!: number;
  @Field(() => Int) values!: number;
  @Field(() => Int) ranges!: number;
  @Field(() => Int, { description: 'ND: no factor determined (the vector may matter).' }) notDetermined!: number;
  @Field(() => Int, { description: 'NA: vector not applicable.' }) notApplicable!: number;
  @Field(() => Int, { description: 'Numbers read in a Toolkit page or official table.' }) verified!: number;
  @Field(() => Int) inferred!: number;
  @Field(() => Int, { description: 'Numbers transcribed but not checked against the Toolkit.' }) unverified!: number;
}

@ObjectType({ description: 'One default emission factor: a class, a substance and a vector.' })
export class EmissionFactorType {
  @Field() classCode!: string;
  @Field() substance!: string;
  @Field({ description: 'air, water, land, product or residue' }) vector!: string;
  @Field({ description: 'value, range, NA (not applicable) or ND (no factor determined)' }) kind!: string;
  @Field(() => Float, { nullable: true }) value!: number | null;
  @Field(() => Float, { nullable: true }) low!: number | null;
  @Field(() => Float, { nullable: true }) high!: number | null;
  @Field({ description: 'e.g. µg TEQ/t' }) unit!: string;
  @Field() activityUnit!: string;
  @Field({ description: 'verified, inferred or unverified' }) confidence!: string;
  @Field() reference!: string;
  @Field() note!: string;
}

@ObjectType({ description: 'A source class (a technology level) with its factors.' })
export class SourceClassType {
  @Field() code!: string;
  @Field() categoryCode!: string;
  @Field() name!: string;
  @Field() activityUnit!: string;
  @Field({ description: 'Annex C Part II/III source category (an inferred mapping).' }) annexC!: string;
  @Field() confidence!: string;
  @Field() reference!: string;
  @Field() note!: string;
  @Field(() => [EmissionFactorType]) factors!: EmissionFactorType[];
}

@ObjectType()
export class SourceCategoryType {
  @Field() code!: string;
  @Field() name!: string;
  @Field(() => [SourceClassType]) classes!: SourceClassType[];
  @Field(() => FactorCountsType) counts!: FactorCountsType;
}

@ObjectType()
export class SourceGroupType {
  @Field() code!: string;
  @Field() name!: string;
  @Field(() => [SourceCategoryType]) categories!: SourceCategoryType[];
  @Field(() => FactorCountsType) counts!: FactorCountsType;
}

@ObjectType({ description: 'An edition as the Toolkit lists it: source groups > categories > classes > factors.' })
export class EditionTreeType {
  @Field(() => EditionType) edition!: EditionType;
  @Field(() => [SourceGroupType]) groups!: SourceGroupType[];
  @Field(() => FactorCountsType) counts!: FactorCountsType;
}

@ObjectType()
export class FactorChangeType {
  @Field() key!: string;
  @Field(() => EmissionFactorType, { nullable: true }) before!: EmissionFactorType | null;
  @Field(() => EmissionFactorType, { nullable: true }) after!: EmissionFactorType | null;
}

@ObjectType({ description: 'What changed between two editions.' })
export class EditionDiffType {
  @Field() from!: string;
  @Field() to!: string;
  @Field(() => [String]) addedClasses!: string[];
  @Field(() => [String]) removedClasses!: string[];
  @Field(() => [FactorChangeType]) addedFactors!: FactorChangeType[];
  @Field(() => [FactorChangeType]) removedFactors!: FactorChangeType[];
  @Field(() => [FactorChangeType]) changedFactors!: FactorChangeType[];
}

@ObjectType()
export class TefType {
  @Field() congener!: string;
  @Field(() => Float) tef!: number;
  @Field() confidence!: string;
}

@ObjectType({ description: 'A toxic equivalency scheme (WHO-2005, WHO-1998, I-TEF, WHO-2022).' })
export class TefSchemeType {
  @Field() id!: string;
  @Field() confidence!: string;
  @Field(() => [TefType]) factors!: TefType[];
}

@ObjectType()
export class TeqResultType {
  @Field() scheme!: string;
  @Field(() => Float, { description: 'Sum of concentration x TEF, in the unit of the concentrations.' }) teq!: number;
  @Field({ description: 'The lowest confidence of the TEFs used.' }) confidence!: string;
}

@InputType()
export class CongenerConcentrationInput {
  @Field() congener!: string;
  @Field(() => Float) concentration!: number;
}

@InputType({ description: 'A factor to set in a draft edition; reason and reference are required.' })
export class SetEmissionFactorInput {
  @Field() editionId!: string;
  @Field() classCode!: string;
  @Field() substance!: string;
  @Field() vector!: string;
  @Field({ description: 'value, range, NA or ND' }) kind!: string;
  @Field(() => Float, { nullable: true }) value?: number;
  @Field(() => Float, { nullable: true }) low?: number;
  @Field(() => Float, { nullable: true }) high?: number;
  @Field() unit!: string;
  @Field({ description: 'verified, inferred or unverified' }) confidence!: string;
  @Field() reference!: string;
  @Field() reason!: string;
  @Field({ nullable: true }) note?: string;
}

@InputType()
export class WithdrawEmissionFactorInput {
  @Field() editionId!: string;
  @Field() classCode!: string;
  @Field() substance!: string;
  @Field() vector!: string;
  @Field() reference!: string;
  @Field() reason!: string;
}
