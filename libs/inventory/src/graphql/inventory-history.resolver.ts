import { Inject } from '@nestjs/common';
import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import { type Total, type TotalDimension, compareRecalculated, timeSeries } from '@upops/calculation';
import { Access, type Actor, CurrentActor, IdentityService } from '@upops/identity';
import { InventoryQueries } from '../application/inventory-queries';
import type { InventoryView } from '../application/inventory-views';
import { INVENTORY_READER_ROLES } from '../domain/inventory-access';
import { inventoryReleases } from '../domain/inventory-releases';
import { historyEntry } from '../domain/history';
import { diffInventories } from '../domain/inventory.diff';
import { InventoryError, InventoryErrorCode } from '../domain/inventory.errors';
import type { InventoryEvent } from '../domain/inventory.events';
import { isOpened, replay, stateAtVersion } from '../domain/inventory.state';
import { toLine, toOverride } from './inventory.mapper';
import { HistoryEntryType, InventoryDiffType, RecalculationType, TimeSeriesType, type TotalChangeType } from './inventory.types';

const SERIES_GROUPINGS: Record<string, TotalDimension[]> = { nation: [], group: ['group'], category: ['category'], vector: ['vector'] };

/** The inventory through time: its timeline, diffs between versions, years side by side, other editions. */
@Resolver()
export class InventoryHistoryResolver {
  constructor(
    @Inject(InventoryQueries) private readonly queries: InventoryQueries,
    @Inject(IdentityService) private readonly identity: IdentityService,
  ) {}

  @Query(() => [HistoryEntryType], { description: 'Every change of an inventory: who, what, when and why (newest last).' })
  @Access.roles(...INVENTORY_READER_ROLES)
  async inventoryHistory(@CurrentActor() actor: Actor, @Args('inventoryId') inventoryId: string): Promise<HistoryEntryType[]> {
    const events = await this.queries.readableEvents(actor, inventoryId);
    const names = await this.displayNames(actor);
    return events.map((e) =>
      historyEntry(e as unknown as InventoryEvent, { actor: e.metadata.actor, actorName: names.get(e.metadata.actor), at: e.recordedAt, version: e.streamVersion }),
    );
  }

  @Query(() => InventoryDiffType, { description: 'What changed between two versions of an inventory: lines, overrides and totals per category.' })
  @Access.roles(...INVENTORY_READER_ROLES)
  async inventoryDiff(
    @CurrentActor() actor: Actor,
    @Args('inventoryId') inventoryId: string,
    @Args('fromVersion', { type: () => Int }) fromVersion: number,
    @Args('toVersion', { type: () => Int, nullable: true }) toVersion?: number | null,
  ): Promise<InventoryDiffType> {
    const events = (await this.queries.readableEvents(actor, inventoryId)) as unknown as (InventoryEvent & { streamVersion: number })[];
    const to = toVersion ?? events.length;
    if (fromVersion < 1 || fromVersion > events.length || to < fromVersion || to > events.length) {
      throw new InventoryError(InventoryErrorCode.INVALID_INPUT, 'fromVersion', `Versions run from 1 to ${events.length}, fromVersion <= toVersion.`);
    }
    const before = stateAtVersion(events, fromVersion);
    const after = stateAtVersion(events, to);
    const diff = diffInventories(before, after);
    const [a, b] = [await this.queries.computed(before, undefined), await this.queries.computed(after, undefined)];
    return {
      fromVersion,
      toVersion: to,
      header: diff.header.map((f) => ({ field: f.field, before: JSON.stringify(f.before), after: JSON.stringify(f.after) })),
      linesAdded: diff.lines.added.map(toLine),
      linesRemoved: diff.lines.removed.map(toLine),
      linesChanged: diff.lines.changed.map((c) => ({
        lineId: c.id,
        before: toLine(c.before),
        after: toLine(c.after),
        fields: c.fields.map((f) => ({ field: f.field, before: JSON.stringify(f.before), after: JSON.stringify(f.after) })),
      })),
      overridesAdded: diff.overrides.added.map(toOverride),
      overridesRemoved: diff.overrides.removed.map(toOverride),
      totals: totalChanges(categoryTotals(a), categoryTotals(b)),
    };
  }

  @Query(() => TimeSeriesType, { description: "A Party's inventories side by side across years, with changes against a baseline year." })
  @Access.roles(...INVENTORY_READER_ROLES)
  async inventoryTimeSeries(
    @CurrentActor() actor: Actor,
    @Args('party') party: string,
    @Args('by', { type: () => String, defaultValue: 'category', description: 'nation, group, category or vector' }) by: string,
    @Args('baselineYear', { type: () => Int, nullable: true }) baselineYear?: number | null,
  ): Promise<TimeSeriesType> {
    const dimensions = SERIES_GROUPINGS[by];
    if (!dimensions) throw new InventoryError(InventoryErrorCode.INVALID_INPUT, 'by', 'Group a time series by nation, group, category or vector.');
    const years = await this.queries.resultsByYear(actor, party);
    const series = timeSeries(years, { by: dimensions, baselineYear: baselineYear ?? undefined });
    if (!series.ok) throw new InventoryError(InventoryErrorCode.INVALID_INPUT, 'baselineYear', series.errors.map((e) => e.message).join(' '));
    return {
      party,
      years: series.value.years,
      baselineYear: series.value.baselineYear,
      rows: series.value.rows.map((row) => ({
        group: row.keys.group ?? null,
        category: row.keys.category ?? null,
        vector: row.keys.vector ?? null,
        substance: row.substance,
        points: row.points.map((p) => ({
          year: p.year,
          grams: p.total?.grams ?? null,
          changeFromBaseline: p.change?.absoluteGrams ?? null,
          relativeChangeFromBaseline: p.change?.relative ?? null,
        })),
      })),
    };
  }

  @Query(() => RecalculationType, {
    description: 'Old vs new totals per category if the inventory were recalculated under another edition (saving it needs switchInventoryEdition with an explanation).',
  })
  @Access.roles(...INVENTORY_READER_ROLES)
  async inventoryRecalculation(@CurrentActor() actor: Actor, @Args('inventoryId') inventoryId: string, @Args('editionId') editionId: string): Promise<RecalculationType> {
    const state = replay((await this.queries.readableEvents(actor, inventoryId)) as unknown as InventoryEvent[]);
    if (!isOpened(state)) throw new InventoryError(InventoryErrorCode.INVENTORY_NOT_FOUND, 'inventoryId', `There is no inventory ${inventoryId}.`);
    const [current, target] = [await this.queries.edition(state.editionId), await this.queries.edition(editionId)];
    if (!current || !target || target.edition.status !== 'published') {
      throw new InventoryError(InventoryErrorCode.EDITION_NOT_PUBLISHED, 'editionId', `${editionId} is not a published edition.`);
    }
    const before = inventoryReleases(state, current);
    const after = inventoryReleases({ ...state, editionId }, target);
    const comparison = compareRecalculated(before.lines, after.lines, { by: ['category'] });
    return {
      inventoryId,
      fromEditionId: state.editionId,
      toEditionId: editionId,
      categories: comparison.rows.map((r) => ({
        group: null,
        category: r.keys.category ?? null,
        vector: null,
        substance: r.substance,
        before: r.previous?.grams ?? null,
        after: r.current?.grams ?? null,
        absoluteGrams: r.difference?.absoluteGrams ?? null,
        relative: r.difference?.relative ?? null,
      })),
      linesWithoutClass: Object.values(state.lines).filter((l) => !target.classes[l.classCode]).map((l) => l.lineId).sort(),
    };
  }

  private async displayNames(actor: Actor): Promise<Map<string, string>> {
    try {
      return new Map((await this.identity.members(actor)).map((m) => [m.accountId, m.displayName]));
    } catch {
      // Names are a courtesy: the timeline still shows account ids.
      return new Map();
    }
  }
}

function categoryTotals(view: InventoryView | undefined): Total[] {
  return view?.totals.category ?? [];
}

function totalChanges(before: Total[], after: Total[]): TotalChangeType[] {
  const key = (t: Total) => `${t.keys.category ?? ''}|${t.substance}`;
  const a = new Map(before.map((t) => [key(t), t]));
  const b = new Map(after.map((t) => [key(t), t]));
  return [...new Set([...a.keys(), ...b.keys()])].sort().map((k) => {
    const old = a.get(k);
    const now = b.get(k);
    const some = (now ?? old) as Total;
    const delta = old?.grams != null && now?.grams != null ? now.grams - old.grams : null;
    return {
      group: null,
      category: some.keys.category ?? null,
      vector: null,
      substance: some.substance,
      before: old?.grams ?? null,
      after: now?.grams ?? null,
      absoluteGrams: delta,
      relative: delta !== null && old?.grams ? delta / old.grams : null,
    };
  });
}
