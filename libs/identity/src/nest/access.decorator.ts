import { SetMetadata } from '@nestjs/common';
import type { Role } from '../domain/roles';

export const ACCESS_RULE = 'upops:access-rule';

/**
 * Who may call an operation. Every query, mutation and subscription states one; an
 * operation without a rule is refused (and fails the guard snapshot test).
 * - `public`: anyone, signed in or not;
 * - `authenticated`: any signed-in person;
 * - `roles`: signed in and holding one of these roles. Party scope (own Party or the
 *   Secretariat) is then checked by the operation's handler on the data it touches.
 */
export type AccessRule = { kind: 'public' } | { kind: 'authenticated' } | { kind: 'roles'; roles: readonly Role[] };

export const Access = {
  public: () => SetMetadata(ACCESS_RULE, { kind: 'public' } satisfies AccessRule),
  authenticated: () => SetMetadata(ACCESS_RULE, { kind: 'authenticated' } satisfies AccessRule),
  roles: (...roles: Role[]) => SetMetadata(ACCESS_RULE, { kind: 'roles', roles } satisfies AccessRule),
};

export function describeAccessRule(rule: AccessRule | undefined): string {
  if (!rule) return 'NO RULE';
  switch (rule.kind) {
    case 'public':
      return 'public';
    case 'authenticated':
      return 'authenticated';
    case 'roles':
      return `roles: ${[...rule.roles].sort().join(', ')}`;
    default: {
      const unknown: never = rule;
      return String(unknown);
    }
  }
}
