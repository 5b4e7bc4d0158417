import type { ReviewActor, ReviewPerson } from './review.commands';
import type { ReviewState } from './review.state';

/**
 * Who may do what in review. The Party's team drafts and answers; its coordinator asks for review,
 * assigns reviewers and submits; only assigned reviewers (of any Party, or the Secretariat) see the
 * draft under review and approve; Secretariat officers read every review.
 */
export const SECRETARIAT_ORGANISATION = 'SECRETARIAT';
export const TEAM_ROLES = ['drafter', 'national_coordinator'] as const;
export const REVIEWER_ROLES = ['reviewer', 'toolkit_expert', 'secretariat_officer'] as const;
/** Every role that may hold a review task or read one: the api's coarse guard; the decider checks the rest. */
export const REVIEW_PARTICIPANT_ROLES = ['drafter', 'national_coordinator', 'observer', 'reviewer', 'toolkit_expert', 'secretariat_officer'] as const;

type Person = Pick<ReviewPerson, 'accountId' | 'organisation' | 'roles'>;

export function isTeamMember(person: Person, party: string): boolean {
  return person.organisation === party && person.roles.some((r) => (TEAM_ROLES as readonly string[]).includes(r));
}

export function isCoordinator(person: Person, party: string): boolean {
  return person.organisation === party && person.roles.includes('national_coordinator');
}

export function isAssignedReviewer(person: Person, state: Pick<ReviewState, 'reviewers'>): boolean {
  return state.reviewers[person.accountId] !== undefined;
}

export function readsEveryReview(person: Person): boolean {
  return person.organisation === SECRETARIAT_ORGANISATION && person.roles.includes('secretariat_officer');
}

/** May read the review and, through it, the inventory under review. */
export function canReadReview(person: Person, state: Pick<ReviewState, 'party' | 'reviewers'>): boolean {
  if (readsEveryReview(person) || isAssignedReviewer(person, state)) return true;
  return person.organisation === state.party && person.roles.some((r) => ['drafter', 'national_coordinator', 'observer'].includes(r));
}

/** May write in threads: the Party's team and the assigned reviewers. */
export function canDiscuss(person: Person, state: ReviewState): boolean {
  return isTeamMember(person, state.party) || isAssignedReviewer(person, state);
}

/** Held questions (awaiting the lead reviewer) are the reviewers' own until released: the Party does not see them. */
export function seesHeldQuestions(person: Person, state: Pick<ReviewState, 'reviewers' | 'party'>): boolean {
  return isActiveReviewer(person, state) || readsEveryReview(person);
}

/** An assigned reviewer who has not since joined the Party's drafting team (roles change after assignment). */
export function isActiveReviewer(person: Person, state: Pick<ReviewState, 'reviewers' | 'party'>): boolean {
  return isAssignedReviewer(person, state) && !isTeamMember(person, state.party);
}

/** The review as this person may see it: held questions removed for those who may not see them yet. */
export function reviewSeenBy(person: Person, state: ReviewState): ReviewState {
  if (seesHeldQuestions(person, state)) return state;
  const threads = Object.fromEntries(Object.entries(state.threads).filter(([, t]) => !t.held));
  return { ...state, threads };
}

export function isLeadReviewer(person: Person, state: Pick<ReviewState, 'leadReviewer' | 'reviewers' | 'party'>): boolean {
  return state.leadReviewer === person.accountId && isActiveReviewer(person, state);
}

export function isEligibleReviewer(person: Person): boolean {
  return person.roles.some((r) => (REVIEWER_ROLES as readonly string[]).includes(r));
}

export function personOf(actor: ReviewActor): Person | undefined {
  return actor.kind === 'person' ? actor : undefined;
}
