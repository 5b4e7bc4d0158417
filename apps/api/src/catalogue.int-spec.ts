import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { PostgresEventStore } from '@upops/event-store';
import { type ApiFixture, startApiFixture } from './test-support/api-fixture';

const DATA = join(__dirname, '..', '..', '..', 'libs', 'catalogue', 'data');
const TREE = `query ($id: String!) { editionTree(editionId: $id) {
  edition { id status }
  counts { total values ranges notDetermined notApplicable verified inferred unverified }
  groups { code categories { code classes { code factors { substance vector kind value unit confidence reference } } } } } }`;
const CLASS = 'query ($id: String!, $code: String!) { sourceClass(editionId: $id, code: $code) { code name activityUnit factors { substance vector kind value low high unit confidence } } }';
const SET = `mutation ($input: SetEmissionFactorInput!) { setEmissionFactor(input: $input) { id status } }`;

interface Factor {
  substance: string;
  vector: string;
  kind: string;
  value: number | null;
  unit: string;
  confidence: string;
}

function codeOf(response: { errors?: { extensions?: Record<string, unknown> }[] }): unknown {
  return response.errors?.[0]?.extensions?.code;
}

describe('Toolkit catalogue over GraphQL', () => {
  let f: ApiFixture;
  beforeAll(async () => {
    f = await startApiFixture();
  });
  afterAll(() => f?.close());

  it('serves the shipped 2013 edition, published, with every class of the data', async () => {
    const editions = await f.as<{ editions: { id: string; status: string }[] }>(undefined, '{ editions { id status } }');
    expect(editions.data?.editions).toEqual([{ id: 'toolkit-2013', status: 'published' }]);
    const tree = await f.as<{ editionTree: { groups: { code: string; categories: { classes: { code: string }[] }[] }[] } }>(undefined, TREE, { id: 'toolkit-2013' });
    expect(tree.errors).toBeUndefined();
    const rows = parse(readFileSync(join(DATA, 'classes.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
    const classesInData = new Set(rows.filter((r) => r.class).map((r) => r.class));
    const classesServed = tree.data!.editionTree.groups.flatMap((g) => g.categories.flatMap((c) => c.classes.map((k) => k.code)));
    expect(new Set(classesServed)).toEqual(classesInData);
    expect(tree.data!.editionTree.groups.map((g) => g.code)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    const perGroup = (group: string) => classesServed.filter((code) => code.startsWith(group) && !/^\d/.test(code.slice(group.length))).length;
    for (const group of ['1', '2', '3', '4', '5', '6', '7', '8', '9']) {
      expect(perGroup(group)).toBe(new Set(rows.filter((r) => r.group === group && r.class).map((r) => r.class)).size);
    }
  });

  it('keeps each factor as the data file has it: numbers, ND, NA and confidence', async () => {
    const response = await f.as<{ sourceClass: { activityUnit: string; factors: Factor[] } }>(undefined, CLASS, { id: 'toolkit-2013', code: '1a1' });
    const byVector = Object.fromEntries(response.data!.sourceClass.factors.filter((x) => x.substance === 'PCDD/PCDF').map((x) => [x.vector, x]));
    expect(byVector.air).toMatchObject({ kind: 'value', value: 3500, unit: 'µg TEQ/t', confidence: 'unverified' });
    expect(byVector.water).toMatchObject({ kind: 'ND', value: null });
    expect(byVector.residue).toMatchObject({ kind: 'value', value: 75 });
    expect(['NA', undefined]).toContain(byVector.land?.kind);
    const dlPcb = await f.as<{ sourceClass: { factors: Factor[] } }>(undefined, CLASS, { id: 'toolkit-2013', code: '6a1' });
    const air = dlPcb.data!.sourceClass.factors.find((x) => x.substance === 'dl-PCB' && x.vector === 'air');
    expect(air).toMatchObject({ kind: 'value', value: 3, confidence: 'verified' });
  });

  it('computes TEQ of a congener profile under WHO-2005 and I-TEF', async () => {
    const query = 'query ($scheme: String!, $profile: [CongenerConcentrationInput!]!) { teqOfProfile(scheme: $scheme, profile: $profile) { teq confidence } }';
    const profile = [
      { congener: '2,3,7,8-TCDD', concentration: 1 },
      { congener: '1,2,3,7,8-PeCDD', concentration: 2 },
    ];
    // WHO-2005: 1 x 1 + 2 x 1 = 3; I-TEF: 1 x 1 + 2 x 0.5 = 2.
    const who = await f.as<{ teqOfProfile: { teq: number } }>(undefined, query, { scheme: 'WHO-2005', profile });
    const iTef = await f.as<{ teqOfProfile: { teq: number } }>(undefined, query, { scheme: 'I-TEF', profile });
    expect(who.data?.teqOfProfile.teq).toBeCloseTo(3, 12);
    expect(iTef.data?.teqOfProfile.teq).toBeCloseTo(2, 12);
    const unknown = await f.as(undefined, query, { scheme: 'WHO-2005', profile: [{ congener: 'not-a-congener', concentration: 1 }] });
    expect(unknown.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'profile' });
  });

  it('runs the Toolkit-expert workflow: draft, set a factor with reason, diff, publish; then refuses changes', async () => {
    const draft = await f.as('expert', 'mutation { draftEdition(editionId: "toolkit-2026", title: "2026 update", derivedFrom: "toolkit-2013") { id status } }');
    expect(draft.errors).toBeUndefined();
    expect(codeOf(await f.as('kenCoordinator', 'mutation { draftEdition(editionId: "x", title: "x", derivedFrom: "toolkit-2013") { id } }'))).toBe('FORBIDDEN');
    const visible = await f.as<{ editions: { id: string }[] }>(undefined, '{ editions { id } }');
    expect(visible.data?.editions.map((e) => e.id)).toEqual(['toolkit-2013']);

    const input = { editionId: 'toolkit-2026', classCode: '1a1', substance: 'PCDD/PCDF', vector: 'air', kind: 'value', value: 3000, unit: 'µg TEQ/t', confidence: 'verified', reference: 'Toolkit 2013, Table I.2.1', reason: 'checked against the Toolkit page' };
    expect(codeOf(await f.as('expert', SET, { input: { ...input, reason: ' ' } }))).toBe('REASON_REQUIRED');
    expect(codeOf(await f.as('kenDrafter', SET, { input }))).toBe('FORBIDDEN');
    expect((await f.as('expert', SET, { input })).errors).toBeUndefined();

    const diff = await f.as<{ editionDiff: { changedFactors: { key: string; before: { value: number }; after: { value: number; confidence: string } }[] } }>(
      'expert',
      '{ editionDiff(from: "toolkit-2013", to: "toolkit-2026") { changedFactors { key before { value } after { value confidence } } addedClasses } }',
    );
    expect(diff.data?.editionDiff.changedFactors).toEqual([{ key: '1a1|PCDD/PCDF|air', before: { value: 3500 }, after: { value: 3000, confidence: 'verified' } }]);

    expect((await f.as('expert', 'mutation { publishEdition(editionId: "toolkit-2026") { status } }')).errors).toBeUndefined();
    const store = new PostgresEventStore(f.db.pool);
    const before = await store.streamVersion('catalogue');
    const refused = await f.as('expert', SET, { input: { ...input, value: 1 } });
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'EDITION_PUBLISHED' });
    expect(await store.streamVersion('catalogue')).toBe(before);
    const events = (await store.readStream('catalogue')).events.filter((e) => e.type === 'EmissionFactorSet');
    expect(events.at(-1)?.metadata.actor).toBe(f.accountIds.expert);
  });

  it('exports the edition as XLSX that opens with exceljs and holds the same numbers, and as CSV', async () => {
    const response = await fetch(`${f.base}/catalogue/editions/toolkit-2013/factors.xlsx`);
    expect(response.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const sheet = workbook.worksheets.find((w) => w.name.startsWith('1 '));
    expect(sheet).toBeDefined();
    const header = (sheet!.getRow(1).values as unknown[]).map(String);
    let airOf1a1: unknown;
    sheet!.eachRow((row) => {
      const cells = row.values as unknown[];
      if (cells[header.indexOf('class')] === '1a1' && cells[header.indexOf('substance')] === 'PCDD/PCDF') airOf1a1 = cells[header.indexOf('ef_air')];
    });
    expect(airOf1a1).toBe(3500);
    const csv = await fetch(`${f.base}/catalogue/editions/toolkit-2013/factors.csv`);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect((await csv.text()).split('\n')[0]).toBe(readFileSync(join(DATA, 'classes.csv'), 'utf8').split('\n')[0].trim());
    expect((await fetch(`${f.base}/catalogue/editions/no-such/factors.csv`)).status).toBe(404);
  });

  it('imports a workbook as a new draft edition, and rejects a workbook with a bad row writing nothing', async () => {
    const exportedBytes = await (await fetch(`${f.base}/catalogue/editions/toolkit-2013/factors.xlsx`)).arrayBuffer();
    const exported = Buffer.from(exportedBytes);
    const mutation = 'mutation ($id: String!, $file: String!) { importEditionWorkbook(editionId: $id, title: "Imported", reason: "expert sheet", workbookBase64: $file) { id status } }';
    const imported = await f.as<{ importEditionWorkbook: { status: string } }>('expert', mutation, { id: 'imported-2013', file: exported.toString('base64') });
    expect(imported.errors).toBeUndefined();
    expect(imported.data?.importEditionWorkbook.status).toBe('draft');
    const diff = await f.as<{ editionDiff: { changedFactors: unknown[]; addedFactors: unknown[]; removedFactors: unknown[] } }>(
      'expert',
      '{ editionDiff(from: "toolkit-2013", to: "imported-2013") { changedFactors { key } addedFactors { key } removedFactors { key } } }',
    );
    expect(diff.data?.editionDiff.changedFactors).toEqual([]);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(exportedBytes);
    const sheet = workbook.worksheets.find((w) => w.name.startsWith('2 '))!;
    const header = (sheet.getRow(1).values as unknown[]).map(String);
    sheet.getRow(3).getCell(header.indexOf('ef_air')).value = 'abc';
    const broken = Buffer.from(await workbook.xlsx.writeBuffer());
    const store = new PostgresEventStore(f.db.pool);
    const before = await store.streamVersion('catalogue');
    const rejected = await f.as('expert', mutation, { id: 'broken', file: broken.toString('base64') });
    expect(rejected.errors?.[0].extensions).toMatchObject({ code: 'IMPORT_REJECTED' });
    const rows = rejected.errors?.[0].extensions?.rows as { sheet: string; row: number; column: string }[];
    expect(rows).toEqual([expect.objectContaining({ sheet: sheet.name, row: 3, column: 'ef_air' })]);
    expect(await store.streamVersion('catalogue')).toBe(before);
    expect(codeOf(await f.as('kenDrafter', mutation, { id: 'x', file: exported.toString('base64') }))).toBe('FORBIDDEN');
  });

  it('finds classes by text', async () => {
    const found = await f.as<{ searchClasses: { code: string }[] }>(undefined, '{ searchClasses(editionId: "toolkit-2013", text: "cremation") { code } }');
    expect(found.data?.searchClasses.length).toBeGreaterThan(0);
  });
});
