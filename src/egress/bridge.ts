/**
 * The in-sandbox half of the bwrap tier's egress: a launcher that listens on the sandbox's own
 * loopback, forwards every TCP connection to Airlock's explicit proxy over a Unix socket bound into
 * the sandbox, and then runs the server as its child.
 *
 * The launcher is written next to the socket (in the bridge's private directory) when the bridge is
 * prepared, so it exists wherever Airlock runs from (source or build) and needs nothing but the
 * `node` on the read-only host root. It decides nothing: every name is decided by the proxy outside
 * the sandbox, and the sandbox has no other network than loopback (`--unshare-net`).
 *
 * Failure contract: when the loopback port cannot be listened on, the launcher exits 125 before the
 * server starts (the session fails to start rather than run without its proxy).
 */

/** Where the bridge's directory (socket and launcher) appears inside the sandbox. */
export const BRIDGE_INSIDE_DIR = '/run/airlock-egress';
export const BRIDGE_SOCKET_NAME = 'proxy.sock';
export const BRIDGE_LAUNCHER_NAME = 'bridge.mjs';
/** Port on which the in-sandbox bridge listens on loopback. */
export const BRIDGE_INSIDE_PORT = 3128;

/**
 * argv: <socket path> <loopback port> <command> [args…]. The server inherits stdin, stdout and
 * stderr (the MCP stdio channel passes straight through), and signals sent to the launcher.
 */
export const BRIDGE_LAUNCHER_SOURCE = `// Airlock egress bridge (generated). Loopback TCP -> Unix socket of Airlock's egress proxy.
import net from 'node:net';
import { spawn } from 'node:child_process';
import { constants } from 'node:os';

const [socketPath, portText, command, ...args] = process.argv.slice(2);
const server = net.createServer({ noDelay: true }, (inside) => {
  const proxy = net.connect(socketPath);
  const end = () => {
    inside.destroy();
    proxy.destroy();
  };
  inside.on('error', end);
  proxy.on('error', end);
  inside.on('close', end);
  proxy.on('close', end);
  inside.pipe(proxy);
  proxy.pipe(inside);
});
server.on('error', (err) => {
  process.stderr.write('airlock egress bridge: cannot listen on 127.0.0.1:' + portText + ': ' + err.message + '\\n');
  process.exit(125);
});
server.listen({ host: '127.0.0.1', port: Number(portText), exclusive: true }, () => {
  const child = spawn(command, args, { stdio: 'inherit' });
  for (const sig of ['SIGTERM', 'SIGINT', 'SIGHUP']) process.on(sig, () => child.kill(sig));
  child.on('error', (err) => {
    process.stderr.write('airlock egress bridge: cannot start ' + command + ': ' + err.message + '\\n');
    process.exit(127);
  });
  child.on('exit', (code, signal) => process.exit(code ?? 128 + (constants.signals[signal] ?? 0)));
});
`;
