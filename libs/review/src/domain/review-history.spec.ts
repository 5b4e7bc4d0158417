import { AT, INVENTORY_ID, PARTY, approvalLapsed, coordinator, line, ownReviewer, reviewRequested, reviewerAssigned, secretariatReviewer, threadOpened } from '../testing/review.fixtures';
import { reviewHistoryEntry, threadsNeverReleased } from './review-history';
import { type ReviewEvent, reviewEvent } from './review.events';

const ids = { inventoryId: INVENTORY_ID, party: PARTY };
const names = new Map([
  ['coord', 'Wanjiru Kamau'],
  ['rev-ken', 'Achieng Njeri'],
]);
const held = (threadId: string): ReviewEvent => {
  const opened = threadOpened(threadId, line('l2'), secretariatReviewer, '2a');
  return { ...opened, data: { ...opened.data, awaitingLead: true } };
};

describe('the review timeline', () => {
  it('says who did what and why, with names where known and account ids otherwise', () => {
    expect(reviewHistoryEntry(reviewRequested({ note: 'First draft' }), { actor: 'coord', names, at: new Date(AT), version: 1 })).toEqual({
      version: 1,
      at: AT,
      actor: 'Wanjiru Kamau',
      type: 'ReviewRequested',
      subject: null,
      threadId: null,
      what: 'Asked for review (revision 1, round 1); QA/QC: no findings',
      why: 'First draft',
    });
    expect(reviewHistoryEntry(reviewerAssigned(secretariatReviewer), { actor: 'someone-unknown', names, at: AT, version: 2 })).toMatchObject({
      actor: 'someone-unknown',
      what: 'Assigned Marie Dupont (SECRETARIAT) as reviewer',
    });
  });

  it('tells a lapse as the platform\'s doing, naming the approver and why', () => {
    const lapse = approvalLapsed(line('l1'), 'Line l1 was revised (revision 1 -> 2)', ownReviewer);
    expect(reviewHistoryEntry(lapse, { actor: 'system:approval-lapse', names, at: AT, version: 7 })).toMatchObject({
      actor: 'the platform (approval-lapse)',
      subject: { kind: 'line', lineId: 'l1' },
      what: 'The approval of line l1 by Achieng Njeri lapsed',
      why: 'Line l1 was revised (revision 1 -> 2)',
    });
  });

  it('names the receipt and what it supersedes', () => {
    const receipt = { submissionId: 'KEN-2024-r2', inventoryId: INVENTORY_ID, party: PARTY, referenceYear: 2024, revision: 2, submittedAt: AT, submittedBy: coordinator.accountId, contentHash: 'ab'.repeat(32), supersedes: 'KEN-2024-r1' };
    const submitted = reviewEvent('SubmittedToSecretariat', { ...ids, receipt, snapshot: {} as never, acknowledgements: [] });
    expect(reviewHistoryEntry(submitted, { actor: 'coord', at: AT, version: 9 }).what).toBe('Submitted to the Secretariat: receipt KEN-2024-r2, sha256 abababababab…, superseding KEN-2024-r1');
  });

  it('keeps held questions that were never let through out of the Party\'s timeline, and shows them once released', () => {
    const released = reviewEvent('ThreadReleased', { ...ids, threadId: 'q1', by: 'rev-ken', at: AT, notify: ['coord'] });
    const dropped = reviewEvent('ThreadResolved', { ...ids, threadId: 'q2', by: 'rev-ken', note: 'not needed', at: AT });
    expect([...threadsNeverReleased([held('q1'), held('q2'), released, dropped])]).toEqual(['q2']);
    expect([...threadsNeverReleased([threadOpened('t1', line('l1'))])]).toEqual([]);
  });
});
