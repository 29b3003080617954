import { createDb } from '@porchlight/db';
import { startSqld } from '@porchlight/db/sqld';
const p = await startSqld({ dbPath: '/tmp/sq/rp-' + process.pid, replication: true });
const r = await startSqld({ dbPath: '/tmp/sq/rr-' + process.pid, primaryGrpcUrl: p.grpcUrl! });
const onP = await createDb(p.url.replace('http:', 'ws:'));
await onP.client.execute('create table t (a integer)');
for (let i = 0; i < 100; i++) {
  try {
    await (await createDb(r.url.replace('http:', 'ws:'))).client.execute('select count(*) from t');
    break;
  } catch {
    await new Promise((x) => setTimeout(x, 100));
  }
}
for (const proto of ['ws', 'http']) {
  const onR = await createDb(r.url.replace('http:', proto + ':'));
  // warm up several kept streams
  await Promise.all(Array.from({ length: 8 }, () => onR.client.execute('select 1')));
  let misses = 0;
  for (let i = 0; i < 300; i++) {
    await onR.client.execute({ sql: 'insert into t values (?)', args: [i] });
    const a = await onR.client.execute({ sql: 'select count(*) n from t where a = ?', args: [i] });
    if (Number(a.rows[0]!.n) === 0) misses++;
  }
  console.log(proto, 'sequential (same stream) misses:', misses, 'of 300');
  await onR.client.execute('delete from t');
  await new Promise((x) => setTimeout(x, 500));
}
await r.stop();
await p.stop();
process.exit(0);
