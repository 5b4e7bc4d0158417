import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { IdentityService } from '../application/identity.service';
import { IdentityError } from '../domain/identity.errors';
import { toGraphqlError } from '../graphql/identity-error.mapper';
import { ACCESS_RULE, type AccessRule } from './access.decorator';
import type { RequestContext } from './request-actor';

/**
 * Applied to every GraphQL operation (APP_GUARD). Reads the bearer token from the HTTP
 * Authorization header or the graphql-ws connection parameters, then applies the
 * operation's access rule. No rule means no access: a forgotten decorator fails closed.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(IdentityService) private readonly identity: IdentityService,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType<string>() !== 'graphql') return true;
    try {
      return this.check(context);
    } catch (error) {
      // Subscriptions over graphql-ws skip Apollo's formatError: send the typed error itself.
      throw toGraphqlError(error) ?? error;
    }
  }

  private check(context: ExecutionContext): boolean {
    const rule = this.reflector.get<AccessRule | undefined>(ACCESS_RULE, context.getHandler());
    const request = GqlExecutionContext.create(context).getContext<RequestContext>();
    const token = bearerToken(request);
    if (token) request.actor = this.identity.authenticate(token);
    if (!rule) throw new IdentityError('FORBIDDEN', 'This operation states no access rule');
    switch (rule.kind) {
      case 'public':
        return true;
      case 'authenticated':
        if (!request.actor) throw new IdentityError('UNAUTHENTICATED', 'Log in to do this');
        return true;
      case 'roles':
        if (!request.actor) throw new IdentityError('UNAUTHENTICATED', 'Log in to do this');
        if (!rule.roles.some((role) => request.actor?.roles.includes(role))) {
          throw new IdentityError('FORBIDDEN', `This needs one of these roles: ${rule.roles.join(', ')}`);
        }
        return true;
      default: {
        const unknown: never = rule;
        throw new Error(`unknown access rule ${JSON.stringify(unknown)}`);
      }
    }
  }
}

function bearerToken(request: RequestContext): string | undefined {
  const header = request.req?.headers?.authorization ?? request.connectionParams?.authorization ?? request.connectionParams?.Authorization;
  const value = Array.isArray(header) ? header[0] : header;
  if (typeof value !== 'string') return undefined;
  const match = /^Bearer\s+(.+)$/i.exec(value.trim());
  return match?.[1];
}
