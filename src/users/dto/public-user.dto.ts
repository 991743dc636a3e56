import { ApiProperty } from '@nestjs/swagger';
import { USER_ROLES, type UserRole } from '../entities/user.entity';

/** A user as the API shows it (never the password hash). */
export class PublicUserDto {
  /** @example 42 */
  id!: number;
  /** @example "asha_k" */
  username!: string;
  /** Stored lower-case. @example "asha@example.com" */
  email!: string;
  @ApiProperty({ enum: USER_ROLES, example: 'user' })
  role!: UserRole;
  /** ISO 8601. */
  createdAt!: string;
}
