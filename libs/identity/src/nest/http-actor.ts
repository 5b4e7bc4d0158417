import { HttpException } from '@nestjs/common';
import type { IdentityService } from '../application/identity.service';
import type { Actor } from '../domain/roles';

/** The caller of a plain HTTP download (`Authorization: Bearer <token>`); 401 with a typed body when absent or invalid. */
export function signedInActor(identity: IdentityService, authorization: string | undefined): Actor {
  const actor = identity.actorOfAuthorization(authorization);
  if (!actor) throw new HttpException({ code: 'UNAUTHENTICATED', message: 'sign in first (Authorization: Bearer <token>)' }, 401);
  return actor;
}
