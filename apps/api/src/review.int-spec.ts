import { createHash, randomUUID } from 'node:crypto';
import { CatalogueService, SHIPPED_EDITION_ID } from '@upops/catalogue';
import { PostgresEventStore } from '@upops/event-store';
import { InventoryCommandHandler, seedDemoInventory } from '@upops/inventory';
import { collectSubscription, eventually, graphqlWsClient } from '@upops/testing';
import { type ApiFixture, type Persona, startApiFixture } from './test-support/api-fixture';

const DEMO = 'KEN-2024';
/** Client-chosen thread ids are UUIDs. */
const Q_MSW = '0b7d5f0e-3c1a-4f5e-9b8e-1c2d3e4f5a61';
const Q_2035 = '7a9e2c44-5d1b-4c3a-8e6f-2b3c4d5e6f70';
const REVIEW = `inventoryId status revision round version reviewers { accountId organisation } linesNotApproved
  threads { threadId status subject { kind lineId categoryCode } comments { author text mentions } }
  approvals { subject { kind lineId categoryCode } approvedBy standing lapsedWhy }
  inventoryApproval { standing lapsedWhy }
  submissions { submissionId contentHash supersedes supersededBy revision }`;
const ACTION = `events duplicate receipt { submissionId inventoryId party referenceYear revision submittedAt submittedBy contentHash supersedes } review { ${REVIEW} }`;

interface Review {
  inventoryId: string;
  status: string;
  revision: number;
  round: number;
  version: number;
  reviewers: { accountId: string; organisation: string }[];
  linesNotApproved: string[];
  threads: { threadId: string; status: string; subject: { kind: string; lineId: string | null }; comments: { author: string; text: string; mentions: string[] }[] }[];
  approvals: { subject: { kind: string; lineId: string | null; categoryCode: string | null }; approvedBy: string; standing: boolean; lapsedWhy: string | null }[];
  inventoryApproval: { standing: boolean; lapsedWhy: string | null } | null;
  submissions: { submissionId: string; contentHash: string; supersedes: string | null; supersededBy: string | null; revision: number }[];
}
interface Action {
  events: string[];
  duplicate: boolean;
  receipt: { submissionId: string; inventoryId: string; party: string; referenceYear: number; revision: number; submittedAt: string; submittedBy: string; contentHash: string; supersedes: string | null } | null;
  review: Review;
}
interface Finding {
  findingId: string;
  rule: string;
  severity: string;
  subject: { kind: string; categoryCode: string | null; lineId: string | null };
  message: string;
}

describe('review workflow over GraphQL (drafter, coordinator, reviewers, Secretariat; real PostgreSQL, worker processes running)', () => {
  let fixture: ApiFixture;

  beforeAll(async () => {
    fixture = await startApiFixture();
    // The demo inventory as `npm start` seeds it.
    await seedDemoInventory(fixture.app.get(InventoryCommandHandler), SHIPPED_EDITION_ID);
    expect(await fixture.app.get(CatalogueService).edition(SHIPPED_EDITION_ID)).toBeDefined();
  });
  afterAll(() => fixture?.close());

  async function act(who: Persona, mutation: string, input: Record<string, unknown>) {
    const name = mutation.split('(')[0];
    const result = await fixture.as<Record<string, Action>>(who, `mutation($i: ${inputType(name)}!) { ${name}(input: $i) { ${ACTION} } }`, { i: input });
    return { errors: result.errors, action: result.data?.[name] };
  }

  async function review(who: Persona, inventoryId = DEMO) {
    return fixture.as<{ review: Review }>(who, `query($id: String!) { review(inventoryId: $id) { ${REVIEW} } }`, { id: inventoryId });
  }

  async function reviewVersion(inventoryId = DEMO): Promise<number> {
    const { rows } = await fixture.db.pool.query<{ n: string }>(`SELECT count(*) AS n FROM es_events WHERE stream_id = $1`, [`review-${inventoryId}`]);
    return Number(rows[0].n);
  }

  async function findings(who: Persona, inventoryId = DEMO): Promise<Finding[]> {
    const report = await fixture.as<{ qaqcReport: Finding[] }>(who, `query($id: String!) { qaqcReport(inventoryId: $id) { findingId rule severity subject { kind categoryCode lineId } message } }`, { id: inventoryId });
    expect(report.errors).toBeUndefined();
    return report.data!.qaqcReport;
  }

  function acknowledge(warnings: Finding[]) {
    return warnings.filter((f) => f.severity === 'warning').map((f) => ({ findingId: f.findingId, comment: `Checked: ${f.rule} explained in the national report` }));
  }

  async function approveAll(who: Persona, lines: string[]) {
    for (const lineId of lines) {
      const approved = await fixture.as(who, `mutation($i: ApproveInput!) { approve(input: $i) { events } }`, { i: { inventoryId: DEMO, lineId } });
      expect(approved.errors).toBeUndefined();
    }
  }

  it('takes the demo inventory from draft to a frozen submission with a receipt, and through a new revision that supersedes it', async () => {
    // A reviewer who is not assigned reads neither the draft nor its review.
    expect((await review('kenReviewer')).errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN' });
    expect((await fixture.as('kenReviewer', `query { inventory(inventoryId: "${DEMO}") { version } }`)).errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN' });

    // QA/QC blocker: Annex C Part II categories neither estimated nor stated not occurring. Nothing is appended.
    const first = await findings('kenCoordinator');
    const partII = first.filter((f) => f.rule === 'ANNEX_C_PART_II_NOT_ADDRESSED');
    expect(partII.length).toBeGreaterThan(0);
    expect(partII.every((f) => f.severity === 'blocker')).toBe(true);
    expect(partII.map((f) => f.subject.categoryCode)).toEqual(expect.arrayContaining(['1b', '1c', '4a']));
    const blocked = await act('kenCoordinator', 'requestReview', { inventoryId: DEMO, reviewerIds: [fixture.accountIds.secretariatReviewer] });
    expect(blocked.errors?.[0].extensions).toMatchObject({ code: 'QAQC_BLOCKED', field: 'inventoryId' });
    expect(await reviewVersion()).toBe(0);

    // The drafter states the other Part II categories do not occur.
    for (const finding of partII) {
      const marked = await fixture.as('kenDrafter', `mutation($i: CategoryNotOccurringInput!) { markCategoryNotOccurring(input: $i) { version } }`, {
        i: { inventoryId: DEMO, categoryCode: finding.subject.categoryCode, note: 'No such plant in the country (demo statement)' },
      });
      expect(marked.errors).toBeUndefined();
    }
    const remaining = await findings('kenCoordinator');
    expect(remaining.filter((f) => f.severity === 'blocker')).toEqual([]);
    const warnings = remaining.filter((f) => f.severity === 'warning');
    // The demo's ND cells: water releases of open burning and controlled combustion have no Toolkit factor.
    expect(warnings.map((f) => f.findingId)).toEqual(['ND_CELLS:inventory']);
    expect(warnings[0].message).toContain('1a1 water, 1a2 water');

    // Only the coordinator asks for review; warnings need a comment.
    expect((await act('kenDrafter', 'requestReview', { inventoryId: DEMO, reviewerIds: [] })).errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN' });
    const reviewers = [fixture.accountIds.kenReviewer, fixture.accountIds.secretariatReviewer];
    const uncommented = await act('kenCoordinator', 'requestReview', { inventoryId: DEMO, reviewerIds: reviewers });
    expect(uncommented.errors?.[0].extensions).toMatchObject({ code: 'QAQC_COMMENT_REQUIRED', field: 'acknowledgements' });
    expect(await reviewVersion()).toBe(0);
    const requested = await act('kenCoordinator', 'requestReview', { inventoryId: DEMO, reviewerIds: reviewers, acknowledgements: acknowledge(warnings), note: 'First review' });
    expect(requested.errors).toBeUndefined();
    expect(requested.action?.events).toEqual(['ReviewRequested', 'ReviewerAssigned', 'ReviewerAssigned']);
    expect(requested.action?.review).toMatchObject({ status: 'in_review', revision: 1, round: 1 });
    expect(requested.action?.review.reviewers.map((r) => r.organisation).sort()).toEqual(['KEN', 'SECRETARIAT']);

    // Assigned, the Secretariat's reviewer reads the draft with its releases through the review.
    const underReview = await fixture.as<{ review: { inventory: { party: string; lines: { lineId: string; releases: unknown[] | null }[] } } }>(
      'secretariatReviewer',
      `query { review(inventoryId: "${DEMO}") { inventory { party lines { lineId releases { grams } } } } }`,
    );
    expect(underReview.errors).toBeUndefined();
    const lineIds = underReview.data!.review.inventory.lines.map((l) => l.lineId).sort();
    expect(lineIds).toEqual(['demo-biomass', 'demo-msw-controlled', 'demo-msw-open', 'demo-sinter']);
    // A drafter of another Party reads nothing of it.
    expect((await review('ecuDrafter')).errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN' });

    // A thread on a line, mentioning the drafter: notified live and in the list.
    const live = graphqlWsClient(fixture.graphqlUrl, { authorization: `Bearer ${fixture.tokens.kenDrafter}` });
    try {
      const { ready, done } = collectSubscription<{ notificationReceived: { kind: string; message: string; threadId: string; actorName: string | null } }>(
        live,
        'subscription { notificationReceived { kind message threadId actorName } }',
        1,
      );
      await ready;
      await new Promise((resolve) => setTimeout(resolve, 300));
      const opened = await act('secretariatReviewer', 'openReviewThread', {
        inventoryId: DEMO,
        threadId: Q_MSW,
        lineId: 'demo-msw-open',
        text: 'Where does the 12 kt of open burning come from?',
        mentionIds: [fixture.accountIds.kenDrafter],
      });
      expect(opened.errors).toBeUndefined();
      const [pushed] = await done;
      expect(pushed.notificationReceived).toMatchObject({ kind: 'mentioned', threadId: Q_MSW });
      // Told by name, not by account id.
      expect(pushed.notificationReceived.actorName).toMatch(/\S/);
      expect(pushed.notificationReceived.actorName).not.toBe(fixture.accountIds.secretariatReviewer);
      expect(pushed.notificationReceived.message).toContain('12 kt');
    } finally {
      await live.dispose();
    }
    const listed = await fixture.as<{ notifications: { notificationId: string; kind: string; readAt: string | null }[] }>('kenDrafter', 'query { notifications(unreadOnly: true) { notificationId kind readAt } }');
    expect(listed.data?.notifications.map((n) => n.kind)).toContain('mentioned');
    const read = await fixture.as<{ markNotificationsRead: number }>('kenDrafter', 'mutation($ids: [String!]!) { markNotificationsRead(notificationIds: $ids) }', {
      ids: listed.data!.notifications.map((n) => n.notificationId),
    });
    expect(read.data?.markNotificationsRead).toBe(listed.data!.notifications.length);
    // Nobody reads another's notifications.
    const others = await fixture.as<{ notifications: unknown[] }>('kenCoordinator', 'query { notifications { notificationId } }');
    expect(others.data?.notifications.some((n) => (n as { notificationId: string }).notificationId === listed.data!.notifications[0].notificationId)).toBe(false);

    // Mentioning someone who cannot read the review is refused.
    const outsider = await act('secretariatReviewer', 'replyToReviewThread', { inventoryId: DEMO, threadId: Q_MSW, text: 'cc', mentionIds: [fixture.accountIds.ecuDrafter] });
    expect(outsider.errors?.[0].extensions).toMatchObject({ code: 'MENTION_NOT_PARTICIPANT', field: 'mentions' });

    // The open thread blocks approval of its line and of the inventory.
    const blockedApproval = await fixture.as('secretariatReviewer', `mutation { approve(input: { inventoryId: "${DEMO}", lineId: "demo-msw-open" }) { events } }`);
    expect(blockedApproval.errors?.[0].extensions).toMatchObject({ code: 'UNRESOLVED_THREADS', threadIds: [Q_MSW] });
    const before = await reviewVersion();
    expect((await fixture.as('secretariatReviewer', `mutation { approveInventory(inventoryId: "${DEMO}") { events } }`)).errors?.[0].extensions).toMatchObject({ code: 'UNRESOLVED_THREADS' });
    expect(await reviewVersion()).toBe(before);

    // The drafter answers; the reviewer is satisfied and resolves the thread.
    expect((await act('kenDrafter', 'replyToReviewThread', { inventoryId: DEMO, threadId: Q_MSW, text: 'Municipal survey 2023, page 14.' })).errors).toBeUndefined();
    const resolved = await act('secretariatReviewer', 'resolveReviewThread', { inventoryId: DEMO, threadId: Q_MSW, note: 'Source accepted' });
    expect(resolved.action?.review.threads[0]).toMatchObject({ status: 'resolved' });

    // Lines (one through its category), then the inventory.
    await approveAll('secretariatReviewer', ['demo-msw-open', 'demo-msw-controlled', 'demo-biomass']);
    const incomplete = await fixture.as('secretariatReviewer', `mutation { approveInventory(inventoryId: "${DEMO}") { events } }`);
    expect(incomplete.errors?.[0].extensions).toMatchObject({ code: 'NOT_ALL_APPROVED', lineIds: ['demo-sinter'] });
    const category = await act('secretariatReviewer', 'approve', { inventoryId: DEMO, categoryCode: '2a' });
    expect(category.action?.review.linesNotApproved).toEqual([]);
    const approved = await fixture.as<{ approveInventory: Action }>('secretariatReviewer', `mutation { approveInventory(inventoryId: "${DEMO}") { ${ACTION} } }`);
    expect(approved.errors).toBeUndefined();
    expect(approved.data?.approveInventory.review).toMatchObject({ status: 'approved', inventoryApproval: { standing: true } });

    // An illegal transition is a typed error and appends nothing.
    const versionApproved = await reviewVersion();
    const again = await act('kenCoordinator', 'requestReview', { inventoryId: DEMO, reviewerIds: [] });
    expect(again.errors?.[0].extensions).toMatchObject({ code: 'ILLEGAL_TRANSITION', field: 'status', status: 'approved' });
    expect(await reviewVersion()).toBe(versionApproved);

    // Submission: coordinator only; QA/QC warnings need their comments again.
    const submitWarnings = (await findings('kenCoordinator')).filter((f) => f.severity === 'warning');
    expect((await act('kenDrafter', 'submitToSecretariat', { inventoryId: DEMO })).errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN' });
    expect(submitWarnings.map((f) => f.findingId)).toEqual(['ND_CELLS:inventory']);
    expect((await act('kenCoordinator', 'submitToSecretariat', { inventoryId: DEMO })).errors?.[0].extensions).toMatchObject({ code: 'QAQC_COMMENT_REQUIRED' });
    const submitted = await act('kenCoordinator', 'submitToSecretariat', { inventoryId: DEMO, submissionId: 'KEN-2024-r1', acknowledgements: acknowledge(submitWarnings) });
    expect(submitted.errors).toBeUndefined();
    const receipt = submitted.action!.receipt!;
    expect(receipt).toMatchObject({ submissionId: 'KEN-2024-r1', inventoryId: DEMO, party: 'KEN', referenceYear: 2024, revision: 1, submittedBy: fixture.accountIds.kenCoordinator, supersedes: null });
    expect(receipt.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(submitted.action?.review.status).toBe('submitted');

    // The inventory is frozen: edits are refused until it is reopened.
    const frozenEdit = await fixture.as('kenDrafter', `mutation { recordActivity(input: { inventoryId: "${DEMO}", classCode: "3b1", activityRate: 1, unit: "TJ" }) { version } }`);
    expect(frozenEdit.errors?.[0].extensions).toMatchObject({ code: 'INVENTORY_CLOSED' });

    // The Secretariat reads the receipt and the snapshot; the hash verifies, from the client too.
    const frozen = await eventually(
      () => fixture.as<{ submission: { snapshotJson: string; contentHash: string; engineVersion: string; editionId: string; tefScheme: string; lineCount: number } }>('secretariat', 'query { submission(submissionId: "KEN-2024-r1") { snapshotJson contentHash engineVersion editionId tefScheme lineCount } }'),
      (r) => r.data?.submission !== undefined && r.data.submission !== null,
    );
    const snapshot = frozen.data!.submission;
    expect(snapshot).toMatchObject({ contentHash: receipt.contentHash, engineVersion: 'upops-calculation/1', editionId: SHIPPED_EDITION_ID, tefScheme: 'WHO-2005', lineCount: 4 });
    expect(createHash('sha256').update(snapshot.snapshotJson, 'utf8').digest('hex')).toBe(receipt.contentHash);
    // The same bytes as a file: its sha256 is the receipt's hash, so an archived copy verifies offline.
    const download = await fetch(`${fixture.base}/submissions/KEN-2024-r1.json`, { headers: { authorization: `Bearer ${fixture.tokens.secretariat}` } });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-disposition')).toBe('attachment; filename="submission-KEN-2024-r1.json"');
    const file = Buffer.from(await download.arrayBuffer());
    expect(createHash('sha256').update(file).digest('hex')).toBe(receipt.contentHash);
    expect(download.headers.get('x-content-sha256')).toBe(receipt.contentHash);
    expect((await fetch(`${fixture.base}/submissions/KEN-2024-r1.json`, { headers: { authorization: `Bearer ${fixture.tokens.ecuCoordinator}` } })).status).toBe(403);
    expect((await fetch(`${fixture.base}/submissions/KEN-2024-r1.json`)).status).toBe(401);
    expect((await fetch(`${fixture.base}/submissions/KEN-2024-r9.json`, { headers: { authorization: `Bearer ${fixture.tokens.secretariat}` } })).status).toBe(404);
    const parsed = JSON.parse(snapshot.snapshotJson) as { lines: { lineId: string; factors: { source: string }[] }[]; totals: { nation: { substance: string; grams: number }[] } };
    expect(parsed.lines.find((l) => l.lineId === 'demo-msw-open')?.factors.length).toBeGreaterThan(0);
    // 12 kt x 3500 µg TEQ/t (air) + 12 kt x 75 µg TEQ/t ... : the nation total in the snapshot equals the inventory's.
    const current = await fixture.as<{ inventory: { totals: { grams: number }[] } }>('kenCoordinator', `query { inventory(inventoryId: "${DEMO}") { totals(by: "nation", substance: "PCDD/PCDF") { grams } } }`);
    expect(parsed.totals.nation.find((t) => t.substance === 'PCDD/PCDF')?.grams).toBe(current.data?.inventory.totals[0].grams);
    const verified = await fixture.as<{ verifySubmission: { verified: boolean; eventStoreHash: string; readModelHash: string } }>('secretariat', 'query { verifySubmission(submissionId: "KEN-2024-r1") { verified eventStoreHash readModelHash } }');
    expect(verified.data?.verifySubmission).toEqual({ verified: true, eventStoreHash: receipt.contentHash, readModelHash: receipt.contentHash });
    expect((await fixture.as('ecuCoordinator', 'query { submission(submissionId: "KEN-2024-r1") { contentHash } }')).errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN' });

    // It cannot be altered: the database refuses to change the frozen row or the events behind it.
    await expect(fixture.db.pool.query(`UPDATE rv_submissions SET snapshot = '{}' WHERE submission_id = 'KEN-2024-r1'`)).rejects.toThrow(/frozen/);
    await expect(fixture.db.pool.query(`DELETE FROM rv_submissions WHERE submission_id = 'KEN-2024-r1'`)).rejects.toThrow(/frozen/);
    await expect(fixture.db.pool.query(`UPDATE es_events SET data = '{}' WHERE stream_id = 'review-${DEMO}'`)).rejects.toThrow();

    // Reopen: a new revision; the first submission stays readable.
    const reopened = await act('kenCoordinator', 'reopenSubmission', { inventoryId: DEMO, reason: 'Correct the biomass figure' });
    expect(reopened.action?.review).toMatchObject({ status: 'draft', revision: 2, approvals: [], inventoryApproval: null });
    const revised = await fixture.as('kenDrafter', `mutation { reviseActivity(input: { inventoryId: "${DEMO}", lineId: "demo-biomass", basedOnRevision: 1, activityRate: 420000 }) { version } }`);
    expect(revised.errors).toBeUndefined();
    const secondWarnings = (await findings('kenCoordinator')).filter((f) => f.severity === 'warning');
    expect((await act('kenCoordinator', 'requestReview', { inventoryId: DEMO, reviewerIds: [], acknowledgements: acknowledge(secondWarnings) })).action?.review).toMatchObject({ status: 'in_review', revision: 2, round: 1 });
    await approveAll('kenReviewer', ['demo-msw-open', 'demo-msw-controlled', 'demo-biomass', 'demo-sinter']);
    expect((await fixture.as('kenReviewer', `mutation { approveInventory(inventoryId: "${DEMO}") { events } }`)).errors).toBeUndefined();
    const second = await act('kenCoordinator', 'submitToSecretariat', { inventoryId: DEMO, submissionId: 'KEN-2024-r2', acknowledgements: acknowledge(secondWarnings) });
    expect(second.action?.receipt).toMatchObject({ submissionId: 'KEN-2024-r2', revision: 2, supersedes: 'KEN-2024-r1' });
    expect(second.action?.receipt?.contentHash).not.toBe(receipt.contentHash);
    const history = await eventually(
      () => fixture.as<{ submissions: { submissionId: string; supersededBy: string | null }[] }>('secretariat', 'query { submissions(party: "KEN") { submissionId supersededBy } }'),
      (r) => (r.data?.submissions.length ?? 0) === 2 && r.data!.submissions[0].supersededBy !== null,
    );
    expect(history.data?.submissions).toEqual([
      { submissionId: 'KEN-2024-r1', supersededBy: 'KEN-2024-r2' },
      { submissionId: 'KEN-2024-r2', supersededBy: null },
    ]);
    const old = await fixture.as<{ verifySubmission: { verified: boolean } }>('kenObserver', 'query { verifySubmission(submissionId: "KEN-2024-r1") { verified } }');
    expect(old.data?.verifySubmission.verified).toBe(true);
  });

  it('lapses an approval when the approved line changes, says why, and keeps the inventory from going to the Secretariat until approved again', async () => {
    await openWithLine('KEN-2031', 2031);
    const requested = await act('kenCoordinator', 'requestReview', { inventoryId: 'KEN-2031', reviewerIds: [fixture.accountIds.kenReviewer], acknowledgements: await allAcknowledged('KEN-2031') });
    expect(requested.errors).toBeUndefined();
    expect((await fixture.as('kenReviewer', 'mutation { approve(input: { inventoryId: "KEN-2031", lineId: "l1" }) { events } }')).errors).toBeUndefined();
    expect((await fixture.as('kenReviewer', 'mutation { approveInventory(inventoryId: "KEN-2031") { events } }')).errors).toBeUndefined();

    const revised = await fixture.as('kenDrafter', 'mutation { reviseActivity(input: { inventoryId: "KEN-2031", lineId: "l1", basedOnRevision: 1, activityRate: 13 }) { version } }');
    expect(revised.errors).toBeUndefined();
    const lapsed = await eventually(
      () => review('kenCoordinator', 'KEN-2031'),
      (r) => r.data?.review.status === 'in_review',
    );
    const lineApproval = lapsed.data!.review.approvals.find((a) => a.subject.lineId === 'l1');
    expect(lineApproval).toMatchObject({ standing: false, approvedBy: fixture.accountIds.kenReviewer });
    expect(lineApproval?.lapsedWhy).toContain('Line l1 was revised (revision 1 -> 2)');
    expect(lapsed.data!.review.inventoryApproval).toMatchObject({ standing: false });
    const { rows } = await fixture.db.pool.query<{ event_type: string; data: { why: string }; metadata: { actor: string } }>(
      `SELECT event_type, data, metadata FROM es_events WHERE stream_id = 'review-KEN-2031' AND event_type = 'ApprovalLapsed' ORDER BY global_position`,
    );
    expect(rows.map((r) => r.metadata.actor)).toEqual(['system:review-approval-lapses', 'system:review-approval-lapses']);

    const refused = await act('kenCoordinator', 'submitToSecretariat', { inventoryId: 'KEN-2031', acknowledgements: await allAcknowledged('KEN-2031') });
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'ILLEGAL_TRANSITION', status: 'in_review' });
    const notified = await eventually(
      () => fixture.as<{ notifications: { kind: string; message: string }[] }>('kenReviewer', 'query { notifications { kind message } }'),
      (r) => (r.data?.notifications ?? []).some((n) => n.kind === 'approval_lapsed'),
    );
    expect(notified.data?.notifications.find((n) => n.kind === 'approval_lapsed')?.message).toContain('revised');

    expect((await fixture.as('kenReviewer', 'mutation { approve(input: { inventoryId: "KEN-2031", lineId: "l1" }) { events } }')).errors).toBeUndefined();
    expect((await fixture.as('kenReviewer', 'mutation { approveInventory(inventoryId: "KEN-2031") { events } }')).errors).toBeUndefined();
    const submitted = await act('kenCoordinator', 'submitToSecretariat', { inventoryId: 'KEN-2031', acknowledgements: await allAcknowledged('KEN-2031') });
    expect(submitted.errors).toBeUndefined();
    expect(submitted.action?.review.status).toBe('submitted');
  });

  it('checks an approval once more when it is given: one resting on an inventory that moved meanwhile lapses without a further edit', async () => {
    await openWithLine('KEN-2036', 2036);
    const requested = await act('kenCoordinator', 'requestReview', { inventoryId: 'KEN-2036', reviewerIds: [fixture.accountIds.kenReviewer], acknowledgements: await allAcknowledged('KEN-2036') });
    expect(requested.errors).toBeUndefined();
    // The race, recorded as it would land: a reviewer read line l1 before an edit (revision 0 here), and the edit's own lapse check ran before the approval existed.
    const store = fixture.app.get(PostgresEventStore);
    await store.append(
      'review-KEN-2036',
      [
        {
          type: 'SubjectApproved',
          data: {
            inventoryId: 'KEN-2036',
            party: 'KEN',
            subject: { kind: 'line', lineId: 'l1' },
            basis: { editionId: SHIPPED_EDITION_ID, lines: { l1: 0 }, overrideIds: [], overrideFactors: {}, notOccurring: [] },
            by: fixture.accountIds.kenReviewer,
            at: new Date().toISOString(),
          },
        },
      ],
      { streamType: 'review', expectedVersion: await reviewVersion('KEN-2036'), metadata: { actor: fixture.accountIds.kenReviewer } },
    );
    const lapses = await eventually(
      async () => (await fixture.db.pool.query<{ data: { why: string } }>(`SELECT data FROM es_events WHERE stream_id = 'review-KEN-2036' AND event_type = 'ApprovalLapsed'`)).rows,
      (rows) => rows.length > 0,
    );
    expect(lapses.map((r) => r.data.why)).toEqual(['Line l1 was revised (revision 0 -> 1)']);
  });

  it('warns when the national total jumps more than tenfold against the previous inventory, and passes once the warning has a comment', async () => {
    await openWithLine('KEN-2032', 2032, 12_000);
    const report = await findings('kenCoordinator', 'KEN-2032');
    const jump = report.find((f) => f.rule === 'TOTAL_JUMP');
    expect(jump).toMatchObject({ severity: 'warning', findingId: 'TOTAL_JUMP:inventory', subject: { kind: 'inventory' } });
    expect(jump?.message).toContain('KEN-2031');
    const withoutComment = await act('kenCoordinator', 'requestReview', {
      inventoryId: 'KEN-2032',
      reviewerIds: [fixture.accountIds.kenReviewer],
      acknowledgements: acknowledge(report).filter((a) => a.findingId !== 'TOTAL_JUMP:inventory'),
    });
    expect(withoutComment.errors?.[0].extensions).toMatchObject({ code: 'QAQC_COMMENT_REQUIRED' });
    expect((withoutComment.errors?.[0].extensions?.findings as Finding[]).map((f) => f.findingId)).toEqual(['TOTAL_JUMP:inventory']);
    const passed = await act('kenCoordinator', 'requestReview', { inventoryId: 'KEN-2032', reviewerIds: [fixture.accountIds.kenReviewer], acknowledgements: acknowledge(report) });
    expect(passed.errors).toBeUndefined();
  });

  it('refuses review actions out of turn or out of role with typed errors, appending nothing', async () => {
    await openWithLine('KEN-2033', 2033);
    const cases: [Persona, string, string][] = [
      ['kenReviewer', 'mutation { approveInventory(inventoryId: "KEN-2033") { events } }', 'FORBIDDEN'],
      ['kenCoordinator', 'mutation { reopenSubmission(input: { inventoryId: "KEN-2033", reason: "x" }) { events } }', 'ILLEGAL_TRANSITION'],
      ['kenCoordinator', 'mutation { submitToSecretariat(input: { inventoryId: "KEN-2033" }) { events } }', 'ILLEGAL_TRANSITION'],
      ['kenCoordinator', 'mutation { requestReview(input: { inventoryId: "KEN-2033", reviewerIds: [] }) { events } }', 'REVIEWER_REQUIRED'],
      ['ecuCoordinator', 'mutation { requestReview(input: { inventoryId: "KEN-2033", reviewerIds: [] }) { events } }', 'FORBIDDEN'],
      ['kenCoordinator', 'mutation { requestReview(input: { inventoryId: "KEN-2033", reviewerIds: ["no-such-account"] }) { events } }', 'BAD_USER_INPUT'],
      ['kenDrafter', 'mutation { approve(input: { inventoryId: "KEN-2033", lineId: "l1" }) { events } }', 'FORBIDDEN'],
      ['kenCoordinator', 'mutation { requestChanges(input: { inventoryId: "KEN-2033", summary: "x" }) { events } }', 'FORBIDDEN'],
    ];
    for (const [who, mutation, code] of cases) {
      const result = await fixture.as(who, mutation);
      expect({ mutation, code: result.errors?.[0].extensions?.code }).toEqual({ mutation, code });
    }
    const drafterAsReviewer = await act('kenCoordinator', 'requestReview', { inventoryId: 'KEN-2033', reviewerIds: [fixture.accountIds.kenDrafter], acknowledgements: await allAcknowledged('KEN-2033') });
    expect(drafterAsReviewer.errors?.[0].extensions).toMatchObject({ code: 'REVIEWER_NOT_ELIGIBLE', field: 'reviewers' });
    expect(await reviewVersion('KEN-2033')).toBe(0);
  });

  it('answers a repeated command id once, only to those who may read that review, and refuses text PostgreSQL cannot store', async () => {
    await openWithLine('KEN-2034', 2034);
    const input = { inventoryId: 'KEN-2034', reviewerIds: [fixture.accountIds.kenReviewer], acknowledgements: await allAcknowledged('KEN-2034'), commandId: 'request-2034' };
    const first = await act('kenCoordinator', 'requestReview', input);
    expect(first.errors).toBeUndefined();
    expect(first.action).toMatchObject({ duplicate: false, events: ['ReviewRequested', 'ReviewerAssigned'] });
    const retried = await act('kenCoordinator', 'requestReview', input);
    expect(retried.action).toMatchObject({ duplicate: true, events: [], review: { status: 'in_review', round: 1 } });

    // The id is no key to another Party's review, nor does it answer for another inventory.
    const otherParty = await act('ecuCoordinator', 'requestReview', input);
    expect(otherParty.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN' });
    expect(otherParty.action).toBeUndefined();
    const otherInventory = await act('kenCoordinator', 'requestReview', { ...input, inventoryId: 'KEN-2033' });
    expect(otherInventory.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'commandId' });

    const versionBefore = await reviewVersion('KEN-2034');
    for (const text of ['nul \u0000 inside', 'lone \uD83D surrogate']) {
      const refused = await act('kenReviewer', 'openReviewThread', { inventoryId: 'KEN-2034', threadId: randomUUID(), text });
      expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'text' });
    }
    expect(await reviewVersion('KEN-2034')).toBe(versionBefore);
  });

  it('holds another reviewer\'s question until the lead reviewer lets it through, and closes threads only on the lead\'s confirmation', async () => {
    await openWithLine('KEN-2035', 2035);
    const id = 'KEN-2035';
    const requested = await act('kenCoordinator', 'requestReview', {
      inventoryId: id,
      reviewerIds: [fixture.accountIds.kenReviewer, fixture.accountIds.secretariatReviewer],
      acknowledgements: await allAcknowledged(id),
    });
    expect(requested.errors).toBeUndefined();
    const lead = await fixture.as<{ setLeadReviewer: { review: { reviewers: { accountId: string; lead: boolean }[] } } }>(
      'kenCoordinator',
      'mutation($i: LeadReviewerInput!) { setLeadReviewer(input: $i) { review { reviewers { accountId lead } } } }',
      { i: { inventoryId: id, accountId: fixture.accountIds.kenReviewer } },
    );
    expect(lead.data?.setLeadReviewer.review.reviewers.filter((r) => r.lead).map((r) => r.accountId)).toEqual([fixture.accountIds.kenReviewer]);

    // The Secretariat's reviewer asks; the question waits for the lead and the Party does not see it.
    const asked = await act('secretariatReviewer', 'openReviewThread', { inventoryId: id, threadId: Q_2035, lineId: 'l1', text: 'Is 12 kt the 2035 figure?' });
    expect(asked.action?.review.threads.find((t) => t.threadId === Q_2035)?.status).toBe('awaiting_lead');
    expect((await review('kenCoordinator', id)).data?.review.threads.map((t) => t.threadId)).toEqual([]);
    // Nor does the Party's list count it, nor can the Party probe for it with a chosen id.
    const streamVersion = await reviewVersion(id);
    await eventually(
      async () => (await fixture.db.pool.query<{ version: number }>('SELECT version FROM rv_reviews WHERE inventory_id = $1', [id])).rows[0]?.version,
      (projected) => projected === streamVersion,
    );
    const listed = await fixture.as<{ reviews: { inventoryId: string; openThreads: number }[] }>('kenCoordinator', 'query { reviews { inventoryId openThreads } }');
    expect(listed.data?.reviews.find((x) => x.inventoryId === id)?.openThreads).toBe(0);
    const probe = await act('kenDrafter', 'openReviewThread', { inventoryId: id, threadId: 'q-guess', text: 'Anyone?' });
    expect(probe.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'threadId' });
    const timeline = async (who: Persona) =>
      (await fixture.as<{ reviewHistory: { type: string; threadId: string | null; actor: string; what: string; why: string | null }[] }>(who, `query { reviewHistory(inventoryId: "${id}") { type threadId actor what why } }`)).data!.reviewHistory;
    expect((await timeline('kenCoordinator')).filter((e) => e.threadId === Q_2035)).toEqual([]);
    expect((await timeline('kenReviewer')).find((e) => e.threadId === Q_2035)).toMatchObject({ type: 'ThreadOpened', why: 'Is 12 kt the 2035 figure?' });
    const earlyReply = await act('kenDrafter', 'replyToReviewThread', { inventoryId: id, threadId: Q_2035, text: 'Yes' });
    expect(earlyReply.errors?.[0].extensions).toMatchObject({ code: 'THREAD_NOT_FOUND', field: 'threadId' });
    const notLead = await act('secretariatReviewer', 'releaseReviewThread', { inventoryId: id, threadId: Q_2035 });
    expect(notLead.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN' });

    // The lead lets it through: the coordinator is told and the Party answers.
    const released = await act('kenReviewer', 'releaseReviewThread', { inventoryId: id, threadId: Q_2035 });
    expect(released.action?.events).toEqual(['ThreadReleased']);
    const told = await eventually(
      () => fixture.as<{ notifications: { kind: string; threadId: string | null }[] }>('kenCoordinator', 'query { notifications { kind threadId } }'),
      (r) => Boolean(r.data?.notifications.some((n) => n.kind === 'question_released' && n.threadId === Q_2035)),
    );
    expect(told.errors).toBeUndefined();
    expect((await act('kenDrafter', 'replyToReviewThread', { inventoryId: id, threadId: Q_2035, text: 'Yes, from the 2035 survey' })).errors).toBeUndefined();

    // The asking reviewer is satisfied, but closing is the lead's: until then the thread blocks approval.
    const proposed = await act('secretariatReviewer', 'resolveReviewThread', { inventoryId: id, threadId: Q_2035, note: 'Answered' });
    expect(proposed.action?.events).toEqual(['ThreadResolutionProposed']);
    expect(proposed.action?.review.threads.find((t) => t.threadId === Q_2035)?.status).toBe('open');
    const blocked = await fixture.as('kenReviewer', `mutation { approve(input: { inventoryId: "${id}", lineId: "l1" }) { events } }`);
    expect(blocked.errors?.[0].extensions).toMatchObject({ code: 'UNRESOLVED_THREADS' });
    const confirmed = await act('kenReviewer', 'resolveReviewThread', { inventoryId: id, threadId: Q_2035, note: 'Confirmed' });
    expect(confirmed.action?.events).toEqual(['ThreadResolved']);
    const approved = await fixture.as('kenReviewer', `mutation { approve(input: { inventoryId: "${id}", lineId: "l1" }) { events } }`);
    expect(approved.errors).toBeUndefined();

    // Once let through, the Party's timeline tells the whole thread, with names.
    const told2 = (await timeline('kenCoordinator')).filter((e) => e.threadId === Q_2035).map((e) => e.type);
    expect(told2).toEqual(['ThreadOpened', 'ThreadReleased', 'ThreadReplied', 'ThreadResolutionProposed', 'ThreadResolved']);
    const all = await timeline('kenCoordinator');
    expect(all[0]).toMatchObject({ type: 'ReviewRequested' });
    expect(all.every((e) => !/^[0-9a-f-]{36}$/.test(e.actor))).toBe(true);
    expect(all.at(-1)).toMatchObject({ type: 'SubjectApproved', what: 'Approved line l1' });
    // Another Party reads none of it.
    const other = await fixture.as('ecuCoordinator', `query { reviewHistory(inventoryId: "${id}") { type } }`);
    expect(other.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN' });
  });

  async function openWithLine(inventoryId: string, year: number, kilotonnes = 12): Promise<void> {
    const opened = await fixture.as('kenDrafter', `mutation { openInventory(input: { party: "KEN", referenceYear: ${year}, editionId: "${SHIPPED_EDITION_ID}" }) { version } }`);
    expect(opened.errors).toBeUndefined();
    const line = await fixture.as<{ recordActivity: { position: string } }>('kenDrafter', `mutation { recordActivity(input: { inventoryId: "${inventoryId}", lineId: "l1", classCode: "1a1", activityRate: ${kilotonnes}, unit: "kt" }) { position } }`);
    expect(line.errors).toBeUndefined();
    // The read model (where the previous year's totals come from) shows it before QA/QC looks.
    await fixture.as('kenDrafter', `query($after: String) { inventory(inventoryId: "${inventoryId}", after: $after) { version } }`, { after: line.data!.recordActivity.position });
    for (const finding of (await findings('kenCoordinator', inventoryId)).filter((f) => f.rule === 'ANNEX_C_PART_II_NOT_ADDRESSED')) {
      const marked = await fixture.as('kenDrafter', `mutation($i: CategoryNotOccurringInput!) { markCategoryNotOccurring(input: $i) { position } }`, {
        i: { inventoryId, categoryCode: finding.subject.categoryCode, note: 'Does not occur (test)' },
      });
      expect(marked.errors).toBeUndefined();
    }
  }

  async function allAcknowledged(inventoryId: string) {
    return acknowledge(await findings('kenCoordinator', inventoryId));
  }
});

function inputType(mutation: string): string {
  const types: Record<string, string> = {
    requestReview: 'RequestReviewInput',
    openReviewThread: 'OpenThreadInput',
    replyToReviewThread: 'ReplyToThreadInput',
    resolveReviewThread: 'ResolveThreadInput',
    approve: 'ApproveInput',
    submitToSecretariat: 'SubmitToSecretariatInput',
    reopenSubmission: 'ReopenSubmissionInput',
    releaseReviewThread: 'ReleaseThreadInput',
  };
  return types[mutation];
}
