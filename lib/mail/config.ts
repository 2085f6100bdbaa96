import 'server-only';
import { env } from '@/lib/env';

export interface MailConfig {
  /** Unset: messages are kept in the mail outbox for admins to read instead of being sent. */
  smtpUrl?: string;
  from: string;
}

const override = globalThis as unknown as { __outsideinMail?: MailConfig };

export function mailConfig(): MailConfig {
  return override.__outsideinMail ?? { smtpUrl: env.SMTP_URL, from: env.MAIL_FROM };
}

/** Points mail at another server (integration tests start one on loopback). */
export function useMailConfigForTests(config: MailConfig | undefined): void {
  override.__outsideinMail = config;
}
