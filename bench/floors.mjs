/**
 * The two floors `npm run bench` measures Airlock against, so its ratios can be read against what no
 * relay can go below on the same machine in the same run:
 *
 *   node bench/floors.mjs copy -- <command> [args…]   a stdio relay that copies bytes both ways and
 *                                                      looks at nothing (one process hop, like `airlock run`)
 *   node bench/floors.mjs http <port>                  an HTTP server that answers initialize and
 *                                                      tools/call echo at once, with no upstream at all
 *
 * Neither is a product: they have no framing, no parsing, no audit and no errors worth the name.
 */
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';

const [mode, ...rest] = process.argv.slice(2);
if (mode === 'copy') {
  const [command, ...args] = rest[0] === '--' ? rest.slice(1) : rest;
  const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'inherit'] });
  process.stdin.pipe(child.stdin);
  child.stdout.pipe(process.stdout);
  child.on('exit', (code) => process.exit(code ?? 1));
} else if (mode === 'http') {
  const server = createServer((req, res) => {
    const chunks = [];
    req.on('data', (d) => chunks.push(d));
    req.on('end', () => {
      if (req.method !== 'POST') return void res.writeHead(405).end();
      const m = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      if (m.id === undefined) return void res.writeHead(202).end();
      const result =
        m.method === 'initialize'
          ? { protocolVersion: m.params.protocolVersion, capabilities: { tools: {} }, serverInfo: { name: 'floor', version: '1' } }
          : { content: [{ type: 'text', text: `Echo: ${m.params.arguments.message}` }] };
      res.writeHead(200, { 'content-type': 'application/json', 'mcp-session-id': 'floor' }).end(JSON.stringify({ jsonrpc: '2.0', id: m.id, result }));
    });
  });
  server.listen(Number(rest[0]), '127.0.0.1', () => process.stdout.write(`listening on http://127.0.0.1:${rest[0]}\n`));
} else {
  process.stderr.write('usage: node bench/floors.mjs copy -- <command> [args…] | http <port>\n');
  process.exit(2);
}
