/**
 * Reads a secret value from the user without it ever appearing on screen, in shell history or in
 * `ps`: from a no-echo prompt when stdin is a terminal, otherwise from all of stdin (for
 * `pass show x | airlock secrets set x`). Never from a command-line argument.
 *
 * The terminal is put in raw mode, so the line discipline echoes nothing; no mask characters are
 * printed either (they would reveal the length). Raw mode is restored on every exit path.
 *
 * Failure contract: rejects with a `VaultError('invalid-input')` on Ctrl-C, an empty value, a value
 * too large, or a confirmation that does not match; the partial input is zeroed.
 */
import { timingSafeEqual } from 'node:crypto';
import type { Readable, Writable } from 'node:stream';
import { VaultError } from './errors.js';

export const MAX_SECRET_INPUT_BYTES = 64 * 1024;

export interface SecretInput {
  /** Defaults to process.stdin. */
  stdin?: Readable & { isTTY?: boolean; setRawMode?: (mode: boolean) => unknown };
  /** Where prompts go (never stdout, which may be piped). Defaults to process.stderr. */
  prompt?: Writable;
  /** Ask twice on a terminal and require both to match (for `set` and `rotate`). */
  confirm?: boolean;
  /** The secret's name, shown in the prompt. */
  name: string;
}

/** Reads the value as described in the module comment. The caller zeroes the returned buffer. */
export async function readSecretValue(opts: SecretInput): Promise<Buffer> {
  const stdin = opts.stdin ?? process.stdin;
  const prompt = opts.prompt ?? process.stderr;
  if (stdin.isTTY && typeof stdin.setRawMode === 'function') {
    const first = await readHidden(stdin, prompt, `Value for secret '${opts.name}' (input hidden): `);
    if (!opts.confirm) return first;
    const second = await readHidden(stdin, prompt, `Repeat value for '${opts.name}': `).catch((err) => {
      first.fill(0);
      throw err;
    });
    const same = first.length === second.length && timingSafeEqual(first, second);
    second.fill(0);
    if (!same) {
      first.fill(0);
      throw new VaultError('invalid-input', `the two values entered for secret '${opts.name}' do not match; nothing was stored`, opts.name);
    }
    return first;
  }
  return readAllStdin(stdin, opts.name);
}

async function readAllStdin(stdin: Readable, name: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of stdin) {
      const b = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk), 'utf8');
      chunks.push(b);
      total += b.length;
      if (total > MAX_SECRET_INPUT_BYTES + 2) {
        throw new VaultError('invalid-input', `value for secret '${name}' on stdin is larger than ${MAX_SECRET_INPUT_BYTES} bytes`, name);
      }
    }
    const all = Buffer.concat(chunks);
    // One trailing newline is how `echo` and most tools end a value; it is not part of the secret.
    let end = all.length;
    if (end > 0 && all[end - 1] === 0x0a) end--;
    if (end > 0 && all[end - 1] === 0x0d) end--;
    const value = Buffer.from(all.subarray(0, end));
    all.fill(0);
    if (value.length === 0) throw new VaultError('invalid-input', `no value for secret '${name}' on stdin; pipe it in, or run in a terminal to be prompted`, name);
    return value;
  } finally {
    for (const c of chunks) c.fill(0);
  }
}

/** Reads one line from a terminal in raw mode with no echo. */
function readHidden(
  stdin: Readable & { setRawMode?: (mode: boolean) => unknown },
  out: Writable,
  question: string,
): Promise<Buffer> {
  return new Promise<Buffer>((resolve, reject) => {
    const buf = Buffer.alloc(MAX_SECRET_INPUT_BYTES);
    let len = 0;
    const wasPaused = stdin.isPaused();
    const finish = (err: Error | undefined) => {
      stdin.off('data', onData);
      stdin.off('end', onEnd);
      stdin.setRawMode?.(false);
      if (wasPaused) stdin.pause();
      out.write('\n');
      if (err) {
        buf.fill(0);
        reject(err);
      } else {
        const value = Buffer.from(buf.subarray(0, len));
        buf.fill(0);
        resolve(value);
      }
    };
    const onEnd = () => finish(len > 0 ? undefined : new VaultError('invalid-input', 'input ended before a value was entered'));
    const onData = (chunk: Buffer | string) => {
      const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk, 'utf8');
      for (const byte of bytes) {
        if (byte === 0x0d || byte === 0x0a || byte === 0x04) {
          // Enter, or Ctrl-D: the value is complete.
          bytes.fill(0);
          if (len === 0) return finish(new VaultError('invalid-input', 'no value entered; nothing was stored'));
          return finish(undefined);
        }
        if (byte === 0x03) {
          bytes.fill(0);
          return finish(new VaultError('invalid-input', 'cancelled; nothing was stored'));
        }
        if (byte === 0x7f || byte === 0x08) {
          // Backspace: drop the last UTF-8 character (its continuation bytes, then its lead byte).
          while (len > 0 && (buf[len - 1]! & 0xc0) === 0x80) len--;
          if (len > 0) len--;
          buf.fill(0, len);
          continue;
        }
        if (byte === 0x15) {
          // Ctrl-U: clear the line.
          buf.fill(0);
          len = 0;
          continue;
        }
        if (byte < 0x20) continue; // other control characters (Tab, Escape, ...) are not part of values
        if (len >= buf.length) {
          bytes.fill(0);
          return finish(new VaultError('invalid-input', `value is larger than ${MAX_SECRET_INPUT_BYTES} bytes`));
        }
        buf[len++] = byte;
      }
      bytes.fill(0);
    };
    // Echo goes off before the question appears: whatever is typed once it shows is never echoed.
    stdin.setRawMode?.(true);
    out.write(question);
    stdin.on('data', onData);
    stdin.on('end', onEnd);
    stdin.resume();
  });
}
