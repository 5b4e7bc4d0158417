import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'A factor cell or a country-specific factor: a value, a range, NA (not applicable) or ND (not determined).' })
export class FactorValueType {
  @Field({ description: 'value, range, NA or ND' }) kind!: string;
  @Field(() => Float, { nullable: true }) value!: number | null;
  @Field(() => Float, { nullable: true }) low!: number | null;
  @Field(() => Float, { nullable: true }) high!: number | null;
}

@ObjectType({ description: 'The release of one substance to one vector of a line, in g TEQ/a (TEQ substances) or g/a (mass).' })
export class ReleaseType {
  @Field() substance!: string;
  @Field({ description: 'air, water, land, product or residue' }) vector!: string;
  @Field({ description: 'release, range, NA or ND: NA and ND are never 0' }) kind!: string;
  @Field(() => Float, { nullable: true, description: 'grams per year; null for NA, ND and ranges' }) grams!: number | null;
  @Field(() => Float, { nullable: true }) lowGrams!: number | null;
  @Field(() => Float, { nullable: true }) highGrams!: number | null;
  @Field(() => String, { nullable: true, description: 'TEQ (g TEQ/a) or mass (g/a)' }) basis!: string | null;
  @Field({ description: 'confidence of the factor used: verified, inferred or unverified' }) confidence!: string;
  @Field({ description: 'true when a country-specific factor replaced the edition one' }) countrySpecific!: boolean;
  @Field() factorUnit!: string;
}

@ObjectType({ description: 'One activity line: a source class (optionally one facility), its activity rate and its releases.' })
export class ActivityLineType {
  @Field(() => ID) lineId!: string;
  @Field() classCode!: string;
  @Field() categoryCode!: string;
  @Field() groupCode!: string;
  @Field(() => String, { nullable: true }) facilityName!: string | null;
  @Field(() => Float) activityRate!: number;
  @Field() unit!: string;
  @Field() dataSource!: string;
  @Field() note!: string;
  @Field(() => Int, { description: 'Name it as basedOnRevision when revising or removing the line.' }) revision!: number;
  @Field(() => [ReleaseType], { nullable: true, description: 'null when the calculation refused the line (see Inventory.uncalculated)' })
  releases!: ReleaseType[] | null;
}

@ObjectType({ description: 'A country-specific emission factor in force, with its justification and reference.' })
export class EmissionFactorOverrideType {
  @Field(() => ID) overrideId!: string;
  @Field({ description: 'line or class' }) scope!: string;
  @Field(() => String, { nullable: true }) lineId!: string | null;
  @Field(() => String, { nullable: true }) classCode!: string | null;
  @Field() substance!: string;
  @Field() vector!: string;
  @Field(() => FactorValueType) value!: FactorValueType;
  @Field() unit!: string;
  @Field() justification!: string;
  @Field() reference!: string;
}

@ObjectType({ description: 'A category the Party states does not occur in its territory (NO).' })
export class NotOccurringType {
  @Field() categoryCode!: string;
  @Field() note!: string;
}

@ObjectType({ description: 'A total of releases, grouped as asked (keys absent from the grouping are null).' })
export class ReleaseTotalType {
  @Field(() => String, { nullable: true }) group!: string | null;
  @Field(() => String, { nullable: true }) category!: string | null;
  @Field(() => String, { nullable: true, name: 'class' }) classCode!: string | null;
  @Field(() => String, { nullable: true }) vector!: string | null;
  @Field({ description: 'the substance, or * when substances of one basis were combined' }) substance!: string;
  @Field(() => String, { nullable: true, description: 'TEQ (g TEQ/a) or mass (g/a)' }) basis!: string | null;
  @Field(() => Float, { nullable: true, description: 'sum of point releases; null when only NA/ND' }) grams!: number | null;
  @Field(() => Float, { nullable: true }) lowGrams!: number | null;
  @Field(() => Float, { nullable: true }) highGrams!: number | null;
  @Field(() => Float, { nullable: true, description: 'share of the grams resting on unverified factors' }) unverifiedShare!: number | null;
  @Field(() => Float) countrySpecificGrams!: number;
  @Field(() => Int) releaseCells!: number;
  @Field(() => Int) rangeCells!: number;
  @Field(() => Int, { description: 'NA cells (not applicable): add nothing' }) naCells!: number;
  @Field(() => Int, { description: 'ND cells (no factor determined): add nothing, but the release may exist' }) ndCells!: number;
}

@ObjectType({ description: 'Why the calculation refused one reason of a line.' })
export class CalculationProblemType {
  @Field() code!: string;
  @Field() field!: string;
  @Field() message!: string;
}

@ObjectType({ description: 'A line the calculation could not compute: left out of the totals, never counted as 0.' })
export class UncalculatedLineType {
  @Field() lineId!: string;
  @Field(() => [CalculationProblemType]) problems!: CalculationProblemType[];
}

@ObjectType({ description: 'An inventory as a list shows it.' })
export class InventorySummaryType {
  @Field(() => ID) inventoryId!: string;
  @Field({ description: 'ISO 3166 alpha-3 code of the Party' }) party!: string;
  @Field(() => Int) referenceYear!: number;
  @Field() editionId!: string;
  @Field() tefScheme!: string;
  @Field({ description: 'draft or submitted' }) status!: string;
  @Field() openedAt!: string;
  @Field(() => String, { nullable: true }) updatedAt!: string | null;
  @Field(() => String, { nullable: true, description: 'account id of the last editor' }) updatedBy!: string | null;
  @Field(() => Int, { description: 'stream version: time travel goes back to any earlier one' }) version!: number;
  @Field(() => Int) lineCount!: number;
}

@ObjectType({ description: 'A release inventory of one Party for one reference year, with lines, releases and totals.' })
export class InventoryType extends InventorySummaryType {
  @Field(() => [ActivityLineType]) lines!: ActivityLineType[];
  @Field(() => [EmissionFactorOverrideType]) overrides!: EmissionFactorOverrideType[];
  @Field(() => [NotOccurringType]) notOccurring!: NotOccurringType[];
  @Field(() => [UncalculatedLineType]) uncalculated!: UncalculatedLineType[];
}

@ObjectType({ description: 'An accepted edit: the inventory version it produced.' })
export class InventoryEditType {
  @Field(() => ID) inventoryId!: string;
  @Field(() => Int) version!: number;
  @Field({ description: 'true when this command id had been applied before (a retry): nothing new was written' }) duplicate!: boolean;
  @Field({ description: 'the event position the read models must reach to show the edit' }) position!: string;
  @Field(() => ActivityLineType, { nullable: true, description: 'the line the edit touched, as it is now (releases not included)' })
  line!: ActivityLineType | null;
}

@ObjectType({ description: 'One entry of an inventory timeline: who did what, when and why.' })
export class HistoryEntryType {
  @Field() at!: string;
  @Field({ description: 'the person (display name when known, otherwise account id)' }) actor!: string;
  @Field(() => Int, { nullable: true }) version!: number | null;
  @Field() type!: string;
  @Field(() => String, { nullable: true }) lineId!: string | null;
  @Field(() => String, { nullable: true }) categoryCode!: string | null;
  @Field() what!: string;
  @Field(() => String, { nullable: true }) why!: string | null;
}

@ObjectType({ description: 'A change of a total between two points (two versions, two years or two editions).' })
export class TotalChangeType {
  @Field(() => String, { nullable: true }) group!: string | null;
  @Field(() => String, { nullable: true }) category!: string | null;
  @Field(() => String, { nullable: true }) vector!: string | null;
  @Field() substance!: string;
  @Field(() => Float, { nullable: true, description: 'null when not estimated on that side (not 0)' }) before!: number | null;
  @Field(() => Float, { nullable: true }) after!: number | null;
  @Field(() => Float, { nullable: true }) absoluteGrams!: number | null;
  @Field(() => Float, { nullable: true, description: 'absolute / before; null when before is 0 or missing' }) relative!: number | null;
}

@ObjectType({ description: 'A field that differs between two versions.' })
export class FieldChangeType {
  @Field() field!: string;
  @Field({ description: 'JSON of the earlier value' }) before!: string;
  @Field({ description: 'JSON of the later value' }) after!: string;
}

@ObjectType({ description: 'A line present in both versions with different content.' })
export class LineChangeType {
  @Field() lineId!: string;
  @Field(() => ActivityLineType) before!: ActivityLineType;
  @Field(() => ActivityLineType) after!: ActivityLineType;
  @Field(() => [FieldChangeType]) fields!: FieldChangeType[];
}

@ObjectType({ description: 'What changed from one version of an inventory to another: lines and totals.' })
export class InventoryDiffType {
  @Field(() => Int) fromVersion!: number;
  @Field(() => Int) toVersion!: number;
  @Field(() => [FieldChangeType]) header!: FieldChangeType[];
  @Field(() => [ActivityLineType]) linesAdded!: ActivityLineType[];
  @Field(() => [ActivityLineType]) linesRemoved!: ActivityLineType[];
  @Field(() => [LineChangeType]) linesChanged!: LineChangeType[];
  @Field(() => [EmissionFactorOverrideType]) overridesAdded!: EmissionFactorOverrideType[];
  @Field(() => [EmissionFactorOverrideType]) overridesRemoved!: EmissionFactorOverrideType[];
  @Field(() => [TotalChangeType], { description: 'per category and substance' }) totals!: TotalChangeType[];
}

@ObjectType({ description: 'One year of a time series row.' })
export class SeriesPointType {
  @Field(() => Int) year!: number;
  @Field(() => Float, { nullable: true, description: 'null when not estimated that year (not 0)' }) grams!: number | null;
  @Field(() => Float, { nullable: true }) changeFromBaseline!: number | null;
  @Field(() => Float, { nullable: true }) relativeChangeFromBaseline!: number | null;
}

@ObjectType({ description: 'One grouping (e.g. a category) of a Party across years.' })
export class SeriesRowType {
  @Field(() => String, { nullable: true }) group!: string | null;
  @Field(() => String, { nullable: true }) category!: string | null;
  @Field(() => String, { nullable: true }) vector!: string | null;
  @Field() substance!: string;
  @Field(() => [SeriesPointType]) points!: SeriesPointType[];
}

@ObjectType({ description: "A Party's inventories side by side across reference years." })
export class TimeSeriesType {
  @Field() party!: string;
  @Field(() => [Int]) years!: number[];
  @Field(() => Int, { nullable: true }) baselineYear!: number | null;
  @Field(() => [SeriesRowType]) rows!: SeriesRowType[];
}

@ObjectType({ description: 'The same activity lines under the current and another edition: old vs new totals per category.' })
export class RecalculationType {
  @Field() inventoryId!: string;
  @Field() fromEditionId!: string;
  @Field() toEditionId!: string;
  @Field(() => [TotalChangeType]) categories!: TotalChangeType[];
  @Field(() => [String], { description: 'lines whose class the other edition lacks' }) linesWithoutClass!: string[];
}

@ObjectType({ description: 'Pushed to everyone viewing an inventory after each change reached the read model.' })
export class InventoryChangeType {
  @Field() inventoryId!: string;
  @Field(() => Int) version!: number;
  @Field(() => [String]) eventTypes!: string[];
  @Field({ description: 'account id of who made the change' }) actor!: string;
  @Field(() => InventoryType, { nullable: true, description: 'the inventory with its new totals' }) inventory!: InventoryType | null;
}

@ObjectType({ description: 'An accepted import: every row became an activity line, in one edit.' })
export class ActivityImportType {
  @Field() inventoryId!: string;
  @Field(() => Int) version!: number;
  @Field(() => Int) linesRecorded!: number;
  @Field() position!: string;
}
