// The whole workspace type-checks under strict TypeScript (tsconfig.json at the root).
import test from 'ava';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

test('tsc -p . reports no errors', async t => {
  const tsc = `${root}/node_modules/.bin/tsc`;
  const result = await promisify(execFile)(tsc, ['-p', root], { cwd: root }).then(
    r => ({ code: 0, out: r.stdout + r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, out: e.stdout + e.stderr }),
  );
  t.is(result.out.trim(), '');
  t.is(result.code, 0);
});
