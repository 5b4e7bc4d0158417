import type { PoolClient } from 'pg';
import type { MembershipEvent } from '../domain/membership.events';
import type { MembershipState } from '../domain/membership.state';

/**
 * Keeps identity_members in step with the membership stream inside the append's own
 * transaction: a login right after an invitation is accepted sees the new roles.
 */
export async function projectMembers(tx: PoolClient, organisation: string, events: readonly MembershipEvent[], after: MembershipState): Promise<void> {
  const touched = new Set<string>();
  for (const event of events) {
    if ('accountId' in event.data) touched.add(event.data.accountId);
    if (event.type === 'CoordinatorRoleHandedOver') {
      touched.add(event.data.fromAccountId);
      touched.add(event.data.toAccountId);
    }
  }
  for (const accountId of touched) {
    const member = after.members[accountId];
    if (!member) continue;
    await tx.query(
      `INSERT INTO identity_members (account_id, organisation, email, display_name, roles, updated_at)
       VALUES ($1, $2, $3, $4, $5, now())
       ON CONFLICT (account_id) DO UPDATE SET roles = EXCLUDED.roles, display_name = EXCLUDED.display_name, updated_at = now()`,
      [accountId, organisation, member.email, member.displayName, member.roles],
    );
  }
}
