import type { Background, Infra } from '../../container.ts';
import { LeasedJob } from '../../infra/lease.ts';
import { createMailer, type Mailer } from '../../infra/mailer.ts';
import { MailRepository } from './mail.repository.ts';
import { MailQueue, MailSender } from './mail.service.ts';

export type { MailQueue, MailSender, DrainResult } from './mail.service.ts';
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
  const sender = new MailSender({
    db: infra.db,
    repo,
    mailer: opts.mailer ?? createMailer(config, infra.log),
    clock: infra.clock,
    log: infra.log,
    retry: {
      maxAttempts: config.MAIL_MAX_ATTEMPTS,
      baseDelayMs: config.MAIL_RETRY_DELAY_MS,
      maxDelayMs: 60 * 60_000,
    },
    batchSize: 20,
  });
  const job = new LeasedJob({
    name: 'mail-sender',
    intervalMs: config.MAIL_POLL_MS,
    redis: infra.redis,
    log: infra.log,
    run: async () => {
      await sender.drain();
    },
  });
  const background: Background = { name: 'mail-sender', start: () => job.start(), stop: () => job.stop() };
  return { queue, sender, background };
}

export type MailModule = ReturnType<typeof createMailModule>;
