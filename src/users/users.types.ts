import type { User, UserRole } from './entities/user.entity';

/** What other modules get from UsersService: an account without its password hash. */
export interface UserSummary {
  id: number;
  username: string;
  email: string;
  role: UserRole;
  remindersEnabled: boolean;
  reportsEnabled: boolean;
  createdAt: Date;
}

/** The user as the API shows it (`POST /auth/signup`, `GET /auth/me`, role changes). */
export interface PublicUser {
  id: number;
  username: string;
  email: string;
  role: UserRole;
  createdAt: string;
}

/** Which emails a user receives. */
export interface Preferences {
  reminders: boolean;
  reports: boolean;
}

export type NotificationKind = keyof Preferences;

export function toUserSummary(user: User): UserSummary {
  return {
    id: user.id,
    username: user.username,
    email: user.email,
    role: user.role,
    remindersEnabled: user.remindersEnabled,
    reportsEnabled: user.reportsEnabled,
    createdAt: user.createdAt,
  };
}

export function toPublicUser(user: UserSummary): PublicUser {
  return {
    id: user.id,
    username: user.username,
    email: user.email,
    role: user.role,
    createdAt: user.createdAt.toISOString(),
  };
}

export function toPreferences(user: UserSummary): Preferences {
  return { reminders: user.remindersEnabled, reports: user.reportsEnabled };
}
