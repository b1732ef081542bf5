import { describe, expect, it } from 'vitest';
import { createInProcessBus } from './change-bus.js';
import { createInProcessQueue } from './job-queue.js';

/**
 * The in-process halves of the job queue and the change bus (SQLite's; pg-boss and LISTEN/NOTIFY
 * are exercised across two servers by several-servers.test.ts on PostgreSQL).
 */
describe('in-process job queue', () => {
  it('runs each job after the sender goes on, and retries a handler that throws', async () => {
    const queue = createInProcessQueue(() => undefined);
    const ran: string[] = [];
    let failures = 1;
    queue.define<{ n: number }>('test.job', async ({ n }) => {
      if (n === 2 && failures-- > 0) throw new Error('once');
      ran.push(`job ${n}`);
    });
    await queue.send('test.job', { n: 1 });
    await queue.send('test.job', { n: 2 });
    ran.push('sender');
    await queue.idle();
    expect(ran).toEqual(['sender', 'job 1', 'job 2']);
  });

  it('gives a job up after its retries and says so; a stopped queue refuses to send', async () => {
    const logged: string[] = [];
    const queue = createInProcessQueue((msg) => logged.push(msg));
    let tries = 0;
    queue.define(
      'test.broken',
      async () => {
        tries++;
        throw new Error('always');
      },
      { retries: 2 },
    );
    await queue.send('test.broken', {});
    await queue.stop();
    expect(tries).toBe(3);
    expect(logged).toEqual(['job test.broken failed']);
    await expect(queue.send('test.broken', {})).rejects.toThrow(/stopped/);
  });
});

describe('in-process change bus', () => {
  it('tells every subscriber of the topic, and only them', async () => {
    const bus = createInProcessBus();
    const told: string[] = [];
    bus.subscribe('areas', () => told.push('a1'));
    bus.subscribe('areas', () => told.push('a2'));
    bus.subscribe('other', () => told.push('o'));
    await bus.publish('areas');
    expect(told).toEqual(['a1', 'a2']);
  });
});
