import { Injectable } from '@nestjs/common';
import { isEmail } from 'class-validator';
import { UsersService } from '../users/users.service';
import { PublicUser, toPublicUser } from '../users/users.types';
import { USERNAME_PATTERN } from './dto/signup.dto';
import { meetsPasswordPolicy, PASSWORD_RULE } from './password-policy';
import { PasswordService } from './password.service';

export interface AdminInput {
  username: string;
  email: string;
  password: string;
}

/** Problems with an admin's details, in words an operator can act on (empty when fine). */
export function adminInputProblems(input: Partial<AdminInput>): string[] {
  const problems: string[] = [];
  if (!input.username || !USERNAME_PATTERN.test(input.username)) {
    problems.push('username must be 3-30 characters: letters, digits, _ . or -');
  }
  if (!input.email || !isEmail(input.email)) problems.push('email must be a valid email address');
  if (!meetsPasswordPolicy(input.password)) problems.push(PASSWORD_RULE);
  return problems;
}

/** Creates admins: the start-up bootstrap and the `admin:create` CLI share this. */
@Injectable()
export class AdminAccountsService {
  constructor(
    private readonly users: UsersService,
    private readonly passwords: PasswordService,
  ) {}

  /** A new admin account; 409 when the username or email is taken. */
  async createAdmin(input: AdminInput): Promise<PublicUser> {
    const passwordHash = await this.passwords.hash(input.password);
    const user = await this.users.create({ ...input, passwordHash, role: 'admin' });
    return toPublicUser(user);
  }

  /** Creates the admin unless one exists (safe when several instances start together). */
  async createFirstAdmin(input: AdminInput): Promise<PublicUser | null> {
    if (await this.users.hasAdmin()) return null;
    const passwordHash = await this.passwords.hash(input.password);
    const user = await this.users.createFirstAdmin({
      username: input.username,
      email: input.email,
      passwordHash,
    });
    return user ? toPublicUser(user) : null;
  }
}
