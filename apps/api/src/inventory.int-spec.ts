import { Workbook } from 'exceljs';
import { collectSubscription, graphqlWsClient } from '@upops/testing';
import { type ApiFixture, startApiFixture } from './test-support/api-fixture';

const EDIT = 'inventoryId version duplicate position line { lineId revision activityRate unit }';
const PCDD = 'PCDD/PCDF';

interface Edit {
  inventoryId: string;
  version: number;
  duplicate: boolean;
  position: string;
  line: { lineId: string; revision: number; activityRate: number; unit: string } | null;
}
interface Total {
  category: string | null;
  vector: string | null;
  substance: string;
  grams: number | null;
}

describe('inventory drafting over GraphQL (real PostgreSQL, projections running)', () => {
  let fixture: ApiFixture;

  beforeAll(async () => {
    fixture = await startApiFixture();
  });
  afterAll(() => fixture?.close());

  async function open(party: string, year: number, who: 'kenDrafter' | 'ecuDrafter' = 'kenDrafter'): Promise<Edit> {
    const opened = await fixture.as<{ openInventory: Edit }>(who, `mutation($i: OpenInventoryInput!) { openInventory(input: $i) { ${EDIT} } }`, {
      i: { party, referenceYear: year, editionId: 'toolkit-2013' },
    });
    expect(opened.errors).toBeUndefined();
    return opened.data!.openInventory;
  }

  async function record(inventoryId: string, line: Record<string, unknown>, who: Parameters<ApiFixture['as']>[0] = 'kenDrafter') {
    return fixture.as<{ recordActivity: Edit }>(who, `mutation($i: RecordActivityInput!) { recordActivity(input: $i) { ${EDIT} } }`, {
      i: { inventoryId, dataSource: 'test', ...line },
    });
  }

  async function totals(inventoryId: string, after: string, by = 'category') {
    const read = await fixture.as<{ inventory: { version: number; lineCount: number; totals: Total[] } }>(
      'kenObserver',
      `query($id: String!, $after: String, $by: String!) { inventory(inventoryId: $id, after: $after) { version lineCount totals(by: $by, substance: "${PCDD}") { category vector substance grams } } }`,
      { id: inventoryId, after, by },
    );
    expect(read.errors).toBeUndefined();
    return read.data!.inventory;
  }

  it('opens an inventory, records lines in converted units, and reads releases equal to activity x EF once the read model shows them', async () => {
    const opened = await open('KEN', 2020);
    expect(opened).toMatchObject({ inventoryId: 'KEN-2020', version: 1 });
    await record('KEN-2020', { lineId: 'msw', classCode: '1a1', activityRate: 12, unit: 'kt' });
    const last = await record('KEN-2020', { lineId: 'biomass', classCode: '3b1', activityRate: 400_000, unit: 'GJ', facilityName: 'Mumias' });
    expect(last.errors).toBeUndefined();
    const view = await totals('KEN-2020', last.data!.recordActivity.position);
    expect(view.lineCount).toBe(2);
    const category = (code: string) => view.totals.find((t) => t.category === code)?.grams as number;
    // 3500 µg TEQ/t x 12,000 t + 75 µg TEQ/t x 12,000 t = 42.9 g; 500 µg TEQ/TJ x 400 TJ + 15 x 400 = 0.206 g
    expect(Math.abs(category('1a') - 42.9) / 42.9).toBeLessThan(1e-9);
    expect(Math.abs(category('3b') - 0.206) / 0.206).toBeLessThan(1e-9);
    const nation = await totals('KEN-2020', last.data!.recordActivity.position, 'nation');
    expect(Math.abs((nation.totals[0].grams as number) - 43.106) / 43.106).toBeLessThan(1e-9);
  });

  it('refuses an incompatible unit with a typed error naming the field, and writes nothing', async () => {
    await open('KEN', 2021);
    const refused = await record('KEN-2021', { classCode: '1a1', activityRate: 10, unit: 'TJ' });
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'UNIT_INCOMPATIBLE', field: 'unit' });
    const history = await fixture.as<{ inventoryHistory: unknown[] }>('kenDrafter', 'query { inventoryHistory(inventoryId: "KEN-2021") { type } }');
    expect(history.data?.inventoryHistory).toHaveLength(1);
  });

  it('refuses text PostgreSQL cannot store (NUL, a lone surrogate) as bad input naming the field, never a 500, writing nothing', async () => {
    await open('KEN', 2010);
    const inVariable = await record('KEN-2010', { classCode: '1a1', activityRate: 10, unit: 't', note: 'plant \u0000 B' });
    expect(inVariable.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'note' });
    const inLiteral = await fixture.as('kenDrafter', 'mutation { recordActivity(input: { inventoryId: "KEN-2010", classCode: "1a1", activityRate: 10, unit: "t", dataSource: "nul \\u0000" }) { version } }');
    expect(inLiteral.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'dataSource' });
    const history = await fixture.as<{ inventoryHistory: unknown[] }>('kenDrafter', 'query { inventoryHistory(inventoryId: "KEN-2010") { type } }');
    expect(history.data?.inventoryHistory).toHaveLength(1);
  });

  it('keeps every edit of 20 concurrent clients editing different lines of one inventory', async () => {
    await open('KEN', 2022);
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => record('KEN-2022', { lineId: `line-${i}`, classCode: '1a1', facilityName: `Plant ${i}`, activityRate: 100 + i, unit: 't' })),
    );
    expect(results.flatMap((r) => r.errors ?? [])).toEqual([]);
    const versions = results.map((r) => r.data!.recordActivity.version).sort((a, b) => a - b);
    expect(versions).toEqual(Array.from({ length: 20 }, (_, i) => i + 2));
    const last = results.find((r) => r.data!.recordActivity.version === 21)!.data!.recordActivity.position;
    const view = await totals('KEN-2022', last, 'nation');
    expect(view.lineCount).toBe(20);
    // sum of (100 + i) t for i < 20 = 2190 t; x (3500 + 75) µg TEQ/t = 7.82925 g TEQ/a
    expect(Math.abs((view.totals[0].grams as number) - 7.82925) / 7.82925).toBeLessThan(1e-9);
  });

  it('gives exactly one of two clients revising the same line a CONFLICT carrying the current line; nothing is overwritten silently', async () => {
    await open('KEN', 2023);
    await record('KEN-2023', { lineId: 'shared', classCode: '1a1', activityRate: 1000, unit: 't' });
    const revise = (rate: number, who: 'kenDrafter' | 'kenCoordinator') =>
      fixture.as<{ reviseActivity: Edit }>(who, `mutation($i: ReviseActivityInput!) { reviseActivity(input: $i) { ${EDIT} } }`, {
        i: { inventoryId: 'KEN-2023', lineId: 'shared', basedOnRevision: 1, activityRate: rate },
      });
    const [a, b] = await Promise.all([revise(1100, 'kenDrafter'), revise(1200, 'kenCoordinator')]);
    const conflicts = [a, b].filter((r) => r.errors?.[0].extensions?.code === 'CONFLICT');
    const accepted = [a, b].filter((r) => r.data?.reviseActivity);
    expect(conflicts).toHaveLength(1);
    expect(accepted).toHaveLength(1);
    const conflict = conflicts[0].errors![0].extensions!;
    expect(conflict).toMatchObject({ field: 'basedOnRevision', expectedRevision: 1, actualRevision: 2 });
    expect((conflict.currentLine as { activityRate: number }).activityRate).toBe(accepted[0].data!.reviseActivity.line!.activityRate);
  });

  it('travels in time, diffs two versions with their totals, and tells the history with who and why', async () => {
    await open('KEN', 2019);
    await record('KEN-2019', { lineId: 'a', classCode: '1a1', activityRate: 1000, unit: 't' });
    const revised = await fixture.as<{ reviseActivity: Edit }>('kenDrafter', `mutation { reviseActivity(input: { inventoryId: "KEN-2019", lineId: "a", basedOnRevision: 1, activityRate: 2000, note: "survey 2020 corrected" }) { ${EDIT} } }`);
    expect(revised.errors).toBeUndefined();
    const past = await fixture.as<{ inventory: { version: number; lines: { activityRate: number }[] } }>(
      'kenDrafter',
      'query { inventory(inventoryId: "KEN-2019", atVersion: 2) { version lines { activityRate } } }',
    );
    expect(past.data?.inventory).toEqual({ version: 2, lines: [{ activityRate: 1000 }] });
    const diff = await fixture.as<{ inventoryDiff: { linesChanged: { fields: { field: string }[] }[]; totals: { category: string; substance: string; before: number; after: number }[] } }>(
      'kenDrafter',
      'query { inventoryDiff(inventoryId: "KEN-2019", fromVersion: 2, toVersion: 3) { linesChanged { fields { field } } totals { category substance before after } } }',
    );
    expect(diff.data?.inventoryDiff.linesChanged[0].fields.map((f) => f.field)).toEqual(['activityRate', 'note']);
    const pcdd = diff.data?.inventoryDiff.totals.find((t) => t.category === '1a' && t.substance === PCDD);
    expect(pcdd).toMatchObject({ before: 3.575, after: 7.15 });
    const history = await fixture.as<{ inventoryHistory: { actor: string; type: string; why: string | null }[] }>(
      'kenObserver',
      'query { inventoryHistory(inventoryId: "KEN-2019") { actor type why } }',
    );
    expect(history.data?.inventoryHistory.map((h) => h.type)).toEqual(['InventoryOpened', 'ActivityRecorded', 'ActivityRevised']);
    expect(history.data?.inventoryHistory[2].why).toContain('survey 2020 corrected');
    expect(history.data?.inventoryHistory[2].actor).not.toBe(fixture.accountIds.kenDrafter);
  });

  it('answers a retried command id without applying it twice', async () => {
    await open('KEN', 2018);
    const first = await record('KEN-2018', { lineId: 'r', classCode: '1a1', activityRate: 5, unit: 't', commandId: 'retry-1' });
    const again = await record('KEN-2018', { lineId: 'r', classCode: '1a1', activityRate: 5, unit: 't', commandId: 'retry-1' });
    expect(again.errors).toBeUndefined();
    expect(again.data!.recordActivity).toMatchObject({ duplicate: true, version: first.data!.recordActivity.version });
  });

  it('lets no other Party, observer or anonymous caller read or edit a drafted inventory', async () => {
    await open('KEN', 2017);
    const read = 'query { inventory(inventoryId: "KEN-2017") { version } }';
    expect((await fixture.as('ecuDrafter', read)).errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN' });
    expect((await fixture.as('ecuCoordinator', 'query { inventoryHistory(inventoryId: "KEN-2017") { type } }')).errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN' });
    expect((await fixture.as(undefined, read)).errors?.[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect((await record('KEN-2017', { classCode: '1a1', activityRate: 1, unit: 't' }, 'ecuDrafter')).errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN' });
    expect((await record('KEN-2017', { classCode: '1a1', activityRate: 1, unit: 't' }, 'kenObserver')).errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN' });
    expect((await fixture.as('ecuDrafter', `mutation { openInventory(input: { party: "KEN", referenceYear: 2016, editionId: "toolkit-2013" }) { version } }`)).errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN' });
    const ecuList = await fixture.as<{ inventories: { party: string }[] }>('ecuDrafter', 'query { inventories { party } }');
    expect(ecuList.data?.inventories.every((i) => i.party === 'ECU')).toBe(true);
    const secretariat = await fixture.as<{ inventory: { version: number } }>('secretariat', read);
    expect(secretariat.data?.inventory.version).toBeGreaterThanOrEqual(1);
    const export_ = await fetch(`${fixture.base}/inventories/KEN-2017/export.csv`, { headers: { authorization: `Bearer ${fixture.tokens.ecuDrafter}` } });
    expect(export_.status).toBe(403);
  });

  it('rejects an import with a bad row naming sheet, row, column and reason, writing nothing; a good file lands in one edit', async () => {
    await open('KEN', 2015);
    const csv = (rows: string[]) => Buffer.from(['group,category,class,class_name,facility_name,activity_rate,unit,data_source,note', ...rows].join('\n')).toString('base64');
    const importCsv = (rows: string[]) =>
      fixture.as<{ importActivityLines: { linesRecorded: number; version: number; position: string } }>(
        'kenDrafter',
        'mutation($f: String!) { importActivityLines(inventoryId: "KEN-2015", format: "csv", fileBase64: $f) { linesRecorded version position } }',
        { f: csv(rows) },
      );
    const bad = await importCsv(['1,1a,1a1,,,1200,t,stats,', '1,1a,1a2,,,12x,t,stats,', '3,3b,3b1,,,50,t,stats,']);
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'IMPORT_REJECTED' });
    expect(bad.errors?.[0].extensions?.rows).toEqual([{ sheet: 'csv', row: 3, column: 'activity_rate', reason: expect.stringContaining('12x') }]);
    const unit = await importCsv(['1,1a,1a1,,,1200,t,stats,', '3,3b,3b1,,,50,t,stats,']);
    expect(unit.errors?.[0].extensions?.rows).toEqual([{ sheet: 'csv', row: 3, column: 'unit', reason: expect.any(String) }]);
    const history = await fixture.as<{ inventoryHistory: unknown[] }>('kenDrafter', 'query { inventoryHistory(inventoryId: "KEN-2015") { type } }');
    expect(history.data?.inventoryHistory).toHaveLength(1);
    const good = await importCsv(['1,1a,1a1,,,1200,t,stats,', '1,1a,1a2,,Incinerator B,300,t,stats,', '1,1a,1a3,,,,,,']);
    expect(good.data?.importActivityLines).toMatchObject({ linesRecorded: 2, version: 3 }); // two ActivityRecorded events in one append
  });

  it('exports the inventory to XLSX (summary + one sheet per source group) and CSV, and the XLSX re-imports as the same lines', async () => {
    await open('KEN', 2014);
    await record('KEN-2014', { lineId: 'x1', classCode: '1a1', activityRate: 1000, unit: 't' });
    const last = await record('KEN-2014', { lineId: 'x2', classCode: '3b1', activityRate: 20, unit: 'TJ' });
    await totals('KEN-2014', last.data!.recordActivity.position);
    const response = await fetch(`${fixture.base}/inventories/KEN-2014/export.xlsx`, { headers: { authorization: `Bearer ${fixture.tokens.kenObserver}` } });
    expect(response.status).toBe(200);
    const content = Buffer.from(await response.arrayBuffer());
    const workbook = new Workbook();
    await workbook.xlsx.load(content as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Summary', '1 Waste incineration', '3 Heat and power generation']);
    const header = workbook.getWorksheet('1 Waste incineration')!.getRow(1).values as string[];
    expect(header).toContain('PCDD/PCDF air (g/a)');
    const airColumn = header.indexOf('PCDD/PCDF air (g/a)');
    expect(workbook.getWorksheet('1 Waste incineration')!.getRow(2).getCell(airColumn).value).toBe(3.5);
    const csv = await (await fetch(`${fixture.base}/inventories/KEN-2014/export.csv`, { headers: { authorization: `Bearer ${fixture.tokens.kenDrafter}` } })).text();
    expect(csv.split('\r\n')[0]).toMatch(/^group,category,class,class_name,facility_name,activity_rate,unit,data_source,note,line_id,/);

    await open('KEN', 2013);
    const reimport = await fixture.as<{ importActivityLines: { linesRecorded: number } }>(
      'kenDrafter',
      'mutation($f: String!) { importActivityLines(inventoryId: "KEN-2013", format: "xlsx", fileBase64: $f) { linesRecorded } }',
      { f: content.toString('base64') },
    );
    expect(reimport.errors).toBeUndefined();
    expect(reimport.data?.importActivityLines.linesRecorded).toBe(2);
  });

  it('serves the empty activity template (one sheet per source group, every class); filled in, it imports', async () => {
    const response = await fetch(`${fixture.base}/inventories/template/toolkit-2013`);
    expect(response.status).toBe(200);
    const workbook = new Workbook();
    await workbook.xlsx.load((await response.arrayBuffer()) as ArrayBuffer);
    // Group 10 (hot spots) has no classes in the shipped data, so it has no sheet to fill in.
    expect(workbook.worksheets.map((w) => w.name.split(' ')[0])).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9']);
    const waste = workbook.getWorksheet('1 Waste incineration')!;
    expect(waste.getRow(2).values).toEqual([undefined, '1', '1a', '1a1', expect.any(String), undefined, undefined, 't of waste burned']);
    waste.getRow(2).getCell(6).value = 750;
    waste.getRow(2).commit();
    const filled = Buffer.from(await workbook.xlsx.writeBuffer());
    await open('KEN', 2011);
    const imported = await fixture.as<{ importActivityLines: { linesRecorded: number } }>(
      'kenDrafter',
      'mutation($f: String!) { importActivityLines(inventoryId: "KEN-2011", format: "xlsx", fileBase64: $f) { linesRecorded } }',
      { f: filled.toString('base64') },
    );
    expect(imported.errors).toBeUndefined();
    expect(imported.data?.importActivityLines.linesRecorded).toBe(1);
    expect((await fetch(`${fixture.base}/inventories/template/no-such-edition`)).status).toBe(404);
  });

  it('pushes each change with its new totals to a subscriber over graphql-ws', async () => {
    const opened = await open('KEN', 2012);
    await totals('KEN-2012', opened.position);
    const client = graphqlWsClient(fixture.graphqlUrl, { authorization: `Bearer ${fixture.tokens.kenObserver}` });
    try {
      const { ready, done } = collectSubscription<{ inventoryChanged: { version: number; eventTypes: string[]; inventory: { totals: Total[] } } }>(
        client,
        `subscription { inventoryChanged(inventoryId: "KEN-2012") { version eventTypes inventory { totals(by: "nation", substance: "${PCDD}") { grams } } } }`,
        1,
      );
      await ready;
      await new Promise((resolve) => setTimeout(resolve, 300));
      await record('KEN-2012', { classCode: '1a1', activityRate: 1000, unit: 't' });
      const [change] = await done;
      expect(change.inventoryChanged).toMatchObject({ version: 2, eventTypes: ['ActivityRecorded'] });
      expect(change.inventoryChanged.inventory.totals[0].grams).toBeCloseTo(3.575, 12);
    } finally {
      await client.dispose();
    }
  });

  it('shows years side by side against a baseline, and old vs new totals before switching edition', async () => {
    const series = await fixture.as<{ inventoryTimeSeries: { years: number[]; rows: { category: string; substance: string; points: { year: number; grams: number | null }[] }[] } }>(
      'kenCoordinator',
      'query { inventoryTimeSeries(party: "KEN", baselineYear: 2020, by: "category") { years rows { category substance points { year grams changeFromBaseline } } } }',
    );
    expect(series.errors).toBeUndefined();
    expect(series.data?.inventoryTimeSeries.years).toEqual(expect.arrayContaining([2019, 2020, 2022]));
    const recalculation = await fixture.as<{ inventoryRecalculation: { categories: { category: string; before: number; after: number }[] } }>(
      'kenDrafter',
      'query { inventoryRecalculation(inventoryId: "KEN-2020", editionId: "toolkit-2013") { categories { category substance before after } } }',
    );
    expect(recalculation.errors).toBeUndefined();
    const same = recalculation.data!.inventoryRecalculation.categories.find((c) => c.category === '1a');
    expect(same?.before).toBe(same?.after);
    const switched = await fixture.as('kenDrafter', 'mutation { switchInventoryEdition(input: { inventoryId: "KEN-2020", editionId: "toolkit-2013", explanation: "" }) { version } }');
    expect(switched.errors?.[0].extensions?.code).toBeDefined();
  });
});
