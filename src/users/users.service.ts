import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { UserRole } from './entities/user.entity';
import { NewUser, UsersRepository } from './users.repository';
import { lastAdmin, userNotFound } from './users.errors';
import {
  NotificationKind,
  Preferences,
  toPreferences,
  toUserSummary,
  UserSummary,
} from './users.types';

/** Accounts, roles and notification preferences. Exported for the other domains. */
@Injectable()
export class UsersService {
  constructor(
    private readonly users: UsersRepository,
    private readonly dataSource: DataSource,
  ) {}

  async findById(id: number): Promise<UserSummary | null> {
    const user = await this.users.findById(id);
    return user ? toUserSummary(user) : null;
  }

  /** Case-insensitive, as usernames are unique case-insensitively. */
  async findByUsername(username: string): Promise<UserSummary | null> {
    const user = await this.users.findByUsername(username);
    return user ? toUserSummary(user) : null;
  }

  /**
   * The account a login identifier names (an email when it contains `@`, which usernames
   * cannot), with its password hash. For AuthService only.
   */
  async findCredentials(
    identifier: string,
  ): Promise<{ user: UserSummary; passwordHash: string } | null> {
    const login = identifier.includes('@') ? { email: identifier } : { username: identifier };
    const user = await this.users.findWithPasswordByLogin(login);
    return user ? { user: toUserSummary(user), passwordHash: user.passwordHash } : null;
  }

  /** Inserts an account; 409 `USER.USERNAME_TAKEN` / `USER.EMAIL_TAKEN` on duplicates. */
  async create(user: NewUser): Promise<UserSummary> {
    const saved = await this.users.insert({ ...user, email: user.email.toLowerCase() });
    return toUserSummary(saved);
  }

  hasAdmin(): Promise<boolean> {
    return this.users.hasAdmin();
  }

  /**
   * Creates the admin only if none exists, deciding under a lock so instances starting at the
   * same moment create one admin between them. Returns null when an admin already existed.
   */
  createFirstAdmin(user: Omit<NewUser, 'role'>): Promise<UserSummary | null> {
    return this.dataSource.transaction(async (manager) => {
      await this.users.lockAdminChanges(manager);
      if (await this.users.hasAdmin(manager)) return null;
      const saved = await this.users.insert(
        { ...user, email: user.email.toLowerCase(), role: 'admin' },
        manager,
      );
      return toUserSummary(saved);
    });
  }

  async updatePasswordHash(userId: number, passwordHash: string): Promise<void> {
    await this.users.updatePasswordHash(userId, passwordHash);
  }

  async getPreferences(userId: number): Promise<Preferences | null> {
    const user = await this.users.findById(userId);
    return user ? toPreferences(toUserSummary(user)) : null;
  }

  /** Partial update; returns the resulting preferences (null when the user is gone). */
  async updatePreferences(
    userId: number,
    patch: Partial<Preferences>,
  ): Promise<Preferences | null> {
    await this.users.updatePreferences(userId, patch);
    return this.getPreferences(userId);
  }

  /** Promotes or demotes; refuses to demote the last admin (409). 404 for unknown users. */
  setRole(username: string, role: UserRole): Promise<UserSummary> {
    return this.dataSource.transaction(async (manager) => {
      await this.users.lockAdminChanges(manager);
      const user = await this.users.findByUsername(username, manager);
      if (!user) throw userNotFound(username);
      if (user.role === role) return toUserSummary(user);
      if (user.role === 'admin' && (await this.users.countAdmins(manager)) <= 1) {
        throw lastAdmin();
      }
      await this.users.updateRole(user.id, role, manager);
      return toUserSummary({ ...user, role });
    });
  }

  /** Non-admin users with `kind` emails on, in id order after `afterId` (for the mailers). */
  async listRecipients(
    kind: NotificationKind,
    afterId: number,
    limit: number,
  ): Promise<UserSummary[]> {
    const users = await this.users.findRecipients(kind, afterId, limit);
    return users.map(toUserSummary);
  }
}
