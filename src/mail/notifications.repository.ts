import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { Notification } from './entities/notification.entity';
import type { SendMailJob } from './mail.constants';

/** The sent-log (`notifications`). Only this class queries it. */
@Injectable()
export class NotificationsRepository {
  constructor(@InjectRepository(Notification) private readonly rows: Repository<Notification>) {}

  /** Writes the pending row if there is none yet; an existing row (pending or sent) wins. */
  async insertPendingIfMissing(job: SendMailJob): Promise<void> {
    await this.rows
      .createQueryBuilder()
      .insert()
      .into(Notification)
      .values({ userId: job.userId, kind: job.kind, period: job.period })
      .orIgnore()
      .execute();
  }

  /**
   * The row if it is still pending and nobody else is sending it. The lock lives until the
   * caller's transaction ends, so a second worker skips instead of sending the same email.
   */
  lockPending(manager: EntityManager, job: SendMailJob): Promise<Notification | null> {
    return manager
      .getRepository(Notification)
      .createQueryBuilder('n')
      .setLock('pessimistic_write')
      .setOnLocked('skip_locked')
      .where('n.user_id = :userId AND n.kind = :kind AND n.period = :period', job)
      .andWhere(`n.status = 'pending'`)
      .getOne();
  }

  async markSent(manager: EntityManager, id: string): Promise<void> {
    await manager
      .getRepository(Notification)
      .update({ id }, { status: 'sent', sentAt: () => 'now()' });
  }

  /** The email no longer applies (preference turned off, user gone): forget the intent. */
  async deletePending(manager: EntityManager, id: string): Promise<void> {
    await manager.getRepository(Notification).delete({ id, status: 'pending' });
  }

  /**
   * Pending rows of `kind` in id order after `afterId` (keyset pages), optionally only those
   * whose age is within [minAgeSeconds, maxAgeSeconds].
   */
  findPending(q: {
    kind: string;
    afterId: string;
    limit: number;
    minAgeSeconds?: number;
    maxAgeSeconds?: number;
  }): Promise<Notification[]> {
    const qb = this.rows
      .createQueryBuilder('n')
      .where(`n.status = 'pending' AND n.kind = :kind AND n.id > :afterId`, q)
      .orderBy('n.id', 'ASC')
      .limit(q.limit);
    if (q.minAgeSeconds !== undefined) {
      qb.andWhere('n.created_at <= now() - make_interval(secs => :minAgeSeconds)', q);
    }
    if (q.maxAgeSeconds !== undefined) {
      qb.andWhere('n.created_at >= now() - make_interval(secs => :maxAgeSeconds)', q);
    }
    return qb.getMany();
  }
}
