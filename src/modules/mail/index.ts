import type { Background, Infra } from '../../container.ts';
import { LeasedJob } from '../../infra/lease.ts';
import { createMailer, type Mailer } from '../../infra/mailer.ts';
import { MailRepository } from './mail.repository.ts';
import { MailQueue, MailSender } from './mail.service.ts';
import { UnsubscribeTokens } from './unsubscribe-tokens.ts';

export type { MailQueue, MailSender, DrainResult } from './mail.service.ts';
export { koreanDayStart } from './mail.service.ts';
export { UNSUBSCRIBABLE_CATEGORIES } from './unsubscribe-tokens.ts';
export type { UnsubscribeTokens, UnsubscribableCategory } from './unsubscribe-tokens.ts';
export { mailLangOf, renderMail, MAIL_TEMPLATES, SAMPLE_DATA } from './templates.ts';
export type { MailLang, MailTemplate, MailTemplateData } from './templates.ts';

/**
 * The mail module: templates (MJML + text, Korean and English), the queue requests write to, and
 * the worker's sender. It depends on no other module.
 */
export function createMailModule(
  infra: Pick<Infra, 'config' | 'db' | 'log' | 'redis' | 'clock'>,
  opts: { mailer?: Mailer } = {},
) {
  const { config } = infra;
  const repo = new MailRepository();
  const queue = new MailQueue(repo, infra.clock);
  const unsubscribe = new UnsubscribeTokens(config, config.PUBLIC_URL.replace(/\/$/, ''));
  const mailer = opts.mailer ?? createMailer(config, infra.log);
  const sender = new MailSender({
    db: infra.db,
    repo,
    mailer,
    clock: infra.clock,
    log: infra.log,
    retry: {
      maxAttempts: config.MAIL_MAX_ATTEMPTS,
      baseDelayMs: config.MAIL_RETRY_DELAY_MS,
      maxDelayMs: 60 * 60_000,
    },
    unsubscribe,
    options: {
      batchSize: config.MAIL_BATCH_SIZE,
      concurrency: config.MAIL_SEND_CONCURRENCY,
      budgetMs: config.MAIL_DRAIN_BUDGET_MS,
      dailyCap: config.MAIL_DAILY_CAP,
    },
  });
  const job = new LeasedJob({
    name: 'mail-sender',
    intervalMs: config.MAIL_POLL_MS,
    // A run may take its whole budget: the lease outlasts it, so no second worker starts meanwhile.
    leaseMs: Math.max(config.MAIL_POLL_MS * 3, config.MAIL_DRAIN_BUDGET_MS * 2, 3_000),
    redis: infra.redis,
    log: infra.log,
    run: async () => {
      await sender.drain();
    },
  });
  const background: Background = {
    name: 'mail-sender',
    start: () => job.start(),
    stop: async () => {
      await job.stop();
      mailer.close?.();
    },
  };
  return { queue, sender, unsubscribe, background };
}

export type MailModule = ReturnType<typeof createMailModule>;
