import { notificationsOf } from '../persistence/notifications-of';
import {
  AT,
  INVENTORY_ID,
  PARTY,
  actor,
  category,
  coordinator,
  drafter,
  line,
  ownReviewer,
  reviewContext,
  reviewRequested,
  reviewerAssigned,
  secretariatReviewer,
  threadOpened,
} from '../testing/review.fixtures';
import { decide } from './decide';
import type { ReviewActor, ReviewCommand } from './review.commands';
import { reviewSeenBy } from './review-access';
import { ReviewErrorCode } from './review.errors';
import { type LeadReviewerSet, type ReviewEvent, type ThreadOpened, reviewEvent } from './review.events';
import { openThreads, replayReview } from './review.state';

/** EEA's review pattern: the lead reviewer lets the other reviewers' questions through to the Party, and confirms closing threads. */
const ids = { inventoryId: INVENTORY_ID, party: PARTY };
const lead = ownReviewer;
const expert = secretariatReviewer;
const leadSet = (accountId: string | null): LeadReviewerSet => reviewEvent<LeadReviewerSet>('LeadReviewerSet', { ...ids, accountId, setBy: coordinator.accountId });
const withLead: ReviewEvent[] = [reviewRequested(), reviewerAssigned(lead), reviewerAssigned(expert), leadSet(lead.accountId)];
const heldQuestion = (threadId = 'q1'): ThreadOpened => ({ ...threadOpened(threadId, line('l2'), expert, '2a'), data: { ...threadOpened(threadId, line('l2'), expert, '2a').data, awaitingLead: true } });

function run(history: ReviewEvent[], command: ReviewCommand, who: ReviewActor) {
  return decide(command, replayReview(INVENTORY_ID, PARTY, history), reviewContext(who));
}
function events(history: ReviewEvent[], command: ReviewCommand, who: ReviewActor): ReviewEvent[] {
  const decision = run(history, command, who);
  if (!decision.ok) throw new Error(`refused: ${decision.error.code} ${decision.error.message}`);
  return decision.events;
}
function refusal(history: ReviewEvent[], command: ReviewCommand, who: ReviewActor) {
  const decision = run(history, command, who);
  if (decision.ok) throw new Error(`accepted: ${decision.events.map((e) => e.type).join(', ')}`);
  return { code: decision.error.code, field: decision.error.field };
}
const open = (threadId: string, mentions = [] as (typeof drafter)[]): ReviewCommand => ({ type: 'OpenThread', threadId, commentId: `${threadId}-c1`, subject: line('l2'), text: 'Is 1000 t right?', mentions });
const release = (threadId: string): ReviewCommand => ({ type: 'ReleaseThread', threadId });
const resolve = (threadId: string): ReviewCommand => ({ type: 'ResolveThread', threadId, note: 'Answered' });

describe('naming the lead reviewer', () => {
  const assigned = [reviewRequested(), reviewerAssigned(lead), reviewerAssigned(expert)];

  it('the coordinator names an assigned reviewer; naming them again changes nothing', () => {
    expect(events(assigned, { type: 'SetLeadReviewer', accountId: lead.accountId }, actor(coordinator))).toEqual([leadSet(lead.accountId)]);
    expect(events(withLead, { type: 'SetLeadReviewer', accountId: lead.accountId }, actor(coordinator))).toEqual([]);
  });

  it('refuses someone not assigned, and anyone but the coordinator', () => {
    expect(refusal(assigned, { type: 'SetLeadReviewer', accountId: 'nobody' }, actor(coordinator))).toEqual({ code: ReviewErrorCode.REVIEWER_NOT_ASSIGNED, field: 'accountId' });
    expect(refusal(assigned, { type: 'SetLeadReviewer', accountId: lead.accountId }, actor(lead)).code).toBe(ReviewErrorCode.FORBIDDEN);
  });

  it('unassigning the lead leaves the review without one', () => {
    const state = replayReview(INVENTORY_ID, PARTY, [...withLead, reviewEvent('ReviewerUnassigned', { ...ids, accountId: lead.accountId, unassignedBy: 'coord' })]);
    expect(state.leadReviewer).toBeNull();
  });
});

describe('a reviewer\'s question waits for the lead', () => {
  it('is held when another reviewer opens it, and goes straight to the Party when the lead does', () => {
    const [held] = events(withLead, open('q1'), actor(expert));
    expect(held).toMatchObject({ type: 'ThreadOpened', data: { awaitingLead: true, author: expert.accountId } });
    const [direct] = events(withLead, open('q2'), actor(lead));
    expect(direct.data).not.toHaveProperty('awaitingLead');
    const [fromTeam] = events(withLead, open('q3'), actor(drafter));
    expect(fromTeam.data).not.toHaveProperty('awaitingLead');
  });

  it('the Party does not see it, cannot reply to it, and cannot be mentioned in it yet', () => {
    const state = replayReview(INVENTORY_ID, PARTY, [...withLead, heldQuestion()]);
    expect(state.threads.q1.status).toBe('awaiting_lead');
    expect(Object.keys(reviewSeenBy(drafter, state).threads)).toEqual([]);
    expect(Object.keys(reviewSeenBy(expert, state).threads)).toEqual(['q1']);
    const reply: ReviewCommand = { type: 'ReplyToThread', threadId: 'q1', commentId: 'c2', text: 'Here', mentions: [] };
    expect(refusal([...withLead, heldQuestion()], reply, actor(drafter))).toEqual({ code: ReviewErrorCode.THREAD_NOT_FOUND, field: 'threadId' });
    expect(events([...withLead, heldQuestion()], reply, actor(lead))).toHaveLength(1);
    expect(refusal(withLead, open('q9', [drafter]), actor(expert))).toEqual({ code: ReviewErrorCode.MENTION_NOT_PARTICIPANT, field: 'mentions' });
  });

  it('blocks approval of what it is about like any open thread', () => {
    const state = replayReview(INVENTORY_ID, PARTY, [...withLead, heldQuestion()]);
    expect(openThreads(state).map((t) => t.threadId)).toEqual(['q1']);
    expect(refusal([...withLead, heldQuestion()], { type: 'Approve', subject: line('l2') }, actor(lead)).code).toBe(ReviewErrorCode.UNRESOLVED_THREADS);
    expect(refusal([...withLead, heldQuestion()], { type: 'Approve', subject: category('2a') }, actor(lead)).code).toBe(ReviewErrorCode.UNRESOLVED_THREADS);
  });

  it('only the lead lets it through, once; the coordinator who asked for review hears of it', () => {
    const history = [...withLead, heldQuestion()];
    const [released] = events(history, release('q1'), actor(lead));
    expect(released).toEqual(reviewEvent('ThreadReleased', { ...ids, threadId: 'q1', by: lead.accountId, at: AT, notify: ['coord'] }));
    expect(replayReview(INVENTORY_ID, PARTY, [...history, released]).threads.q1.status).toBe('open');
    expect(refusal(history, release('q1'), actor(expert)).code).toBe(ReviewErrorCode.FORBIDDEN);
    expect(refusal([...history, released], release('q1'), actor(lead))).toEqual({ code: ReviewErrorCode.THREAD_NOT_AWAITING_LEAD, field: 'threadId' });
    expect(notificationsOf(released, lead.accountId, replayReview(INVENTORY_ID, PARTY, history))).toEqual([
      { recipient: 'coord', kind: 'question_released', message: `A reviewer's question on ${INVENTORY_ID} awaits your answer.`, threadId: 'q1' },
    ]);
  });

  it('tells the lead a question awaits release', () => {
    const before = replayReview(INVENTORY_ID, PARTY, withLead);
    expect(notificationsOf(heldQuestion(), expert.accountId, before).map((n) => [n.recipient, n.kind])).toEqual([[lead.accountId, 'question_to_release']]);
  });

  it('its author may withdraw it, the lead may drop it; nobody else', () => {
    const history = [...withLead, heldQuestion()];
    expect(events(history, resolve('q1'), actor(expert))[0].type).toBe('ThreadResolved');
    expect(events(history, resolve('q1'), actor(lead))[0].type).toBe('ThreadResolved');
    const third = { ...secretariatReviewer, accountId: 'rev-3', organisation: 'ECU' };
    expect(refusal([...history, reviewerAssigned(third)], resolve('q1'), actor(third)).code).toBe(ReviewErrorCode.FORBIDDEN);
    expect(refusal(history, resolve('q1'), actor(drafter)).code).toBe(ReviewErrorCode.THREAD_NOT_FOUND);
  });

  it('without a lead (unassigned meanwhile), any assigned reviewer lets held questions through', () => {
    const history = [...withLead, heldQuestion(), reviewEvent('ReviewerUnassigned', { ...ids, accountId: lead.accountId, unassignedBy: 'coord' })];
    expect(events(history, release('q1'), actor(expert))[0].type).toBe('ThreadReleased');
    const [next] = events(history, open('q2'), actor(expert));
    expect(next.data).not.toHaveProperty('awaitingLead');
  });
});

describe('closing needs the lead\'s confirmation', () => {
  const released = [...withLead, heldQuestion(), reviewEvent('ThreadReleased', { ...ids, threadId: 'q1', by: lead.accountId, at: AT, notify: ['coord'] })];

  it('anyone else proposes; the thread stays open (and blocking) until the lead confirms', () => {
    const [proposed] = events(released, resolve('q1'), actor(expert));
    expect(proposed).toEqual(reviewEvent('ThreadResolutionProposed', { ...ids, threadId: 'q1', by: expert.accountId, note: 'Answered', at: AT, lead: lead.accountId }));
    const state = replayReview(INVENTORY_ID, PARTY, [...released, proposed]);
    expect(state.threads.q1).toMatchObject({ status: 'open', proposedResolution: { by: expert.accountId, note: 'Answered' } });
    expect(openThreads(state)).toHaveLength(1);
    expect(notificationsOf(proposed, expert.accountId, state).map((n) => [n.recipient, n.kind])).toEqual([[lead.accountId, 'resolution_to_confirm']]);

    const [confirmed] = events([...released, proposed], resolve('q1'), actor(lead));
    expect(confirmed.type).toBe('ThreadResolved');
    const after = replayReview(INVENTORY_ID, PARTY, [...released, proposed, confirmed]);
    expect(after.threads.q1).toMatchObject({ status: 'resolved', proposedResolution: null, resolution: { by: lead.accountId } });
  });

  it('a thread the Party opened is closed by the lead too', () => {
    const history = [...withLead, threadOpened('t1', { kind: 'inventory' }, drafter)];
    expect(events(history, resolve('t1'), actor(drafter))[0].type).toBe('ThreadResolutionProposed');
    expect(events(history, resolve('t1'), actor(lead))[0].type).toBe('ThreadResolved');
  });
});

describe('a question never let through stays the reviewers\' own', () => {
  const dropped = reviewEvent('ThreadResolved', { ...ids, threadId: 'q1', by: lead.accountId, note: 'Not needed', at: AT });

  it('after the lead drops it (or its author withdraws it) the Party still does not see it, nor can reopen it', () => {
    const history = [...withLead, heldQuestion(), dropped];
    const state = replayReview(INVENTORY_ID, PARTY, history);
    expect(state.threads.q1).toMatchObject({ status: 'resolved', held: true });
    expect(Object.keys(reviewSeenBy(drafter, state).threads)).toEqual([]);
    expect(refusal(history, { type: 'ReopenThread', threadId: 'q1', reason: 'again' }, actor(drafter))).toEqual({ code: ReviewErrorCode.THREAD_NOT_FOUND, field: 'threadId' });
  });

  it('reopened by a reviewer, it waits for the lead again instead of reaching the Party', () => {
    const history = [...withLead, heldQuestion(), dropped];
    const [reopened] = events(history, { type: 'ReopenThread', threadId: 'q1', reason: 'Still unclear' }, actor(expert));
    const state = replayReview(INVENTORY_ID, PARTY, [...history, reopened]);
    expect(state.threads.q1.status).toBe('awaiting_lead');
    expect(Object.keys(reviewSeenBy(drafter, state).threads)).toEqual([]);
  });

  it('a held question cannot be reopened past the lead: only a resolved thread is reopened', () => {
    expect(refusal([...withLead, heldQuestion()], { type: 'ReopenThread', threadId: 'q1', reason: 'publish' }, actor(expert))).toEqual({
      code: ReviewErrorCode.THREAD_NOT_RESOLVED,
      field: 'threadId',
    });
  });

  it('once released it stays visible whatever happens next', () => {
    const released = reviewEvent('ThreadReleased', { ...ids, threadId: 'q1', by: lead.accountId, at: AT, notify: ['coord'] });
    const state = replayReview(INVENTORY_ID, PARTY, [...withLead, heldQuestion(), released, dropped]);
    expect(Object.keys(reviewSeenBy(drafter, state).threads)).toEqual(['q1']);
  });

  it('a reviewer who has since joined the Party\'s team neither sees held questions nor leads', () => {
    const joined = { ...lead, roles: ['reviewer', 'drafter'] };
    const state = replayReview(INVENTORY_ID, PARTY, [...withLead, heldQuestion()]);
    expect(Object.keys(reviewSeenBy(joined, state).threads)).toEqual([]);
    expect(refusal([...withLead, heldQuestion()], release('q1'), actor(joined)).code).toBe(ReviewErrorCode.FORBIDDEN);
  });

  it('clearing the lead with null lets any reviewer release what was held', () => {
    const history = [...withLead, heldQuestion(), leadSet(null)];
    expect(events(history, release('q1'), actor(expert))[0].type).toBe('ThreadReleased');
  });

  it('in a held question, a Secretariat officer may be mentioned, the Party may not', () => {
    const officer = { accountId: 'officer', organisation: 'SECRETARIAT', displayName: 'Officer', roles: ['secretariat_officer'] };
    const reply = (mentions: (typeof drafter)[]): ReviewCommand => ({ type: 'ReplyToThread', threadId: 'q1', commentId: 'c9', text: 'cc', mentions });
    expect(events([...withLead, heldQuestion()], reply([officer]), actor(lead))).toHaveLength(1);
    expect(refusal([...withLead, heldQuestion()], reply([drafter]), actor(lead)).code).toBe(ReviewErrorCode.MENTION_NOT_PARTICIPANT);
  });

  it('tells the named lead', () => {
    expect(notificationsOf(leadSet(lead.accountId), coordinator.accountId, replayReview(INVENTORY_ID, PARTY, withLead.slice(0, 3)))).toEqual([
      { recipient: lead.accountId, kind: 'lead_reviewer', message: `You are the lead reviewer of inventory ${INVENTORY_ID}.`, threadId: null },
    ]);
  });
});

