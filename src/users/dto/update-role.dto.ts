import { IsIn } from 'class-validator';
import { USER_ROLES, type UserRole } from '../entities/user.entity';

export class UpdateRoleDto {
  /** The new role. */
  @IsIn(USER_ROLES)
  role!: UserRole;
}
