/**
 * Run on a real pseudo-terminal by prompt.test.ts. Prints only a hash of what it read, so any copy of
 * the value in the terminal output can only come from echo.
 * Mode `hidden` uses the vault's prompt; mode `echo` reads a line the ordinary way (the control).
 */
import { createHash } from 'node:crypto';
import { createInterface } from 'node:readline/promises';
import { readSecretValue } from '../../src/vault/prompt.js';

const mode = process.argv[2];
let value: Buffer;
if (mode === 'hidden') {
  value = await readSecretValue({ name: 'github-token', confirm: process.argv[3] === 'confirm' });
} else {
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  value = Buffer.from(await rl.question("Value for secret 'github-token' (input hidden): "));
  rl.close();
}
process.stdout.write(`\nSHA256:${createHash('sha256').update(value).digest('hex')}\n`);
process.exit(0);
