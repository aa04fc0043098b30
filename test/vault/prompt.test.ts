import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { PassThrough } from 'node:stream';
import { readSecretValue } from '../../src/vault/prompt.js';
import { VaultError } from '../../src/vault/errors.js';

const CHILD = fileURLToPath(new URL('./prompt-child.ts', import.meta.url));
const VALUE = 'ghp_TypedOnTheTerminal_0123456789';

/**
 * Runs the child on a real pseudo-terminal (util-linux `script`), types `lines` one at a time after
 * each prompt appears, and returns everything the terminal showed.
 */
function onTerminal(args: string[], lines: string[], prompts: RegExp[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const cmd = [process.execPath, '--import', 'tsx', CHILD, ...args].map((a) => `'${a}'`).join(' ');
    const p = spawn('script', ['-qfec', cmd, '/dev/null'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let step = 0;
    const timer = setTimeout(() => {
      p.kill('SIGKILL');
      reject(new Error(`timed out; terminal showed: ${JSON.stringify(out)}`));
    }, 20_000);
    p.stdout.on('data', (d: Buffer) => {
      out += d.toString('utf8');
      while (step < lines.length && (out.match(prompts[step]!)?.length ?? 0) > 0 && countMatches(out, prompts, step)) {
        p.stdin.write(lines[step]!);
        step++;
      }
      if (/SHA256:[0-9a-f]{64}/.test(out)) p.stdin.end();
    });
    p.on('exit', () => {
      clearTimeout(timer);
      resolve(out);
    });
    p.on('error', reject);
  });
}

/** True when the prompt for `step` has appeared as often as needed (prompts may repeat). */
function countMatches(out: string, prompts: RegExp[], step: number): boolean {
  const re = prompts[step]!;
  const needed = prompts.slice(0, step + 1).filter((p) => p.source === re.source).length;
  return (out.match(new RegExp(re.source, 'g'))?.length ?? 0) >= needed;
}

const sha = (s: string) => createHash('sha256').update(s).digest('hex');

test('control: an ordinary line prompt on a terminal echoes the value', async () => {
  const out = await onTerminal(['echo'], [`${VALUE}\r`], [/input hidden/]);
  assert.ok(out.includes(`SHA256:${sha(VALUE)}`), out);
  assert.ok(out.includes(VALUE), 'the terminal echoed the typed value');
});

test('the vault prompt reads the value on a terminal without echoing it', async () => {
  const out = await onTerminal(['hidden', 'confirm'], [`${VALUE}\r`, `${VALUE}\r`], [/input hidden/, /Repeat value/]);
  assert.ok(out.includes(`SHA256:${sha(VALUE)}`), out);
  assert.ok(!out.includes(VALUE), `value appeared on the terminal: ${JSON.stringify(out)}`);
  assert.ok(!out.includes('*'.repeat(VALUE.length)), 'no mask that reveals the length');
});

test('backspace edits the hidden value', async () => {
  const out = await onTerminal(['hidden'], [`${VALUE}XY\x7f\x7f\r`], [/input hidden/]);
  assert.ok(out.includes(`SHA256:${sha(VALUE)}`), out);
});

test('a confirmation that differs stores nothing', async () => {
  const out = await onTerminal(['hidden', 'confirm'], [`${VALUE}\r`, `${VALUE}x\r`], [/input hidden/, /Repeat value/]);
  assert.ok(!out.includes('SHA256:'), out);
  assert.match(out, /do not match/);
});

test('from a pipe, the whole of stdin is the value minus one trailing newline', async () => {
  const stdin = new PassThrough();
  stdin.end(`${VALUE}\n`);
  assert.equal((await readSecretValue({ name: 'x', stdin })).toString(), VALUE);
  const multi = new PassThrough();
  multi.end('line1\nline2\r\n');
  assert.equal((await readSecretValue({ name: 'x', stdin: multi })).toString(), 'line1\nline2');
  const empty = new PassThrough();
  empty.end('\n');
  await assert.rejects(readSecretValue({ name: 'x', stdin: empty }), (e: VaultError) => e.code === 'invalid-input' && /no value/.test(e.message));
});
