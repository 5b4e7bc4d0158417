import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isRole, type Role } from '../domain/roles';
import type { IdentityService } from './identity.service';

export interface DemoAccount {
  organisation: string;
  email: string;
  displayName: string;
  roles: Role[];
}

interface DemoFile {
  password: string;
  accounts: { organisation: string; email: string; displayName: string; roles: string[] }[];
}

/** The documented demo accounts (`data/demo-accounts.json`), for a new platform's first start. */
export function shippedDemoAccounts(): { password: string; accounts: DemoAccount[] } {
  const file = JSON.parse(readFileSync(join(__dirname, '..', '..', 'data', 'demo-accounts.json'), 'utf8')) as DemoFile;
  return { password: file.password, accounts: file.accounts.map((a) => ({ ...a, roles: a.roles.filter(isRole) })) };
}

/** Creates the demo accounts when the platform has no account yet; returns those created. */
export async function seedDemoAccounts(identity: IdentityService): Promise<DemoAccount[]> {
  if (await identity.hasAnyAccount()) return [];
  const { password, accounts } = shippedDemoAccounts();
  for (const account of accounts) {
    await identity.registerAccount({ ...account, password }, undefined, `seed-demo:${account.email}`);
  }
  return accounts;
}
