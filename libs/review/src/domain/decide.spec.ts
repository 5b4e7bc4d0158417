import type { OpenedInventory } from '@upops/inventory';
import {
  AT,
  INVENTORY_ID,
  NOW,
  PARTY,
  activityLine,
  actor,
  approvalLapsed,
  category,
  changesRequested,
  classOverride,
  coordinator,
  drafter,
  ecuDrafter,
  frozen,
  inventoryApproved,
  jumpWarning,
  line,
  openedInventory,
  ownReviewer,
  reviewContext,
  reviewRequested,
  reviewerAssigned,
  revised,
  secretariatReviewer,
  subjectApproved,
  systemActor,
  threadOpened,
  threadReplied,
  threadResolved,
  unitBlocker,
  withLine,
  withOverride,
} from '../testing/review.fixtures';
import { decide } from './decide';
import type { ReviewDecision } from './decision';
import type { QaqcFinding } from './qaqc/qaqc.types';
import type { Approve, OpenThread, ReviewActor, ReviewCommand, ReviewContext, ReviewPerson, SubmitToSecretariat } from './review.commands';
import { ReviewError, ReviewErrorCode } from './review.errors';
import { type ReviewEvent, type SubmittedToSecretariat, reviewEvent } from './review.events';
import { currentSubmission, replayReview, type ReviewState } from './review.state';
import type { Acknowledgement, SubmissionReceipt } from './review.types';

type ContextChanges = Partial<Omit<ReviewContext, 'actor'>>;

/** given(events).when(command, actor, context) -> then the events (and the state after), or the refusal. */
function given(...history: ReviewEvent[]) {
  const state = replayReview(INVENTORY_ID, PARTY, history);
  return {
    state,
    when: (command: ReviewCommand, who: ReviewActor, changes: ContextChanges = {}) => {
      const decision = decide(command, state, reviewContext(who, changes));
      return {
        decision,
        then: (...events: ReviewEvent[]): ReviewState => {
          expect(decision).toEqual({ ok: true, events });
          return replayReview(INVENTORY_ID, PARTY, [...history, ...events]);
        },
        thenRefused: (code: ReviewErrorCode, field?: string): ReviewError => refused(decision, code, field),
        /** The events, for specs that check some fields only. */
        accepted: (): ReviewEvent[] => {
          if (!decision.ok) throw new Error(`refused: ${decision.error.code} ${decision.error.message}`);
          return decision.events;
        },
      };
    },
  };
}

function refused(decision: ReviewDecision, code: ReviewErrorCode, field?: string): ReviewError {
  // A refusal carries an error and nothing to append.
  expect(decision).not.toHaveProperty('events');
  if (decision.ok) throw new Error(`expected ${code}, got events ${decision.events.map((e) => e.type).join(', ')}`);
  expect(decision.error).toBeInstanceOf(ReviewError);
  expect(decision.error.code).toBe(code);
  if (field !== undefined) expect(decision.error.field).toBe(field);
  return decision.error;
}

/** Runs commands through the decider to build a history; any refusal fails the spec. */
function play(history: ReviewEvent[], command: ReviewCommand, who: ReviewActor, changes: ContextChanges = {}): ReviewEvent[] {
  const decision = decide(command, replayReview(INVENTORY_ID, PARTY, history), reviewContext(who, changes));
  if (!decision.ok) throw new Error(`${command.type} refused: ${decision.error.code} ${decision.error.message}`);
  return [...history, ...decision.events];
}

// Commands.
const requestReview = (reviewers: ReviewPerson[], acknowledgements: Acknowledgement[] = [], note: string | null = null): ReviewCommand => ({
  type: 'RequestReview',
  reviewers,
  acknowledgements,
  note,
});
const approve = (subject: Approve['subject']): ReviewCommand => ({ type: 'Approve', subject });
const approveInventory: ReviewCommand = { type: 'ApproveInventory' };
const lapseApprovals: ReviewCommand = { type: 'LapseApprovals' };
const submit = (submissionId: string, acknowledgements: Acknowledgement[] = []): SubmitToSecretariat => ({ type: 'SubmitToSecretariat', submissionId, acknowledgements });
const reopenSubmission = (reason: string): ReviewCommand => ({ type: 'ReopenSubmission', reason });
const openThread = (threadId: string, subject: OpenThread['subject'], mentions: ReviewPerson[] = []): ReviewCommand => ({
  type: 'OpenThread',
  threadId,
  commentId: `${threadId}-c1`,
  subject,
  text: '  Is 1000 t plausible for 2024?  ',
  mentions,
});
const reply = (threadId: string, commentId: string, mentions: ReviewPerson[] = []): ReviewCommand => ({
  type: 'ReplyToThread',
  threadId,
  commentId,
  text: 'The 2024 survey says so',
  mentions,
});
const resolve = (threadId: string, note: string | null = null): ReviewCommand => ({ type: 'ResolveThread', threadId, note });
const reopenThread = (threadId: string, reason: string): ReviewCommand => ({ type: 'ReopenThread', threadId, reason });

const as = actor;
const ids = { inventoryId: INVENTORY_ID, party: PARTY };
const HASH_1 = '3f'.repeat(32);
const HASH_2 = 'a7'.repeat(32);
const DAY = 24 * 60 * 60 * 1000;

/** In review, with the Party's own reviewer assigned. */
const inReview: ReviewEvent[] = [reviewRequested(), reviewerAssigned(ownReviewer)];
/** Every line approved (l1 and l3 through category 1a, l2 itself), then the inventory. */
const approved: ReviewEvent[] = [...inReview, subjectApproved(category('1a')), subjectApproved(line('l2')), inventoryApproved()];

function submittedEvent(receipt: Partial<SubmissionReceipt>, inventory: OpenedInventory = openedInventory(), acknowledgements: Acknowledgement[] = []): SubmittedToSecretariat {
  const full: SubmissionReceipt = {
    submissionId: 'KEN-2024-s1',
    inventoryId: INVENTORY_ID,
    party: PARTY,
    referenceYear: 2024,
    revision: 1,
    submittedAt: AT,
    submittedBy: 'coord',
    contentHash: HASH_1,
    supersedes: null,
    ...receipt,
  };
  return reviewEvent<SubmittedToSecretariat>('SubmittedToSecretariat', {
    ...ids,
    receipt: full,
    snapshot: frozen(inventory, full.revision, full.contentHash).snapshot,
    acknowledgements,
  });
}

describe('the review cycle', () => {
  it('goes from a request for review through approvals to a submission, and a reopened revision supersedes it', () => {
    const inventory = openedInventory();

    // Cycle 1: the coordinator asks for review, naming two reviewers.
    const afterRequest = given()
      .when(requestReview([ownReviewer, secretariatReviewer], [], '  First draft for review  '), as(coordinator))
      .then(reviewRequested({ note: 'First draft for review' }), reviewerAssigned(ownReviewer), reviewerAssigned(secretariatReviewer));
    expect(afterRequest).toMatchObject({ status: 'in_review', revision: 1, round: 1, requestedBy: 'coord' });
    expect(Object.keys(afterRequest.reviewers).sort()).toEqual(['rev-ken', 'rev-sec']);

    let history = play([], requestReview([ownReviewer, secretariatReviewer]), as(coordinator));

    // A line, then a category (covering l1 and l3), then the inventory.
    given(...history)
      .when(approve(line('l2')), as(secretariatReviewer))
      .then(
        reviewEvent('SubjectApproved', {
          ...ids,
          subject: { kind: 'line', lineId: 'l2' },
          basis: { editionId: 'toolkit-2013', lines: { l2: 1 }, overrideIds: [], overrideFactors: {}, notOccurring: [] },
          by: 'rev-sec',
          at: AT,
        }),
      );
    history = play(history, approve(line('l2')), as(secretariatReviewer));
    given(...history)
      .when(approve(category('1a')), as(ownReviewer))
      .then(
        reviewEvent('SubjectApproved', {
          ...ids,
          subject: { kind: 'category', categoryCode: '1a' },
          basis: { editionId: 'toolkit-2013', lines: { l1: 1, l3: 1 }, overrideIds: [], overrideFactors: {}, notOccurring: [] },
          by: 'rev-ken',
          at: AT,
        }),
      );
    history = play(history, approve(category('1a')), as(ownReviewer));

    const afterApproval = given(...history)
      .when(approveInventory, as(ownReviewer))
      .then(
        reviewEvent('InventoryApproved', {
          ...ids,
          revision: 1,
          basis: { editionId: 'toolkit-2013', lines: { l1: 1, l2: 1, l3: 1 }, overrideIds: [], overrideFactors: {}, notOccurring: [] },
          by: 'rev-ken',
          at: AT,
        }),
      );
    expect(afterApproval.status).toBe('approved');
    expect(afterApproval.inventoryApproval).toMatchObject({ approvedBy: 'rev-ken', lapsed: null });
    history = play(history, approveInventory, as(ownReviewer));

    // The coordinator submits the frozen snapshot.
    const firstFrozen = frozen(inventory, 1, HASH_1);
    const afterSubmit = given(...history).when(submit('KEN-2024-s1'), as(coordinator), { frozen: firstFrozen }).then(submittedEvent({}));
    expect(afterSubmit.status).toBe('submitted');
    expect(afterSubmit.submissions).toEqual([
      {
        submissionId: 'KEN-2024-s1',
        inventoryId: 'KEN-2024',
        party: 'KEN',
        referenceYear: 2024,
        revision: 1,
        submittedAt: '2026-11-28T10:00:00.000Z',
        submittedBy: 'coord',
        contentHash: HASH_1,
        supersedes: null,
        supersededBy: null,
      },
    ]);
    history = play(history, submit('KEN-2024-s1'), as(coordinator), { frozen: firstFrozen });

    // Reopening starts revision 2 as a draft; approvals belonged to revision 1, reviewers stay.
    const afterReopen = given(...history)
      .when(reopenSubmission('  A cement kiln was missed  '), as(coordinator))
      .then(reviewEvent('SubmissionReopened', { ...ids, submissionId: 'KEN-2024-s1', revision: 2, by: 'coord', reason: 'A cement kiln was missed' }));
    expect(afterReopen).toMatchObject({ status: 'draft', revision: 2, round: 0, requestedBy: null, approvals: {}, inventoryApproval: null });
    expect(Object.keys(afterReopen.reviewers).sort()).toEqual(['rev-ken', 'rev-sec']);
    expect(currentSubmission(afterReopen)?.submissionId).toBe('KEN-2024-s1');
    history = play(history, reopenSubmission('A cement kiln was missed'), as(coordinator));

    // Cycle 2: a new line in 3b; review again with the reviewers already assigned.
    const second = withLine(inventory, activityLine('l4', '3b1'));
    given(...history)
      .when(requestReview([]), as(coordinator), { inventory: second })
      .then(reviewRequested({ revision: 2, round: 1, inventoryVersion: 13 }));
    history = play(history, requestReview([]), as(coordinator), { inventory: second });
    for (const code of ['1a', '2a', '3b']) history = play(history, approve(category(code)), as(secretariatReviewer), { inventory: second });
    history = play(history, approveInventory, as(secretariatReviewer), { inventory: second });

    const [event] = given(...history)
      .when(submit('KEN-2024-s2'), as(coordinator), { inventory: second, frozen: frozen(second, 2, HASH_2) })
      .accepted();
    expect(event).toEqual(submittedEvent({ submissionId: 'KEN-2024-s2', revision: 2, contentHash: HASH_2, supersedes: 'KEN-2024-s1' }, second));

    const final = replayReview(INVENTORY_ID, PARTY, [...history, event]);
    expect(final.status).toBe('submitted');
    expect(final.submissions.map((s) => [s.submissionId, s.revision, s.supersedes, s.supersededBy])).toEqual([
      ['KEN-2024-s1', 1, null, 'KEN-2024-s2'],
      ['KEN-2024-s2', 2, 'KEN-2024-s1', null],
    ]);
    expect(currentSubmission(final)?.submissionId).toBe('KEN-2024-s2');
  });
});

describe('illegal transitions', () => {
  it('refuses to approve a line of a draft', () => {
    const error = given(reviewerAssigned(ownReviewer)).when(approve(line('l1')), as(ownReviewer)).thenRefused(ReviewErrorCode.ILLEGAL_TRANSITION, 'status');
    expect(error.details).toEqual({ status: 'draft', allowed: ['in_review'] });
  });

  it('refuses to approve the inventory while changes are requested', () => {
    const error = given(...inReview, changesRequested()).when(approveInventory, as(ownReviewer)).thenRefused(ReviewErrorCode.ILLEGAL_TRANSITION, 'status');
    expect(error.details).toEqual({ status: 'changes_requested', allowed: ['in_review'] });
  });

  it('refuses to submit an inventory still in review', () => {
    const error = given(...inReview)
      .when(submit('KEN-2024-s1'), as(coordinator), { frozen: frozen(openedInventory(), 1, HASH_1) })
      .thenRefused(ReviewErrorCode.ILLEGAL_TRANSITION, 'status');
    expect(error.details).toEqual({ status: 'in_review', allowed: ['approved'] });
  });

  it('refuses to reopen a submission that was never made', () => {
    const error = given(...approved).when(reopenSubmission('Typo in l2'), as(coordinator)).thenRefused(ReviewErrorCode.ILLEGAL_TRANSITION, 'status');
    expect(error.details).toEqual({ status: 'approved', allowed: ['submitted'] });
  });

  it('refuses a second request for review while in review', () => {
    const error = given(...inReview).when(requestReview([secretariatReviewer]), as(coordinator)).thenRefused(ReviewErrorCode.ILLEGAL_TRANSITION, 'status');
    expect(error.details).toEqual({ status: 'in_review', allowed: ['draft', 'changes_requested'] });
  });

  it('refuses to approve a line once the inventory is approved', () => {
    given(...approved).when(approve(line('l1')), as(ownReviewer)).thenRefused(ReviewErrorCode.ILLEGAL_TRANSITION, 'status');
  });
});

describe('who may do what', () => {
  it('only the coordinator asks for review', () => {
    given().when(requestReview([ownReviewer]), as(drafter)).thenRefused(ReviewErrorCode.FORBIDDEN, 'inventoryId');
    // A coordinator of another Party is not this Party's coordinator.
    given().when(requestReview([ownReviewer]), as({ ...coordinator, accountId: 'coord-ecu', organisation: 'ECU' })).thenRefused(ReviewErrorCode.FORBIDDEN);
  });

  it('only an assigned reviewer approves', () => {
    given(...inReview).when(approve(line('l1')), as(secretariatReviewer)).thenRefused(ReviewErrorCode.FORBIDDEN, 'inventoryId');
    given(...inReview).when(approve(line('l1')), as(coordinator)).thenRefused(ReviewErrorCode.FORBIDDEN, 'inventoryId');
    given(...inReview).when(approveInventory, as(drafter)).thenRefused(ReviewErrorCode.FORBIDDEN, 'inventoryId');
  });

  it('a drafter of another Party does not open threads', () => {
    given(...inReview).when(openThread('t-1', line('l1')), as(ecuDrafter)).thenRefused(ReviewErrorCode.FORBIDDEN, 'inventoryId');
  });

  it('the workflow (system actor) does not approve, ask for review or submit', () => {
    given(...inReview).when(approve(line('l1')), systemActor).thenRefused(ReviewErrorCode.FORBIDDEN, 'actor');
    given().when(requestReview([ownReviewer]), systemActor).thenRefused(ReviewErrorCode.FORBIDDEN, 'actor');
    given(...approved).when(submit('KEN-2024-s1'), systemActor, { frozen: frozen(openedInventory(), 1, HASH_1) }).thenRefused(ReviewErrorCode.FORBIDDEN, 'actor');
  });
});

describe('reviewers', () => {
  it('a request for review needs at least one reviewer', () => {
    given().when(requestReview([]), as(coordinator)).thenRefused(ReviewErrorCode.REVIEWER_REQUIRED, 'reviewers');
  });

  it('after changes, a request for review goes to the reviewers assigned already (round 2, no new assignment)', () => {
    const state = given(...inReview, changesRequested())
      .when(requestReview([ownReviewer]), as(coordinator))
      .then(reviewRequested({ round: 2 }));
    expect(state).toMatchObject({ status: 'in_review', round: 2 });
  });

  it('a person without a reviewer role is not eligible', () => {
    const error = given().when(requestReview([ownReviewer, drafter]), as(coordinator)).thenRefused(ReviewErrorCode.REVIEWER_NOT_ELIGIBLE, 'reviewers');
    expect(error.details).toEqual({ accountId: 'drafter' });
  });

  it('the coordinator does not review their own request, even holding the reviewer role', () => {
    const both: ReviewPerson = { ...coordinator, roles: ['national_coordinator', 'reviewer'] };
    const error = given().when(requestReview([both]), as(both)).thenRefused(ReviewErrorCode.REVIEWER_NOT_ELIGIBLE, 'reviewers');
    expect(error.details).toEqual({ accountId: 'coord' });
  });

  it('a reviewer named twice is assigned once', () => {
    given()
      .when(requestReview([ownReviewer, ownReviewer]), as(coordinator))
      .then(reviewRequested(), reviewerAssigned(ownReviewer));
  });

  it('assigns another reviewer during review, but not one assigned already', () => {
    given(...inReview).when({ type: 'AssignReviewer', reviewer: secretariatReviewer }, as(coordinator)).then(reviewerAssigned(secretariatReviewer));
    given(...inReview).when({ type: 'AssignReviewer', reviewer: ownReviewer }, as(coordinator)).thenRefused(ReviewErrorCode.REVIEWER_ALREADY_ASSIGNED, 'accountId');
  });
});

describe('threads', () => {
  it('opens a thread on a line, filed under the line\'s category', () => {
    given(...inReview)
      .when(openThread('t-1', line('l1')), as(ownReviewer))
      .then(
        reviewEvent('ThreadOpened', {
          ...ids,
          threadId: 't-1',
          subject: { kind: 'line', lineId: 'l1' },
          categoryCode: '1a',
          commentId: 't-1-c1',
          author: 'rev-ken',
          text: 'Is 1000 t plausible for 2024?',
          mentions: [],
          at: AT,
        }),
      );
  });

  it('opens a thread on a category and on the inventory', () => {
    const [onCategory] = given(...inReview).when(openThread('t-2', category('2a')), as(drafter)).accepted();
    expect(onCategory).toMatchObject({ type: 'ThreadOpened', data: { subject: { kind: 'category', categoryCode: '2a' }, categoryCode: '2a', author: 'drafter' } });

    const [onInventory] = given(...inReview).when(openThread('t-3', { kind: 'inventory' }), as(coordinator)).accepted();
    expect(onInventory).toMatchObject({ type: 'ThreadOpened', data: { subject: { kind: 'inventory' }, categoryCode: null, author: 'coord' } });
  });

  it('refuses a thread on a line or category that does not exist, and a thread id in use', () => {
    given(...inReview).when(openThread('t-1', line('l9')), as(ownReviewer)).thenRefused(ReviewErrorCode.SUBJECT_NOT_FOUND, 'subject.lineId');
    given(...inReview).when(openThread('t-1', category('7x')), as(ownReviewer)).thenRefused(ReviewErrorCode.SUBJECT_NOT_FOUND, 'subject.categoryCode');
    given(...inReview, threadOpened('t-1', line('l1'), ownReviewer, '1a'))
      .when(openThread('t-1', line('l2')), as(ownReviewer))
      .thenRefused(ReviewErrorCode.THREAD_EXISTS, 'threadId');
  });

  it('a reply lists who took part before, except the one replying', () => {
    const history = [...inReview, threadOpened('t-1', line('l1'), ownReviewer, '1a'), threadReplied('t-1', 'c-2', drafter, ['rev-ken'])];
    given(...history)
      .when(reply('t-1', 'c-3'), as(ownReviewer))
      .then(
        reviewEvent('ThreadReplied', {
          ...ids,
          threadId: 't-1',
          commentId: 'c-3',
          author: 'rev-ken',
          text: 'The 2024 survey says so',
          mentions: [],
          at: AT,
          participants: ['drafter'],
        }),
      );
    const [byCoordinator] = given(...history).when(reply('t-1', 'c-3'), as(coordinator)).accepted();
    expect(byCoordinator).toMatchObject({ type: 'ThreadReplied', data: { author: 'coord', participants: ['drafter', 'rev-ken'] } });

    const state = replayReview(INVENTORY_ID, PARTY, [...history, byCoordinator]);
    expect(state.threads['t-1']?.comments.map((c) => [c.commentId, c.author])).toEqual([
      ['t-1-c1', 'rev-ken'],
      ['c-2', 'drafter'],
      ['c-3', 'coord'],
    ]);
  });

  it('refuses a reply to an unknown thread and a reply reusing a comment id', () => {
    given(...inReview).when(reply('t-9', 'c-2'), as(drafter)).thenRefused(ReviewErrorCode.THREAD_NOT_FOUND, 'threadId');
    given(...inReview, threadOpened('t-1', line('l1'), ownReviewer, '1a'))
      .when(reply('t-1', 't-1-c1'), as(drafter))
      .thenRefused(ReviewErrorCode.INVALID_INPUT, 'commentId');
  });

  it('the author resolves their thread', () => {
    const state = given(...inReview, threadOpened('t-1', line('l1'), ownReviewer, '1a'))
      .when(resolve('t-1', '  Explained by the 2024 survey  '), as(ownReviewer))
      .then(reviewEvent('ThreadResolved', { ...ids, threadId: 't-1', by: 'rev-ken', note: 'Explained by the 2024 survey', at: AT }));
    expect(state.threads['t-1']).toMatchObject({ status: 'resolved', resolution: { by: 'rev-ken', at: AT, note: 'Explained by the 2024 survey' } });
  });

  it('an assigned reviewer resolves someone else\'s thread; a drafter does not resolve a reviewer\'s', () => {
    given(...inReview, threadOpened('t-1', line('l1'), drafter, '1a'))
      .when(resolve('t-1'), as(ownReviewer))
      .then(reviewEvent('ThreadResolved', { ...ids, threadId: 't-1', by: 'rev-ken', note: null, at: AT }));
    given(...inReview, threadOpened('t-1', line('l1'), ownReviewer, '1a')).when(resolve('t-1'), as(drafter)).thenRefused(ReviewErrorCode.FORBIDDEN, 'inventoryId');
  });

  it('refuses to resolve a thread twice', () => {
    given(...inReview, threadOpened('t-1', line('l1'), ownReviewer, '1a'), threadResolved('t-1'))
      .when(resolve('t-1'), as(ownReviewer))
      .thenRefused(ReviewErrorCode.THREAD_ALREADY_RESOLVED, 'threadId');
  });

  it('reopens a resolved thread only with a reason', () => {
    const resolved = [...inReview, threadOpened('t-1', line('l1'), ownReviewer, '1a'), threadResolved('t-1')];
    given(...resolved).when(reopenThread('t-1', '   '), as(drafter)).thenRefused(ReviewErrorCode.REASON_REQUIRED, 'reason');
    const state = given(...resolved)
      .when(reopenThread('t-1', ' The survey covers 2023 only '), as(drafter))
      .then(reviewEvent('ThreadReopened', { ...ids, threadId: 't-1', by: 'drafter', reason: 'The survey covers 2023 only', at: AT }));
    expect(state.threads['t-1']).toMatchObject({ status: 'open', resolution: null });

    given(...inReview, threadOpened('t-1', line('l1'), ownReviewer, '1a'))
      .when(reopenThread('t-1', 'Still unclear'), as(drafter))
      .thenRefused(ReviewErrorCode.THREAD_NOT_RESOLVED, 'threadId');
  });

  it('mentions only people who can read the review', () => {
    const error = given(...inReview).when(openThread('t-1', line('l1'), [ecuDrafter]), as(drafter)).thenRefused(ReviewErrorCode.MENTION_NOT_PARTICIPANT, 'mentions');
    expect(error.details).toEqual({ accountIds: ['ecu-drafter'] });
    // Not assigned: a Secretariat reviewer cannot read this review.
    given(...inReview, threadOpened('t-1', line('l1'), ownReviewer, '1a'))
      .when(reply('t-1', 'c-2', [secretariatReviewer]), as(drafter))
      .thenRefused(ReviewErrorCode.MENTION_NOT_PARTICIPANT, 'mentions');

    const [opened] = given(...inReview).when(openThread('t-1', line('l1'), [ownReviewer, coordinator, ownReviewer]), as(drafter)).accepted();
    expect(opened).toMatchObject({ type: 'ThreadOpened', data: { mentions: ['coord', 'rev-ken'] } });
  });
});

describe('open threads block approval', () => {
  const withThread = [...inReview, threadOpened('t-1', line('l1'), ownReviewer, '1a')];

  it('of the line, of its category and of the inventory, naming the threads', () => {
    const onLine = given(...withThread).when(approve(line('l1')), as(ownReviewer)).thenRefused(ReviewErrorCode.UNRESOLVED_THREADS, 'threads');
    expect(onLine.details).toEqual({ threadIds: ['t-1'] });
    const onCategory = given(...withThread).when(approve(category('1a')), as(ownReviewer)).thenRefused(ReviewErrorCode.UNRESOLVED_THREADS);
    expect(onCategory.details).toEqual({ threadIds: ['t-1'] });
    const onInventory = given(...withThread, subjectApproved(category('1a')), subjectApproved(line('l2')))
      .when(approveInventory, as(ownReviewer))
      .thenRefused(ReviewErrorCode.UNRESOLVED_THREADS);
    expect(onInventory.details).toEqual({ threadIds: ['t-1'] });
  });

  it('but not of another line or category', () => {
    given(...withThread).when(approve(line('l3')), as(ownReviewer)).then(subjectApproved(line('l3')));
    given(...withThread).when(approve(category('2a')), as(ownReviewer)).then(subjectApproved(category('2a')));
  });

  it('a thread on the inventory blocks only the inventory\'s approval', () => {
    const history = [...inReview, threadOpened('t-9', { kind: 'inventory' }, ownReviewer, null)];
    given(...history).when(approve(category('1a')), as(ownReviewer)).then(subjectApproved(category('1a')));
    const error = given(...history, subjectApproved(category('1a')), subjectApproved(line('l2')))
      .when(approveInventory, as(ownReviewer))
      .thenRefused(ReviewErrorCode.UNRESOLVED_THREADS);
    expect(error.details).toEqual({ threadIds: ['t-9'] });
  });

  it('once resolved, the approvals go through', () => {
    const resolved = [...withThread, threadResolved('t-1')];
    given(...resolved).when(approve(line('l1')), as(ownReviewer)).then(subjectApproved(line('l1')));
    given(...resolved).when(approve(category('1a')), as(ownReviewer)).then(subjectApproved(category('1a')));
    given(...resolved, subjectApproved(category('1a')), subjectApproved(line('l2')))
      .when(approveInventory, as(ownReviewer))
      .then(inventoryApproved());
  });
});

describe('approving', () => {
  it('refuses a line or category the inventory or edition does not have', () => {
    given(...inReview).when(approve(line('l9')), as(ownReviewer)).thenRefused(ReviewErrorCode.SUBJECT_NOT_FOUND, 'subject.lineId');
    given(...inReview).when(approve(category('7x')), as(ownReviewer)).thenRefused(ReviewErrorCode.SUBJECT_NOT_FOUND, 'subject.categoryCode');
  });

  it('the inventory needs every line approved, naming those that are not', () => {
    const error = given(...inReview, subjectApproved(line('l1')))
      .when(approveInventory, as(ownReviewer))
      .thenRefused(ReviewErrorCode.NOT_ALL_APPROVED, 'inventoryId');
    expect(error.details).toEqual({ lineIds: ['l2', 'l3'] });
  });

  it('a category\'s approval covers its lines', () => {
    given(...inReview, subjectApproved(category('1a')), subjectApproved(category('2a')))
      .when(approveInventory, as(ownReviewer))
      .then(inventoryApproved());
  });

  it('an approval the inventory has moved away from does not count, even before it lapses: it must be given again', () => {
    const error = given(...inReview, subjectApproved(category('1a')), subjectApproved(line('l2')))
      .when(approveInventory, as(ownReviewer), { inventory: revised(openedInventory(), 'l3') })
      .thenRefused(ReviewErrorCode.APPROVAL_LAPSED, 'inventoryId');
    expect(error.details).toEqual({ lapsed: [{ subject: { kind: 'category', categoryCode: '1a' }, why: 'Line l3 was revised (revision 1 -> 2)' }] });
  });

  it('a lapsed line approval is moot once its category is approved as it stands: the inventory is approved and submitted', () => {
    const moved = revised(openedInventory(), 'l1');
    const history = [
      ...inReview,
      subjectApproved(line('l1')),
      approvalLapsed(line('l1'), 'Line l1 was revised (revision 1 -> 2)'),
      subjectApproved(category('1a'), moved),
      subjectApproved(line('l2'), moved),
    ];
    given(...history).when(approveInventory, as(ownReviewer), { inventory: moved }).then(inventoryApproved(moved));
    const submitted = given(...history, inventoryApproved(moved))
      .when(submit('KEN-2024-s1'), as(coordinator), { inventory: moved, frozen: frozen(moved, 1, HASH_1) })
      .accepted();
    expect(submitted.map((e) => e.type)).toEqual(['SubmittedToSecretariat']);
  });

  it('refuses to approve again what is approved as it stands', () => {
    given(...inReview, subjectApproved(line('l1'))).when(approve(line('l1')), as(ownReviewer)).thenRefused(ReviewErrorCode.ALREADY_APPROVED, 'subject');
    given(...inReview, reviewerAssigned(secretariatReviewer), subjectApproved(category('1a')))
      .when(approve(category('1a')), as(secretariatReviewer))
      .thenRefused(ReviewErrorCode.ALREADY_APPROVED, 'subject');
  });
});

describe('approvals lapse when what was approved changes', () => {
  const lineApproved = [...inReview, subjectApproved(line('l1'))];
  const l1Revised = revised(openedInventory(), 'l1', { activityRate: 1250 });

  it('a revised line: the lapse says which revision it moved from and to', () => {
    const state = given(...lineApproved)
      .when(lapseApprovals, systemActor, { inventory: l1Revised })
      .then(
        reviewEvent('ApprovalLapsed', { ...ids, subject: { kind: 'line', lineId: 'l1' }, approvedBy: 'rev-ken', why: 'Line l1 was revised (revision 1 -> 2)', at: AT }),
      );
    expect(state.approvals['line:l1']?.lapsed).toEqual({ why: 'Line l1 was revised (revision 1 -> 2)', at: AT });
  });

  it('lapses once: running it again records nothing', () => {
    given(...lineApproved, approvalLapsed(line('l1'), 'Line l1 was revised (revision 1 -> 2)'))
      .when(lapseApprovals, systemActor, { inventory: l1Revised })
      .then();
    given(...lineApproved).when(lapseApprovals, systemActor).then();
  });

  it('a class-wide factor coming into force lapses the lines of that class only', () => {
    given(...lineApproved, subjectApproved(line('l2')))
      .when(lapseApprovals, systemActor, { inventory: withOverride(openedInventory(), classOverride('ov-ken-1a1', '1a1')) })
      .then(approvalLapsed(line('l1'), 'Country-specific factor ov-ken-1a1 came into force'));
  });

  it('an edition switch lapses every approval, naming both editions', () => {
    const why = 'The inventory moved from edition toolkit-2013 to toolkit-2025';
    given(...lineApproved, subjectApproved(category('2a')))
      .when(lapseApprovals, systemActor, { inventory: { ...openedInventory(), editionId: 'toolkit-2025' } })
      .then(approvalLapsed(line('l1'), why), approvalLapsed(category('2a'), why));
  });

  it('the inventory\'s approval lapsing puts the inventory back in review', () => {
    const inventory = revised(openedInventory(), 'l2');
    const why = 'Line l2 was revised (revision 1 -> 2)';
    const state = given(...approved)
      .when(lapseApprovals, systemActor, { inventory })
      .then(approvalLapsed(line('l2'), why), approvalLapsed({ kind: 'inventory' }, why));
    expect(state.status).toBe('in_review');
    expect(state.inventoryApproval?.lapsed).toEqual({ why, at: AT });
    expect(state.approvals['category:1a']?.lapsed).toBeNull();

    // A reviewer approves the changed line again, then the inventory.
    const reapproved = play([...approved, approvalLapsed(line('l2'), why), approvalLapsed({ kind: 'inventory' }, why)], approve(line('l2')), as(ownReviewer), {
      inventory,
    });
    const after = given(...reapproved).when(approveInventory, as(ownReviewer), { inventory }).then(inventoryApproved(inventory));
    expect(after.status).toBe('approved');
  });

  it('a lapsed approval may be given again, on the line as it stands now', () => {
    given(...lineApproved, approvalLapsed(line('l1'), 'Line l1 was revised (revision 1 -> 2)'))
      .when(approve(line('l1')), as(ownReviewer), { inventory: l1Revised })
      .then(
        reviewEvent('SubjectApproved', {
          ...ids,
          subject: { kind: 'line', lineId: 'l1' },
          basis: { editionId: 'toolkit-2013', lines: { l1: 2 }, overrideIds: [], overrideFactors: {}, notOccurring: [] },
          by: 'rev-ken',
          at: AT,
        }),
      );
    // Also when the change is not recorded as a lapse yet.
    given(...lineApproved).when(approve(line('l1')), as(ownReviewer), { inventory: l1Revised }).then(subjectApproved(line('l1'), l1Revised));
  });

  it('a submission checks the approvals against the inventory now, not only the lapses recorded', () => {
    const inventory = revised(openedInventory(), 'l3');
    const error = given(...approved)
      .when(submit('KEN-2024-s1'), as(coordinator), { inventory, frozen: frozen(inventory, 1, HASH_1) })
      .thenRefused(ReviewErrorCode.APPROVAL_LAPSED, 'inventoryId');
    expect(error.details).toEqual({
      lapsed: [
        { subject: { kind: 'category', categoryCode: '1a' }, why: 'Line l3 was revised (revision 1 -> 2)' },
        { subject: { kind: 'inventory' }, why: 'Line l3 was revised (revision 1 -> 2)' },
      ],
    });
  });
});

describe('the QA/QC gate', () => {
  const blockerOnly: QaqcFinding[] = [unitBlocker];
  const firstFrozen = frozen(openedInventory(), 1, HASH_1);

  it('a blocker stops a request for review and a submission, listing the blockers', () => {
    const onRequest = given()
      .when(requestReview([ownReviewer], [{ findingId: unitBlocker.findingId, comment: 'We know' }]), as(coordinator), { findings: [unitBlocker, jumpWarning] })
      .thenRefused(ReviewErrorCode.QAQC_BLOCKED, 'inventoryId');
    expect(onRequest.details).toEqual({ findings: [unitBlocker] });
    expect(onRequest.message).toContain('unit "kWh" does not convert');

    const onSubmit = given(...approved)
      .when(submit('KEN-2024-s1'), as(coordinator), { findings: blockerOnly, frozen: firstFrozen })
      .thenRefused(ReviewErrorCode.QAQC_BLOCKED, 'inventoryId');
    expect(onSubmit.details).toEqual({ findings: [unitBlocker] });
  });

  it('a warning needs a comment', () => {
    const error = given().when(requestReview([ownReviewer]), as(coordinator), { findings: [jumpWarning] }).thenRefused(ReviewErrorCode.QAQC_COMMENT_REQUIRED, 'acknowledgements');
    expect(error.details).toEqual({ findings: [jumpWarning] });
    given(...approved)
      .when(submit('KEN-2024-s1'), as(coordinator), { findings: [jumpWarning], frozen: firstFrozen })
      .thenRefused(ReviewErrorCode.QAQC_COMMENT_REQUIRED, 'acknowledgements');
  });

  it('a blank comment does not count', () => {
    given()
      .when(requestReview([ownReviewer], [{ findingId: jumpWarning.findingId, comment: '  \n ' }]), as(coordinator), { findings: [jumpWarning] })
      .thenRefused(ReviewErrorCode.QAQC_COMMENT_REQUIRED, 'acknowledgements');
  });

  it('with a comment the warning passes; the request keeps the findings and the trimmed comment, and drops comments on findings gone', () => {
    const acknowledgements = [
      { findingId: jumpWarning.findingId, comment: '  A new cement kiln opened in 2023  ' },
      { findingId: 'ND_CELLS:line:l7', comment: 'Old finding' },
    ];
    given()
      .when(requestReview([ownReviewer], acknowledgements), as(coordinator), { findings: [jumpWarning] })
      .then(
        reviewRequested({ findings: [jumpWarning], acknowledgements: [{ findingId: 'TOTAL_JUMP:inventory', comment: 'A new cement kiln opened in 2023' }] }),
        reviewerAssigned(ownReviewer),
      );
  });

  it('a submission carries the comments given on warnings', () => {
    const acknowledgement = { findingId: jumpWarning.findingId, comment: 'A new cement kiln opened in 2023' };
    given(...approved)
      .when(submit('KEN-2024-s1', [acknowledgement]), as(coordinator), { findings: [jumpWarning], frozen: firstFrozen })
      .then(submittedEvent({}, openedInventory(), [acknowledgement]));
  });
});

describe('resubmission deadline', () => {
  const deadline = new Date(NOW.getTime() - DAY);
  const firstFrozen = frozen(openedInventory(), 1, HASH_1);
  /** Submitted once, reopened, reviewed and approved again: ready for a second submission. */
  function approvedAgain(): ReviewEvent[] {
    let history = play(approved, submit('KEN-2024-s1'), as(coordinator), { frozen: firstFrozen });
    history = play(history, reopenSubmission('l2 was double counted'), as(coordinator));
    history = play(history, requestReview([]), as(coordinator));
    history = play(history, approve(category('1a')), as(ownReviewer));
    history = play(history, approve(line('l2')), as(ownReviewer));
    return play(history, approveInventory, as(ownReviewer));
  }

  it('refuses to supersede a submission after the deadline', () => {
    const error = given(...approvedAgain())
      .when(submit('KEN-2024-s2'), as(coordinator), { frozen: frozen(openedInventory(), 2, HASH_2), resubmissionDeadline: deadline })
      .thenRefused(ReviewErrorCode.DEADLINE_PASSED, 'submissionId');
    expect(error.message).toContain('KEN-2024-s1');
  });

  it('before the deadline, the new submission supersedes the one in force', () => {
    const [event] = given(...approvedAgain())
      .when(submit('KEN-2024-s2'), as(coordinator), { frozen: frozen(openedInventory(), 2, HASH_2), resubmissionDeadline: new Date(NOW.getTime() + DAY) })
      .accepted();
    expect(event).toMatchObject({ type: 'SubmittedToSecretariat', data: { receipt: { submissionId: 'KEN-2024-s2', revision: 2, supersedes: 'KEN-2024-s1', contentHash: HASH_2 } } });
  });

  it('does not hold back a first submission', () => {
    given(...approved)
      .when(submit('KEN-2024-s1'), as(coordinator), { frozen: firstFrozen, resubmissionDeadline: deadline })
      .then(submittedEvent({}));
  });

  it('a submission without its frozen snapshot is a programming error, not a refusal', () => {
    expect(() => decide(submit('KEN-2024-s1'), replayReview(INVENTORY_ID, PARTY, approved), reviewContext(as(coordinator)))).toThrow('a submission needs its frozen snapshot');
  });
});

describe('who reviews and who hears: team members, unassigned reviewers', () => {
  const drafterReviewer: ReviewPerson = { ...drafter, accountId: 'drafter-rev', roles: ['drafter', 'reviewer'] };
  const unassigned = reviewEvent('ReviewerUnassigned', { ...ids, accountId: secretariatReviewer.accountId, unassignedBy: 'coord' });

  it('a member of the Party\'s drafting team is not assigned as reviewer, even holding the reviewer role', () => {
    const error = given().when(requestReview([drafterReviewer]), as(coordinator)).thenRefused(ReviewErrorCode.REVIEWER_NOT_ELIGIBLE, 'reviewers');
    expect(error.details).toEqual({ accountId: 'drafter-rev' });
    given(...inReview).when({ type: 'AssignReviewer', reviewer: drafterReviewer }, as(coordinator)).thenRefused(ReviewErrorCode.REVIEWER_NOT_ELIGIBLE, 'reviewers');
  });

  it('a drafter of another Party may review', () => {
    const ecuExpert: ReviewPerson = { ...ecuDrafter, roles: ['drafter', 'toolkit_expert'] };
    given().when(requestReview([ecuExpert]), as(coordinator)).then(reviewRequested(), reviewerAssigned(ecuExpert));
  });

  it('a reviewer who has since joined the drafting team no longer approves', () => {
    const joined: ReviewPerson = { ...ownReviewer, roles: ['reviewer', 'drafter'] };
    given(...inReview).when(approve(line('l2')), as(joined)).thenRefused(ReviewErrorCode.FORBIDDEN);
  });

  it('an unassigned reviewer neither resolves a thread they opened nor hears of replies to it', () => {
    const history = [...inReview, reviewerAssigned(secretariatReviewer), threadOpened('t1', line('l2'), secretariatReviewer, '2a'), unassigned];
    given(...history).when(resolve('t1'), as(secretariatReviewer)).thenRefused(ReviewErrorCode.FORBIDDEN);
    const [replied] = given(...history).when(reply('t1', 'c2'), as(drafter)).accepted();
    expect(replied).toMatchObject({ type: 'ThreadReplied', data: { participants: [] } });
  });

  it('a reviewer assigned again hears of replies again', () => {
    const history = [...inReview, reviewerAssigned(secretariatReviewer), threadOpened('t1', line('l2'), secretariatReviewer, '2a'), unassigned, reviewerAssigned(secretariatReviewer)];
    const [replied] = given(...history).when(reply('t1', 'c2'), as(drafter)).accepted();
    expect(replied).toMatchObject({ data: { participants: ['rev-sec'] } });
  });
});

describe('receipt ids and text that cannot be stored', () => {
  it('a submission without an id gets <inventory>-r<revision>', () => {
    const [event] = given(...approved)
      .when({ type: 'SubmitToSecretariat', submissionId: null, acknowledgements: [] }, as(coordinator), { frozen: frozen(openedInventory(), 1, HASH_1) })
      .accepted();
    expect(event).toMatchObject({ data: { receipt: { submissionId: 'KEN-2024-r1' } } });
  });

  it.each(['ECU-2024-r1', 'KEN-2024', 'KEN-2024-has space', `KEN-2024-${'x'.repeat(120)}`])('refuses the receipt id %s: it must start with the inventory id', (submissionId) => {
    given(...approved).when(submit(submissionId), as(coordinator), { frozen: frozen(openedInventory(), 1, HASH_1) }).thenRefused(ReviewErrorCode.INVALID_INPUT, 'submissionId');
  });

  it.each([
    ['a NUL character', 'looks fine\u0000'],
    ['a lone high surrogate', 'broken \uD83D here'],
    ['a lone low surrogate', '\uDE00 broken'],
  ])('refuses a comment holding %s, naming the field', (_, text) => {
    const command: ReviewCommand = { type: 'OpenThread', threadId: 't9', commentId: 'c9', subject: { kind: 'inventory' }, text, mentions: [] };
    given(...inReview).when(command, as(ownReviewer)).thenRefused(ReviewErrorCode.INVALID_INPUT, 'text');
  });

  it('keeps a well-formed emoji (a surrogate pair)', () => {
    const command: ReviewCommand = { type: 'OpenThread', threadId: 't9', commentId: 'c9', subject: { kind: 'inventory' }, text: 'Kiln 🔥 data?', mentions: [] };
    const [event] = given(...inReview).when(command, as(ownReviewer)).accepted();
    expect(event).toMatchObject({ data: { text: 'Kiln 🔥 data?' } });
  });

  it('refuses a QA/QC comment with a NUL character on the acknowledgements field', () => {
    given(...approved)
      .when(submit('KEN-2024-s1', [{ findingId: jumpWarning.findingId, comment: 'ok\u0000' }]), as(coordinator), { findings: [jumpWarning], frozen: frozen(openedInventory(), 1, HASH_1) })
      .thenRefused(ReviewErrorCode.INVALID_INPUT, 'acknowledgements');
  });
});

describe('reopening after the deadline', () => {
  it('refuses to open a revision that could never supersede the submission in force', () => {
    const submitted = play(approved, submit('KEN-2024-s1'), as(coordinator), { frozen: frozen(openedInventory(), 1, HASH_1) });
    given(...submitted).when(reopenSubmission('late correction'), as(coordinator), { resubmissionDeadline: new Date(NOW.getTime() - DAY) }).thenRefused(ReviewErrorCode.DEADLINE_PASSED, 'reason');
    given(...submitted).when(reopenSubmission('correction'), as(coordinator), { resubmissionDeadline: new Date(NOW.getTime() + DAY) }).accepted();
  });
});

describe('after approval', () => {
  it('a thread opened after the inventory was approved holds back its submission until resolved', () => {
    const withQuestion = [...approved, threadOpened('late', line('l2'), ownReviewer, '2a')];
    const error = given(...withQuestion).when(submit('KEN-2024-s1'), as(coordinator), { frozen: frozen(openedInventory(), 1, HASH_1) }).thenRefused(ReviewErrorCode.UNRESOLVED_THREADS, 'threads');
    expect(error.details).toEqual({ threadIds: ['late'] });
    given(...withQuestion, threadResolved('late')).when(submit('KEN-2024-s1'), as(coordinator), { frozen: frozen(openedInventory(), 1, HASH_1) }).accepted();
  });

  it('changes requested on an approved inventory withdraw the approval of the whole', () => {
    const state = given(...approved).when({ type: 'RequestChanges', summary: 'Recheck 2a' }, as(ownReviewer)).accepted();
    expect(replayReview(INVENTORY_ID, PARTY, [...approved, ...state])).toMatchObject({ status: 'changes_requested', inventoryApproval: null });
  });
});
