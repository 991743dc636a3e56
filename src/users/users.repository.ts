import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { User, UserRole } from './entities/user.entity';
import { emailTaken, usernameTaken } from './users.errors';
import type { NotificationKind } from './users.types';

/** Any fixed number: serialises "is there an admin yet?" decisions across instances. */
const ADMIN_LOCK_KEY = 727_3001;

export interface NewUser {
  username: string;
  email: string;
  passwordHash: string;
  role: UserRole;
}

const PREFERENCE_COLUMNS: Record<NotificationKind, 'remindersEnabled' | 'reportsEnabled'> = {
  reminders: 'remindersEnabled',
  reports: 'reportsEnabled',
};

/** The only place that queries `users`. Methods take a manager when a service transaction needs them. */
@Injectable()
export class UsersRepository {
  constructor(@InjectRepository(User) private readonly users: Repository<User>) {}

  private repo(manager?: EntityManager): Repository<User> {
    return manager ? manager.getRepository(User) : this.users;
  }

  findById(id: number): Promise<User | null> {
    return this.users.findOneBy({ id });
  }

  findByUsername(username: string, manager?: EntityManager): Promise<User | null> {
    return this.repo(manager)
      .createQueryBuilder('u')
      .where('lower(u.username) = lower(:username)', { username })
      .getOne();
  }

  /** The account behind a login identifier, with its password hash. */
  findWithPasswordByLogin(login: { username: string } | { email: string }): Promise<User | null> {
    const qb = this.users.createQueryBuilder('u').addSelect('u.passwordHash');
    return 'email' in login
      ? qb.where('u.email = lower(:email)', { email: login.email }).getOne()
      : qb.where('lower(u.username) = lower(:username)', { username: login.username }).getOne();
  }

  /**
   * ON CONFLICT DO NOTHING rather than catching the unique violation: a failed INSERT would be
   * logged by TypeORM with its parameters, password hash included.
   */
  async insert(user: NewUser, manager?: EntityManager): Promise<User> {
    const repo = this.repo(manager);
    const result = await repo
      .createQueryBuilder()
      .insert()
      .into(User)
      .values(user)
      .orIgnore()
      .returning('id')
      .execute();
    const id = (result.raw as { id: number }[])[0]?.id;
    if (id === undefined) {
      throw (await this.findByUsername(user.username, manager)) ? usernameTaken() : emailTaken();
    }
    return repo.findOneByOrFail({ id });
  }

  async updatePasswordHash(id: number, passwordHash: string): Promise<void> {
    await this.users.update({ id }, { passwordHash });
  }

  async updatePreferences(
    id: number,
    patch: Partial<Record<NotificationKind, boolean>>,
  ): Promise<void> {
    const changes: Partial<User> = {};
    for (const kind of Object.keys(PREFERENCE_COLUMNS) as NotificationKind[]) {
      const value = patch[kind];
      if (value !== undefined) changes[PREFERENCE_COLUMNS[kind]] = value;
    }
    if (Object.keys(changes).length > 0) await this.users.update({ id }, changes);
  }

  async updateRole(id: number, role: UserRole, manager: EntityManager): Promise<void> {
    await this.repo(manager).update({ id }, { role });
  }

  async hasAdmin(manager?: EntityManager): Promise<boolean> {
    return this.repo(manager).exists({ where: { role: 'admin' } });
  }

  countAdmins(manager: EntityManager): Promise<number> {
    return this.repo(manager).countBy({ role: 'admin' });
  }

  /** Held until the transaction ends: admin creation and demotion decide one at a time. */
  async lockAdminChanges(manager: EntityManager): Promise<void> {
    await manager.query('SELECT pg_advisory_xact_lock($1)', [ADMIN_LOCK_KEY]);
  }

  /** Non-admin users who want `kind` emails, in id order after `afterId` (keyset pages). */
  findRecipients(kind: NotificationKind, afterId: number, limit: number): Promise<User[]> {
    return this.users
      .createQueryBuilder('u')
      .where(`u.${PREFERENCE_COLUMNS[kind]} = true`)
      .andWhere(`u.role = 'user'`)
      .andWhere('u.id > :afterId', { afterId })
      .orderBy('u.id', 'ASC')
      .limit(limit)
      .getMany();
  }
}
