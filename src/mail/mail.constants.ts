/** Queue and job names, and the typed payloads that travel through them. */
export const MAIL_QUEUE = 'mail';
export const SCHEDULES_QUEUE = 'schedules';
export const SEND_JOB = 'send';

export const EMAIL_KINDS = ['daily-reminder', 'monthly-report', 'show-cancelled'] as const;
export type EmailKind = (typeof EMAIL_KINDS)[number];

/** The scheduled fan-outs (also the names accepted by POST /admin/jobs/:name/run). */
export const SCHEDULED_JOBS = ['daily-reminder', 'monthly-report'] as const;
export type ScheduledJob = (typeof SCHEDULED_JOBS)[number];

export const isScheduledJob = (name: string): name is ScheduledJob =>
  (SCHEDULED_JOBS as readonly string[]).includes(name);

/** One email: the notifications row (user, kind, period) it is sent for. */
export interface SendMailJob {
  kind: EmailKind;
  /** `YYYY-MM-DD` (daily reminder), `YYYY-MM` (monthly report: month covered), show id. */
  period: string;
  userId: number;
}

/** One fan-out run. */
export interface FanOutJob {
  period: string;
}

/** Deterministic: the same email enqueued twice is one Bull job while Bull remembers it. */
export const mailJobId = (job: SendMailJob): string => `${job.kind}:${job.period}:${job.userId}`;

export const MAIL_ATTEMPTS = 5;
