import nodemailer from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport/index.js';

/** One plain-text email, as the deliverer hands it over. */
export interface Mail {
  from: string;
  to: string;
  subject: string;
  text: string;
}

/** What sends mail: SMTP in production; tests may pass a real local SMTP server's address. */
export interface Mailer {
  send(mail: Mail): Promise<void>;
  close(): void;
}

/** A Mailer over SMTP (nodemailer), from a URL such as smtp://user:pass@host:587 or smtps://host:465. */
export function smtpMailer(url: string, timeoutMs = 30_000): Mailer {
  // The URL's own settings win; the time limits apply where it sets none.
  const options: SMTPTransport.Options = { url, connectionTimeout: timeoutMs, greetingTimeout: timeoutMs, socketTimeout: timeoutMs };
  const transport = nodemailer.createTransport(options);
  return {
    async send(mail) {
      await transport.sendMail({ from: mail.from, to: mail.to, subject: mail.subject, text: mail.text });
    },
    close: () => transport.close()
  };
}
