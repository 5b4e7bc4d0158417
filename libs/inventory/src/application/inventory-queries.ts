import type { Pool, PoolClient } from 'pg';
import type { EditionState } from '@upops/catalogue';
import type { LineResult, ReleaseCell } from '@upops/calculation';
import { withRowScope } from '@upops/database';
import type { PostgresEventStore, RecordedEvent } from '@upops/event-store';
import { type InventoryCaller, canReadInventoryOf, readsEveryParty } from '../domain/inventory-access';
import type { InventoryTotals, UncalculatedLine } from '../domain/inventory-releases';
import { inventoryReleases } from '../domain/inventory-releases';
import { InventoryError, InventoryErrorCode } from '../domain/inventory.errors';
import { type InventoryEvent, inventoryStreamId } from '../domain/inventory.events';
import { type InventoryState, type OpenedInventory, isOpened, replay } from '../domain/inventory.state';
import { type InventorySummaryView, type InventoryView, viewOf } from './inventory-views';

interface InventoryRow {
  inventory_id: string;
  party: string;
  reference_year: number;
  edition_id: string;
  tef_scheme: string;
  status: string;
  opened_at: Date;
  updated_at: Date;
  updated_by: string;
  version: number;
  line_count: number;
  state: OpenedInventory;
  totals: InventoryTotals;
  uncalculated: UncalculatedLine[];
  last_transaction_id: string;
  last_position: string;
}

interface LineRow {
  line_id: string;
  party: string;
  group_code: string;
  category_code: string;
  class_code: string;
  cells: ReleaseCell[] | null;
}

export type EditionSource = (editionId: string) => Promise<EditionState | undefined>;

/** A past point of an inventory: a stream version or a moment. */
export type PointInHistory = { version: number } | { asOf: Date };

/**
 * The read side of inventories. Current views come from the read models (in a transaction that
 * PostgreSQL limits to the caller's Party); past versions are replayed from the stream and
 * computed the same way as the projection does. Every method checks the caller first.
 */
export class InventoryQueries {
  constructor(
    private readonly pool: Pool,
    private readonly store: PostgresEventStore,
    private readonly editionOf: EditionSource,
  ) {}

  async list(caller: InventoryCaller, filter: { party?: string | null } = {}): Promise<InventorySummaryView[]> {
    return this.scoped(caller, async (tx) => {
      const { rows } = await tx.query<InventoryRow>(
        `SELECT * FROM inv_inventories WHERE ($1::text IS NULL OR party = $1) ORDER BY party, reference_year`,
        [filter.party ?? null],
      );
      return rows.filter((r) => canReadInventoryOf(caller, r.party)).map(summaryOfRow);
    });
  }

  /** The inventory as the read model holds it now, or undefined when there is none. */
  async current(caller: InventoryCaller, inventoryId: string): Promise<InventoryView | undefined> {
    const found = await this.scoped(caller, async (tx) => {
      const { rows } = await tx.query<InventoryRow>('SELECT * FROM inv_inventories WHERE inventory_id = $1', [inventoryId]);
      if (!rows[0]) return undefined;
      const lines = await tx.query<LineRow>('SELECT line_id, party, group_code, category_code, class_code, cells FROM inv_lines WHERE inventory_id = $1', [inventoryId]);
      return { row: rows[0], lines: lines.rows };
    });
    if (!found) {
      await this.assertNotHidden(caller, inventoryId);
      return undefined;
    }
    const { row, lines } = found;
    if (!canReadInventoryOf(caller, row.party)) throw forbidden(inventoryId);
    // The stored lines carry their release cells (null when refused) and the group of their category.
    const computed = lines.filter((l) => l.cells !== null).map((l) => ({ lineId: l.line_id, cells: l.cells as ReleaseCell[] }));
    const groups = new Map(lines.map((l) => [l.category_code, l.group_code]));
    const view = viewOf(row.state, { lines: computed, uncalculated: row.uncalculated, totals: row.totals }, (c) => groups.get(c) ?? '', {
      at: row.updated_at.toISOString(),
      by: row.updated_by,
    });
    return view;
  }

  /** Time travel: the inventory as it was at a version or a moment, with its releases then. */
  async at(caller: InventoryCaller, inventoryId: string, point: PointInHistory): Promise<InventoryView | undefined> {
    const events = await this.readableEvents(caller, inventoryId, 'version' in point ? { toVersion: point.version } : { asOf: point.asOf });
    const state = replay(events.map(asInventoryEvent));
    if (!isOpened(state)) return undefined;
    return this.computed(state, events[events.length - 1]);
  }

  /** The stored events of an inventory (all, or up to a point), after checking the caller may read it. */
  async readableEvents(caller: InventoryCaller, inventoryId: string, range: { toVersion?: number; asOf?: Date } = {}): Promise<RecordedEvent[]> {
    const slice = await this.store.readStream(inventoryStreamId(inventoryId), range);
    const first = slice.events[0] ?? (await this.store.readStream(inventoryStreamId(inventoryId), { toVersion: 1 })).events[0];
    if (!first) throw new InventoryError(InventoryErrorCode.INVENTORY_NOT_FOUND, 'inventoryId', `There is no inventory ${inventoryId}.`);
    const party = (first.data as { party?: string }).party ?? '';
    if (!canReadInventoryOf(caller, party)) throw forbidden(inventoryId);
    return slice.events;
  }

  /** The state after some events, computed under its edition (what time travel and diffs show). */
  async computed(state: InventoryState, last: RecordedEvent | undefined): Promise<InventoryView | undefined> {
    if (!isOpened(state)) return undefined;
    const edition = await this.editionOf(state.editionId);
    if (!edition) throw new InventoryError(InventoryErrorCode.EDITION_NOT_PUBLISHED, 'editionId', `The catalogue has no edition ${state.editionId}.`);
    return viewOf(state, inventoryReleases(state, edition), (category) => edition.categories[category]?.groupCode ?? '', {
      at: last?.recordedAt.toISOString() ?? null,
      by: last?.metadata.actor ?? null,
    });
  }

  /** The calculation results of a Party's inventories, one entry per year (for time series). */
  async resultsByYear(caller: InventoryCaller, party: string): Promise<{ year: number; inventoryId: string; results: LineResult[] }[]> {
    if (!canReadInventoryOf(caller, party)) throw forbidden(party);
    return this.scoped(caller, async (tx) => {
      const { rows } = await tx.query<LineRow & { reference_year: number; inventory_id: string }>(
        `SELECT i.reference_year, i.inventory_id, l.line_id, l.party, l.group_code, l.category_code, l.class_code, l.cells
         FROM inv_inventories i LEFT JOIN inv_lines l ON l.inventory_id = i.inventory_id
         WHERE i.party = $1 ORDER BY i.reference_year, l.line_id`,
        [party],
      );
      const years = new Map<number, { year: number; inventoryId: string; results: LineResult[] }>();
      for (const row of rows) {
        const entry = years.get(row.reference_year) ?? { year: row.reference_year, inventoryId: row.inventory_id, results: [] };
        years.set(row.reference_year, entry);
        if (row.line_id && row.cells) {
          entry.results.push({ lineId: row.line_id, party: row.party, groupCode: row.group_code, categoryCode: row.category_code, classCode: row.class_code, cells: row.cells });
        }
      }
      return [...years.values()];
    });
  }

  /** An edition of the catalogue, as the calculation needs it. */
  edition(editionId: string): Promise<EditionState | undefined> {
    return this.editionOf(editionId);
  }

  private scoped<T>(caller: InventoryCaller, read: (tx: PoolClient) => Promise<T>): Promise<T> {
    return withRowScope(this.pool, { organisation: caller.organisation, allOrganisations: readsEveryParty(caller) }, read);
  }

  /**
   * A row the caller's scope hides (or the read model has not reached yet) is judged by the
   * stream: another Party's inventory is refused as such, not reported missing.
   */
  private async assertNotHidden(caller: InventoryCaller, inventoryId: string): Promise<void> {
    try {
      await this.readableEvents(caller, inventoryId, { toVersion: 1 });
    } catch (error) {
      if (error instanceof InventoryError && error.code === InventoryErrorCode.INVENTORY_NOT_FOUND) return;
      throw error;
    }
  }
}

function forbidden(what: string): InventoryError {
  return new InventoryError(InventoryErrorCode.FORBIDDEN, 'inventoryId', `You may not read ${what}: it belongs to another Party.`);
}

function asInventoryEvent(event: RecordedEvent): InventoryEvent {
  return event as unknown as InventoryEvent;
}

function summaryOfRow(row: InventoryRow): InventorySummaryView {
  return {
    inventoryId: row.inventory_id,
    party: row.party,
    referenceYear: row.reference_year,
    editionId: row.edition_id,
    tefScheme: row.tef_scheme,
    status: row.status,
    openedAt: new Date(row.opened_at).toISOString(),
    updatedAt: row.updated_at.toISOString(),
    updatedBy: row.updated_by,
    version: row.version,
    lineCount: row.line_count,
  };
}
