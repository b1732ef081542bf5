import { benchLogin, startBenchServer } from './lib/server.js';
const url = process.argv[2]!;
const server = await startBenchServer({ sqlitePath: '', port: 19230, env: { DATABASE_URL: url } });
try {
  const o = await benchLogin(server.base, 'tinh.chuyenvien', 'bench-password-123');
  const year = 2026;
  const id = ((await (await o.call('POST', '/api/v1/reports', { templateCode: 'dan-van-nam', year })).json()) as { id: number }).id;
  for (let i = 0; i < 2; i++) {
    const t = performance.now();
    const r = await fetch(`${server.base}/api/v1/reports/${id}/annex.xlsx`, { headers: { cookie: o.cookie } });
    await r.arrayBuffer();
    console.log('annex', r.status, performance.now() - t);
  }
} finally {
  await server.stop();
}
