/**
 * Review benchmark (bench/README.md): freezing a national inventory with every class of the
 * shipped catalogue for the Secretariat — QA/QC, the snapshot (lines, factors applied, totals)
 * and its sha256 over canonical JSON — against the release calculation alone (what every read
 * model update does), in the same process. Pure: no database.
 */
import { performance } from 'node:perf_hooks';
import { type EditionState, decide as decideCatalogue, initialCatalogueState, replay as replayCatalogue, shippedCatalogue } from '@upops/catalogue';
import { CALCULATION_ENGINE_VERSION } from '@upops/calculation';
import { type InventoryEvent, type OpenedInventory, inventoryEvent, inventoryReleases, replay } from '@upops/inventory';
import { canonicalJson, contentHash, DEFAULT_QAQC_OPTIONS, runQaqc, submissionSnapshot } from '@upops/review';

const ROUNDS = 15;

function shippedEdition(): EditionState {
  const decision = decideCatalogue(
    { type: 'ImportEditionSnapshot', editionId: 'toolkit-2013', title: 'bench', snapshot: shippedCatalogue().snapshot, reason: 'bench' },
    initialCatalogueState,
    new Date(),
  );
  if (!decision.ok) throw decision.error;
  return replayCatalogue(decision.events).editions['toolkit-2013'];
}

function nationalInventory(edition: EditionState): OpenedInventory {
  const events: InventoryEvent[] = [
    inventoryEvent('InventoryOpened', { inventoryId: 'BEN-2024', party: 'BEN', referenceYear: 2024, editionId: 'toolkit-2013', tefScheme: 'WHO-2005', openedAt: new Date().toISOString() }),
  ];
  Object.values(edition.classes).forEach((c, i) => {
    events.push(
      inventoryEvent('ActivityRecorded', {
        inventoryId: 'BEN-2024',
        line: { lineId: `l${i}`, classCode: c.code, categoryCode: c.categoryCode, facilityName: null, activityRate: 1000 + i, unit: c.activityUnit, dataSource: '', note: '', revision: 1 },
      }),
    );
  });
  return replay(events) as OpenedInventory;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function main(): void {
  const edition = shippedEdition();
  const inventory = nationalInventory(edition);
  const shipped = shippedCatalogue();
  const calculationOnly: number[] = [];
  const freeze: number[] = [];
  let bytes = 0;
  let findings = 0;
  for (let round = 0; round < ROUNDS; round++) {
    let start = performance.now();
    inventoryReleases(inventory, edition);
    calculationOnly.push(performance.now() - start);

    start = performance.now();
    const releases = inventoryReleases(inventory, edition);
    const found = runQaqc({ inventory, releases, edition, annexC: shipped.annexCMapping, previous: { inventoryId: 'BEN-2023', referenceYear: 2023, nationalTotalGrams: 1 } }, DEFAULT_QAQC_OPTIONS);
    const snapshot = submissionSnapshot({
      inventory,
      revision: 1,
      releases,
      edition,
      tefScheme: shipped.tefSchemes.find((s) => s.id === 'WHO-2005'),
      engineVersion: CALCULATION_ENGINE_VERSION,
      findings: found,
      acknowledgements: [],
      approvals: [],
    });
    contentHash(snapshot);
    freeze.push(performance.now() - start);
    bytes = Buffer.byteLength(canonicalJson(snapshot));
    findings = found.length;
  }
  const c = median(calculationOnly);
  const f = median(freeze);
  console.log(`review: freeze a submission of ${Object.keys(inventory.lines).length} lines (every shipped class), ${ROUNDS} rounds, medians`);
  console.log(`  calculation alone (releases + totals): ${c.toFixed(1)} ms`);
  console.log(`  freeze (calculation + QA/QC [${findings} findings] + snapshot + sha256 of ${(bytes / 1024).toFixed(0)} KiB canonical JSON): ${f.toFixed(1)} ms`);
  console.log(`  ratio freeze / calculation = ${(f / c).toFixed(2)}`);
}

main();
