import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { AuthUser, ROLES_KEY } from '../../common/decorators';
import { ForbiddenError } from '../../common/errors';
import type { UserRole } from '../../users/entities/user.entity';

/** Enforces `@Admin()` (role metadata) after authentication. */
@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const roles = this.reflector.getAllAndOverride<UserRole[] | undefined>(ROLES_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!roles?.length) return true;
    const user = context.switchToHttp().getRequest<FastifyRequest & { user?: AuthUser }>().user;
    if (user && roles.includes(user.role)) return true;
    throw new ForbiddenError('AUTH.FORBIDDEN', 'This action needs the admin role.');
  }
}
