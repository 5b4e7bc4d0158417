import type { ReviewEvent } from '../domain/review.events';
import type { ReviewState } from '../domain/review.state';
import { subjectKey, type ReviewSubject } from '../domain/review.types';

/** One in-app notification: who is told, of what, by whom. */
export interface Notification {
  recipient: string;
  kind: 'assigned' | 'mentioned' | 'replied' | 'changes_requested' | 'approval_lapsed' | 'review_requested' | 'submitted' | 'question_to_release' | 'question_released' | 'resolution_to_confirm' | 'lead_reviewer';
  message: string;
  threadId: string | null;
}

/**
 * Who an event concerns, besides its author: reviewers when assigned, people mentioned, others in
 * a thread when someone replies, the coordinator when changes are requested, the approver when an
 * approval lapses, every reviewer when review is asked for again. Pure.
 */
export function notificationsOf(event: ReviewEvent, actor: string, before: ReviewState): Notification[] {
  const id = event.data.inventoryId;
  const notes: Notification[] = [];
  switch (event.type) {
    case 'ReviewerAssigned':
      notes.push({ recipient: event.data.reviewer.accountId, kind: 'assigned', message: `You are assigned to review inventory ${id}.`, threadId: null });
      break;
    case 'ReviewRequested':
      for (const reviewer of Object.keys(before.reviewers)) {
        notes.push({ recipient: reviewer, kind: 'review_requested', message: `Inventory ${id} is submitted for review (round ${event.data.round}).`, threadId: null });
      }
      break;
    case 'LeadReviewerSet':
      if (event.data.accountId) notes.push({ recipient: event.data.accountId, kind: 'lead_reviewer', message: `You are the lead reviewer of inventory ${id}.`, threadId: null });
      break;
    case 'ThreadReleased':
      for (const recipient of event.data.notify) {
        notes.push({ recipient, kind: 'question_released', message: `A reviewer's question on ${id} awaits your answer.`, threadId: event.data.threadId });
      }
      break;
    case 'ThreadResolutionProposed':
      notes.push({ recipient: event.data.lead, kind: 'resolution_to_confirm', message: `Closing a thread on ${id} awaits your confirmation${event.data.note ? `: ${excerpt(event.data.note)}` : '.'}`, threadId: event.data.threadId });
      break;
    case 'ThreadOpened':
      if (event.data.awaitingLead && before.leadReviewer) {
        notes.push({ recipient: before.leadReviewer, kind: 'question_to_release', message: `A question on ${describe(event.data.subject)} of ${id} awaits your release: ${excerpt(event.data.text)}`, threadId: event.data.threadId });
      }
      for (const recipient of event.data.mentions) {
        notes.push({ recipient, kind: 'mentioned', message: `Mentioned on ${describe(event.data.subject)} of ${id}: ${excerpt(event.data.text)}`, threadId: event.data.threadId });
      }
      break;
    case 'ThreadReplied': {
      for (const recipient of event.data.mentions) {
        notes.push({ recipient, kind: 'mentioned', message: `Mentioned in a reply on ${id}: ${excerpt(event.data.text)}`, threadId: event.data.threadId });
      }
      for (const recipient of event.data.participants.filter((p) => !event.data.mentions.includes(p))) {
        notes.push({ recipient, kind: 'replied', message: `New reply in a thread on ${id}: ${excerpt(event.data.text)}`, threadId: event.data.threadId });
      }
      break;
    }
    case 'ChangesRequested':
      if (event.data.requesterOfReview) {
        notes.push({ recipient: event.data.requesterOfReview, kind: 'changes_requested', message: `Changes requested on ${id}: ${excerpt(event.data.summary)}`, threadId: null });
      }
      break;
    case 'ApprovalLapsed':
      notes.push({ recipient: event.data.approvedBy, kind: 'approval_lapsed', message: `Your approval of ${describe(event.data.subject)} of ${id} lapsed: ${event.data.why}`, threadId: null });
      break;
    case 'SubmittedToSecretariat':
      for (const reviewer of Object.keys(before.reviewers)) {
        notes.push({ recipient: reviewer, kind: 'submitted', message: `Inventory ${id} was submitted to the Secretariat (receipt ${event.data.receipt.submissionId}).`, threadId: null });
      }
      break;
    case 'ReviewerUnassigned':
    case 'ThreadResolved':
    case 'ThreadReopened':
    case 'SubjectApproved':
    case 'InventoryApproved':
    case 'SubmissionReopened':
      break;
    default: {
      const unhandled: never = event;
      return unhandled;
    }
  }
  // Nobody is told of what they did themselves.
  return notes.filter((n) => n.recipient !== actor);
}

function describe(subject: ReviewSubject): string {
  return subject.kind === 'inventory' ? 'the inventory' : subjectKey(subject).replace(':', ' ');
}

function excerpt(text: string): string {
  return text.length > 140 ? `${text.slice(0, 139)}…` : text;
}
