import type { Config } from '../../config.js';
import type { Database } from '../../db/database.js';
import { outboxRepo } from './repo/outbox.repo.js';

/**
 * Notifications to applicants leave through an outbox written in the same transaction as the
 * change; `drainOutbox` (every 15 s from main.ts, on every app server) sends what is due through
 * one channel, claiming each batch first so two servers never send a message twice
 * (docs/operations/several-servers.md).
 * ANSINH_NOTIFY_CHANNEL: `log` (default: one JSON line on stdout per message), `sms` (POST
 * {to, text} as JSON to ANSINH_SMS_URL, with ANSINH_SMS_TOKEN as a bearer token), `none`.
 * There is no SMTP client among the installed packages, so e-mail is not offered.
 */
export interface NotifyChannel {
  name: string;
  send(to: string, text: string): Promise<void>;
}

export function notifyChannel(cfg: Config['notify']): NotifyChannel {
  const kind = cfg.channel;
  if (kind === 'sms') {
    const url = cfg.smsUrl;
    if (!url) throw new Error('ANSINH_NOTIFY_CHANNEL=sms needs ANSINH_SMS_URL');
    return {
      name: 'sms',
      async send(to, text) {
        const res = await fetch(url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            ...(cfg.smsToken ? { authorization: `Bearer ${cfg.smsToken}` } : {}),
          },
          body: JSON.stringify({ to, text }),
          signal: AbortSignal.timeout(10_000),
        });
        if (!res.ok) throw new Error(`SMS gateway answered ${res.status}`);
      },
    };
  }
  if (kind === 'none') return { name: 'none', send: async () => {} };
  return {
    name: 'log',
    async send(to, text) {
      // The number is masked: logs must not carry personal data.
      process.stdout.write(
        `${JSON.stringify({ level: 30, time: Date.now(), msg: 'notification', channel: 'log', to: `***${to.slice(-3)}`, text })}\n`,
      );
    },
  };
}

/** Attempts before a message is given up (state 'failed'); the wait doubles from 1 minute. */
export const MAX_ATTEMPTS = 8;

/** How long a claimed batch is held: 10 messages at most 10 s each (the SMS timeout), with room. */
const CLAIM_MS = 5 * 60_000;
const BATCH = 10;

export async function drainOutbox(database: Database, channel: NotifyChannel, now: Date, limit = 100): Promise<number> {
  const db = database.db;
  let sent = 0;
  for (let taken = 0; taken < limit;) {
    const lease = new Date(now.getTime() + CLAIM_MS).toISOString();
    const due = await outboxRepo.claimDue(database, now.toISOString(), lease, Math.min(BATCH, limit - taken));
    if (due.length === 0) break;
    taken += due.length;
    sent += await sendBatch(db, channel, now, due);
  }
  return sent;
}

async function sendBatch(
  db: Database['db'],
  channel: NotifyChannel,
  now: Date,
  due: Awaited<ReturnType<typeof outboxRepo.claimDue>>,
): Promise<number> {
  let sent = 0;
  for (const m of due) {
    try {
      await channel.send(m.recipient, m.message);
      await outboxRepo.mark(db, m.id, {
        state: 'sent',
        attempts: m.attempts + 1,
        next_attempt_at: m.next_attempt_at,
        last_error: null,
        sent_at: new Date().toISOString(),
      });
      sent++;
    } catch (e) {
      const attempts = m.attempts + 1;
      const wait = 60_000 * 2 ** (attempts - 1);
      await outboxRepo.mark(db, m.id, {
        state: attempts >= MAX_ATTEMPTS ? 'failed' : 'pending',
        attempts,
        next_attempt_at: new Date(now.getTime() + wait).toISOString(),
        last_error: String((e as Error).message ?? e).slice(0, 500),
        sent_at: null,
      });
    }
  }
  return sent;
}
