import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { Actor } from '../domain/roles';

/** The GraphQL context every resolver receives: the caller (when signed in) and their address. */
export interface RequestContext {
  actor?: Actor;
  clientAddress: string;
  req?: { headers?: Record<string, string | string[] | undefined>; ip?: string };
  connectionParams?: Record<string, unknown>;
}

/** Injects the signed-in caller; the access guard has already refused anonymous callers. */
export const CurrentActor = createParamDecorator((_data: unknown, context: ExecutionContext): Actor | undefined => {
  return GqlExecutionContext.create(context).getContext<RequestContext>().actor;
});

export const ClientAddress = createParamDecorator((_data: unknown, context: ExecutionContext): string => {
  return GqlExecutionContext.create(context).getContext<RequestContext>().clientAddress;
});
