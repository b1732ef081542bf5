/**
 * Loaded into the server by `node --import` (bench/event-loop.ts): the main thread's loop delay
 * measured twice, every 10 ms. Wall: how late the timer fired (what a user waits). Own: the same
 * delay less the time the main thread spent waiting for a core (Linux's
 * /proc/<pid>/task/<tid>/schedstat, in nanoseconds) — the part the server's own code held the
 * loop, without the time a shared, overloaded machine did not run it at all.
 * SIGUSR2 writes the figures since the last signal to BENCH_LOOP_PROBE_FILE and starts again.
 */
import fs from 'node:fs';
import { PerformanceObserver } from 'node:perf_hooks';

const out = process.env.BENCH_LOOP_PROBE_FILE;
const stat = `/proc/${process.pid}/task/${process.pid}/schedstat`;
const taskStat = `/proc/${process.pid}/task/${process.pid}/stat`;
const read = () => {
  const [run, wait] = fs.readFileSync(stat, 'utf8').split(' ').map(Number);
  // After the command's closing parenthesis: field 10 minflt, 12 majflt, 14 utime, 15 stime (ticks).
  const f = fs.readFileSync(taskStat, 'utf8').split(') ')[1].split(' ').map(Number);
  return { run, wait, minflt: f[7], majflt: f[9], utime: f[11], stime: f[12] };
};
const TICK = 10;
let last = performance.now();
let lastUs = process.hrtime.bigint() / 1000n;
let lastStat = read();
let ticks = [];
setInterval(() => {
  const now = performance.now();
  const nowUs = process.hrtime.bigint() / 1000n;
  const s = read();
  const wall = Math.max(0, now - last - TICK);
  const wait = (s.wait - lastStat.wait) / 1e6;
  // The window in the monotonic clock V8's CPU profiles use, to find what ran in a long one.
  ticks.push({
    wall,
    own: Math.max(0, wall - wait),
    wait,
    // What the thread did in the window: ran (ms, of which user and system in 10 ms ticks), page faults.
    ran: (s.run - lastStat.run) / 1e6,
    // The late part the thread spent on a core (at most), and the rest: neither on a core nor
    // waiting for one (a synchronous wait: for V8's garbage-collection helper threads, a lock, or the
    // virtual machine not run by its host).
    held: Math.min(Math.max(0, wall - wait), (s.run - lastStat.run) / 1e6),
    blocked: Math.max(0, wall - wait - (s.run - lastStat.run) / 1e6),
    user: (s.utime - lastStat.utime) * 10,
    sys: (s.stime - lastStat.stime) * 10,
    faults: s.minflt - lastStat.minflt,
    majorFaults: s.majflt - lastStat.majflt,
    from: Number(lastUs),
    to: Number(nowUs),
  });
  last = now;
  lastUs = nowUs;
  lastStat = s;
}, TICK).unref();

// The main thread's garbage-collection pauses (ms) since the last read.
let gcs = [];
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) gcs.push(e.duration);
}).observe({ entryTypes: ['gc'] });

const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))] ?? 0;
process.on('SIGUSR2', () => {
  const t = ticks;
  ticks = [];
  const g = gcs;
  gcs = [];
  const col = (k) => t.map((x) => x[k]);
  const fig = (k) => ({ p99: pct(col(k), 99), max: Math.max(0, ...col(k)) });
  if (out)
    fs.writeFileSync(
      out,
      JSON.stringify({
        ticks: t.length,
        wall: fig('wall'),
        own: fig('own'),
        held: fig('held'),
        gc: { count: g.length, max: Math.max(0, ...g), total: g.reduce((a, b) => a + b, 0) },
        blocked: fig('blocked'),
        wait: fig('wait'),
        longest: [...t].sort((a, b) => b.own - a.own).slice(0, 5),
      }),
    );
});
