import {
  applyDecorators,
  createParamDecorator,
  ExecutionContext,
  SetMetadata,
} from '@nestjs/common';
import { ApiBearerAuth } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import type { UserRole } from '../../users/entities/user.entity';
import { ApiProblems } from './api-problems.decorator';

export const IS_PUBLIC_KEY = 'auth:public';
export const ROLES_KEY = 'auth:roles';

/** The authenticated caller, as carried by the access token. */
export interface AuthUser {
  id: number;
  username: string;
  role: UserRole;
}

/** Open to anyone: authentication is global, so routes are protected unless they say this. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC_KEY, true);

/** Any signed-in user (the default; this adds the OpenAPI bearer scheme and the 401). */
export const Authenticated = (): MethodDecorator & ClassDecorator =>
  applyDecorators(ApiBearerAuth('bearer'), ApiProblems(401));

/** Admins only. */
export const Admin = (): MethodDecorator & ClassDecorator =>
  applyDecorators(
    SetMetadata(ROLES_KEY, ['admin']),
    ApiBearerAuth('bearer'),
    ApiProblems(401, 403),
  );

/** The caller: `@CurrentUser() user: AuthUser`. */
export const CurrentUser = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): AuthUser =>
    ctx.switchToHttp().getRequest<FastifyRequest & { user: AuthUser }>().user,
);
