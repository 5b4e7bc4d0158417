/**
 * Inventory benchmark (bench/README.md):
 * (a) full recompute of a national inventory with every class of the shipped catalogue, for 30
 *     reference years (releases per vector and substance, totals, time series), against a plain
 *     multiply-and-add loop over the same cells in the same process;
 * (b) recordActivity over HTTP by 20 concurrent clients on one inventory, each edit followed by
 *     a read that waits until the read model shows it (read your own writes): throughput and
 *     p50/p99 latency, against a trivial GraphQL query by 20 clients in the same run.
 */
import { performance } from 'node:perf_hooks';
import { type FactorValue, timeSeries } from '@upops/calculation';
import { type EditionState, decide as decideCatalogue, initialCatalogueState, replay as replayCatalogue, shippedCatalogue } from '@upops/catalogue';
import { type InventoryEvent, type OpenedInventory, inventoryEvent, inventoryReleases, replay } from '@upops/inventory';
import { startApiFixture } from '../apps/api/src/test-support/api-fixture';
import { startServer } from './lib/bench-database';

const YEARS = 30;
const CLIENTS = 20;
const EDITS_PER_CLIENT = Number(process.env.BENCH_EDITS_PER_CLIENT ?? 25);
const TRIVIAL_PER_CLIENT = 200;

function shippedEdition(): EditionState {
  const decision = decideCatalogue(
    { type: 'ImportEditionSnapshot', editionId: 'toolkit-2013', title: 'bench', snapshot: shippedCatalogue().snapshot, reason: 'bench' },
    initialCatalogueState,
    new Date(),
  );
  if (!decision.ok) throw decision.error;
  return replayCatalogue(decision.events).editions['toolkit-2013'];
}

function nationalInventory(edition: EditionState, year: number): OpenedInventory {
  const events: InventoryEvent[] = [
    inventoryEvent('InventoryOpened', { inventoryId: `BEN-${year}`, party: 'BEN', referenceYear: year, editionId: 'toolkit-2013', tefScheme: 'WHO-2005', openedAt: new Date().toISOString() }),
  ];
  Object.values(edition.classes).forEach((c, i) => {
    events.push(
      inventoryEvent('ActivityRecorded', {
        inventoryId: `BEN-${year}`,
        line: { lineId: `l${i}`, classCode: c.code, categoryCode: c.categoryCode, facilityName: null, activityRate: 1000 + i + year, unit: c.activityUnit, dataSource: '', note: '', revision: 1 },
      }),
    );
  });
  return replay(events) as OpenedInventory;
}

function median(values: number[]): number {
  return percentile(values, 0.5);
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
}

function recompute(): void {
  const edition = shippedEdition();
  const inventories = Array.from({ length: YEARS }, (_, i) => nationalInventory(edition, 1995 + i));
  const factors = Object.values(edition.factors);
  const engine: number[] = [];
  const plain: number[] = [];
  let cells = 0;
  let uncalculated = 0;
  for (let round = 0; round < 7; round++) {
    let start = performance.now();
    const years = inventories.map((inv) => {
      const releases = inventoryReleases(inv, edition);
      cells = releases.lines.reduce((n, l) => n + l.cells.length, 0) * YEARS;
      uncalculated = releases.uncalculated.length;
      return { year: inv.referenceYear, results: releases.lines };
    });
    const series = timeSeries(years, { by: ['category'], baselineYear: 1995 });
    if (!series.ok) throw new Error('time series refused');
    engine.push(performance.now() - start);

    start = performance.now();
    let sink = 0;
    for (const inv of inventories) {
      const rate = new Map(Object.values(inv.lines).map((l) => [l.classCode, l.activityRate]));
      for (const f of factors) {
        const v: FactorValue = f.value;
        if (v.kind === 'value') sink += ((rate.get(f.classCode) ?? 0) * v.value) / 1e6;
      }
    }
    if (sink < 0) throw new Error('impossible');
    plain.push(performance.now() - start);
  }
  const e = median(engine.slice(2));
  const p = median(plain.slice(2));
  console.log(`(a) full recompute: ${Object.keys(edition.classes).length} classes x 5 vectors x ${YEARS} years = ${cells} release cells (${uncalculated} lines per year refused by the calculation)`);
  console.log(`    engine (releases + totals in 7 groupings + time series): ${e.toFixed(1)} ms median; plain multiply-add loop over the numeric cells: ${p.toFixed(2)} ms`);
  console.log(`    ratio engine / plain loop = ${(e / p).toFixed(0)} (the engine checks and converts units, keeps NA/ND/ranges, compensated sums, confidence shares)`);
}

async function http(): Promise<void> {
  const server = await startServer((line) => console.log(line));
  process.env.DATABASE_URL = server.adminUrl;
  const fixture = await startApiFixture();
  try {
    const opened = await fixture.as('kenDrafter', 'mutation { openInventory(input: { party: "KEN", referenceYear: 2024, editionId: "toolkit-2013" }) { version } }');
    if (opened.errors) throw new Error(JSON.stringify(opened.errors));

    const trivialLatencies: number[] = [];
    let start = performance.now();
    await Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        for (let i = 0; i < TRIVIAL_PER_CLIENT; i++) {
          const t = performance.now();
          await fixture.as('kenDrafter', '{ __typename }');
          trivialLatencies.push(performance.now() - t);
        }
      }),
    );
    const trivialSeconds = (performance.now() - start) / 1000;

    const editLatencies: number[] = [];
    let failures = 0;
    start = performance.now();
    await Promise.all(
      Array.from({ length: CLIENTS }, async (_, client) => {
        for (let i = 0; i < EDITS_PER_CLIENT; i++) {
          const t = performance.now();
          const edit = await fixture.as<{ recordActivity: { position: string } }>(
            'kenDrafter',
            `mutation { recordActivity(input: { inventoryId: "KEN-2024", lineId: "c${client}-${i}", classCode: "1a1", facilityName: "Plant ${client}-${i}", activityRate: ${100 + i}, unit: "t" }) { position } }`,
          );
          const read = edit.data
            ? await fixture.as('kenDrafter', `{ inventory(inventoryId: "KEN-2024", after: "${edit.data.recordActivity.position}") { version } }`)
            : edit;
          if (read.errors) {
            failures++;
            if (failures === 1) console.log(`    first failure: ${JSON.stringify(read.errors[0])}`);
          }
          else editLatencies.push(performance.now() - t);
        }
      }),
    );
    const editSeconds = (performance.now() - start) / 1000;
    const edits = CLIENTS * EDITS_PER_CLIENT;
    const trivialRate = (CLIENTS * TRIVIAL_PER_CLIENT) / trivialSeconds;
    const editRate = editLatencies.length / editSeconds;
    const lines = await fixture.as<{ inventory: { lineCount: number } }>('kenDrafter', '{ inventory(inventoryId: "KEN-2024") { lineCount } }');
    console.log(`(b) ${CLIENTS} concurrent HTTP clients on one inventory (PostgreSQL from ${server.source})`);
    console.log(`    trivial query: ${trivialRate.toFixed(0)} req/s, p50 ${percentile(trivialLatencies, 0.5).toFixed(1)} ms, p99 ${percentile(trivialLatencies, 0.99).toFixed(1)} ms`);
    console.log(
      `    recordActivity until the read model shows it: ${editRate.toFixed(0)} edits/s, p50 ${percentile(editLatencies, 0.5).toFixed(1)} ms, p99 ${percentile(editLatencies, 0.99).toFixed(1)} ms; ${failures} failed; lines in the read model ${lines.data?.inventory.lineCount} of ${edits}`,
    );
    console.log(`    ratio edit throughput / trivial query throughput = ${(editRate / trivialRate).toFixed(3)}`);
  } finally {
    await fixture.close();
    await server.stop();
  }
}

async function main(): Promise<void> {
  recompute();
  await http();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
