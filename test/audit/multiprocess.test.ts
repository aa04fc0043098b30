import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { describeEachDialect } from '../helpers/db.js';
import { auditVerify } from '../../src/audit/cli.js';

const WORKER = fileURLToPath(new URL('./fixtures/append-worker.ts', import.meta.url));

function runWorker(options: object, count: number, name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WORKER, JSON.stringify(options), String(count), name], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${name} exited ${code}: ${err}`))));
  });
}

describeEachDialect('audit across processes', ({ dialect, fresh }) => {
  it(`4 processes × 200 appends to one ${dialect === 'sqlite' ? 'SQLite file' : 'PostgreSQL database'} form one verified chain of 800`, async () => {
    const db = await fresh();
    try {
      // All four start on a database that does not exist yet: migrations and key creation race too.
      await Promise.all([1, 2, 3, 4].map((w) => runWorker(db.options, 200, `w${w}`)));
      const store = await db.open();
      const res = await auditVerify({ store, home: db.home });
      assert.equal(res.ok, true, JSON.stringify(res));
      assert.equal(res.count, 800);
      // 16 periodic checkpoints (every 50) plus up to one closing checkpoint per worker.
      assert.ok(res.ok && res.checkpoints >= 16 && res.checkpoints <= 20, JSON.stringify(res));
      const perWorker = await store.db
        .selectFrom('audit_events')
        .select(['server', store.db.fn.countAll<number>().as('n')])
        .groupBy('server')
        .orderBy('server')
        .execute();
      assert.deepEqual(perWorker.map((r) => [r.server, Number(r.n)]), [['w1', 200], ['w2', 200], ['w3', 200], ['w4', 200]]);
    } finally {
      await db.cleanup();
    }
  });
});
