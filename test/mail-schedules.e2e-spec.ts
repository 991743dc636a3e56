import { getQueueToken } from '@nestjs/bull';
import { SchedulerRegistry } from '@nestjs/schedule';
import type { Queue } from 'bull';
import { SchedulesService } from '../src/mail/jobs/schedules.service';
import { SCHEDULES_QUEUE } from '../src/mail/mail.constants';
import { createTestApp, TestApp } from './support/app';

describe('email schedules (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({
      SCHEDULES_ENABLED: 'true',
      DAILY_REMINDER_CRON: '30 18 * * *',
      MONTHLY_REPORT_CRON: '0 8 1 * *',
      SCHEDULE_TIMEZONE: 'Europe/Paris',
    });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('registers both crons from the config, in the schedule time zone', () => {
    const crons = t.app.get(SchedulerRegistry).getCronJobs();
    const daily = crons.get('daily-reminder');
    const monthly = crons.get('monthly-report');
    expect(daily?.cronTime.source).toBe('30 18 * * *');
    expect(monthly?.cronTime.source).toBe('0 8 1 * *');
    expect(daily?.nextDate().setZone('Europe/Paris').toFormat('HH:mm')).toBe('18:30');
    expect(monthly?.nextDate().setZone('Europe/Paris').toFormat('d HH:mm')).toBe('1 08:00');
  });

  it('enqueues one fan-out per period however many workers tick', async () => {
    const schedules = t.app.get(SchedulesService);
    const runs = await Promise.all([
      schedules.enqueueScheduled('monthly-report'),
      schedules.enqueueScheduled('monthly-report'),
      schedules.enqueueScheduled('monthly-report'),
    ]);
    const period = schedules.periodOf('monthly-report');
    expect(new Set(runs.map((r) => r.jobId))).toEqual(new Set([`monthly-report:${period}`]));
    const queue = t.app.get<Queue>(getQueueToken(SCHEDULES_QUEUE));
    const jobs = await queue.getJobs(['waiting', 'active', 'completed', 'delayed']);
    expect(jobs.filter((j) => j.name === 'monthly-report')).toHaveLength(1);
  });
});
