import { createHash, randomBytes } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { IdentityError } from '../domain/identity.errors';
import { type Actor, isRole, type Role } from '../domain/roles';

const ISSUER = 'upops';
const AUDIENCE = 'upops-api';

interface AccessClaims {
  org: string;
  roles: Role[];
}

/** Signed, short-lived access tokens (JWT, HS256); refresh tokens are opaque and stored hashed. */
export class TokenIssuer {
  constructor(
    private readonly secret: string,
    readonly accessTtlSeconds: number,
  ) {}

  issueAccess(actor: Actor, now: Date): { token: string; expiresAt: Date } {
    const nowSeconds = Math.floor(now.getTime() / 1000);
    const claims: AccessClaims & { iat: number; exp: number } = {
      org: actor.organisation,
      roles: [...actor.roles],
      iat: nowSeconds,
      exp: nowSeconds + this.accessTtlSeconds,
    };
    const token = jwt.sign(claims, this.secret, { algorithm: 'HS256', subject: actor.accountId, issuer: ISSUER, audience: AUDIENCE });
    return { token, expiresAt: new Date(claims.exp * 1000) };
  }

  verifyAccess(token: string): Actor {
    try {
      const payload = jwt.verify(token, this.secret, { algorithms: ['HS256'], issuer: ISSUER, audience: AUDIENCE }) as jwt.JwtPayload & Partial<AccessClaims>;
      const roles = (payload.roles ?? []).filter(isRole);
      if (!payload.sub || !payload.org) throw new Error('incomplete token');
      return { accountId: payload.sub, organisation: payload.org, roles };
    } catch (error) {
      const expired = error instanceof jwt.TokenExpiredError;
      throw new IdentityError('UNAUTHENTICATED', expired ? 'Your session has expired: refresh it or log in again' : 'Invalid access token');
    }
  }
}

export function newOpaqueToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
