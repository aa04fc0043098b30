/**
 * Relays for non-HTTP ports the allowlist names (`db.internal:5432`). When Airlock's DNS answers an
 * allowlisted name, each (address, port) pair the policy opens gets a relay listener on the veth host
 * address and an nftables map element, expiring with the DNS TTL, that redirects the sandbox's
 * connections to that pair into the relay. The host never forwards: the relay dials the pair itself.
 *
 * Every connection is re-checked against the current policy (is some name that resolved to this address
 * still allowed on this port, and does the classifier still accept the address?) before dialling.
 *
 * Failure contract: a relay that cannot listen, or an nft element that cannot be added, rejects
 * `open`; the DNS server then answers SERVFAIL instead of an address the sandbox could not reach.
 */
import net from 'node:net';
import { checkDialAddress, type Cidr } from './address.js';
import { compileEgressPolicy, isAllowed, type EgressConfig } from './config.js';
import type { EgressEvent } from './events.js';

export type RelayEvent = Omit<EgressEvent, 'server' | 'session' | 'at'>;

export interface RelayManagerOptions {
  host: string;
  policyGetter: () => EgressConfig;
  /** May return the promise of the event's record: bytes are relayed only once it is written. */
  onEvent: (e: RelayEvent) => unknown;
  /** Installs or refreshes the redirect for (ip, port) → relayPort for ttl seconds. */
  openRedirect: (ip: string, port: number, relayPort: number, ttlSeconds: number) => Promise<void>;
  dialTimeoutMs?: number;
  /** Addresses never dialled whatever allowPrivate says (Airlock's egress pool). */
  never?: readonly Cidr[];
}

interface Relay {
  server: net.Server;
  port: number;
  names: Set<string>;
}

export interface RelayManager {
  open(name: string, ip: string, port: number, ttlSeconds: number): Promise<void>;
  close(): Promise<void>;
}

export function createRelayManager(opts: RelayManagerOptions): RelayManager {
  const relays = new Map<string, Promise<Relay>>();
  const sockets = new Set<net.Socket>();
  const track = (s: net.Socket): void => {
    sockets.add(s);
    s.once('close', () => sockets.delete(s));
  };

  const admit = (relay: Relay, ip: string, port: number): { ok: boolean; name: string; reason: string } => {
    let names = [...relay.names];
    try {
      const policy = compileEgressPolicy(opts.policyGetter());
      const v = checkDialAddress(ip, policy.allowPrivate, opts.never);
      if (!v.ok) return { ok: false, name: names[0] ?? ip, reason: v.reason };
      names = names.filter((n) => isAllowed(n, port, policy));
      if (names.length === 0) return { ok: false, name: [...relay.names][0] ?? ip, reason: 'not-allowlisted' };
      return { ok: true, name: names[0], reason: 'allowlisted' };
    } catch {
      return { ok: false, name: names[0] ?? ip, reason: 'policy-unavailable' };
    }
  };

  const start = (ip: string, port: number): Promise<Relay> =>
    new Promise((resolve, reject) => {
      const relay: Relay = { server: net.createServer(), port: 0, names: new Set() };
      relay.server.on('connection', (client) => {
        track(client);
        client.on('error', () => client.destroy());
        const a = admit(relay, ip, port);
        let recorded: unknown;
        try {
          recorded = opts.onEvent({ kind: 'tcp', name: a.name, port, ip, decision: a.ok ? 'allow' : 'deny', reason: a.reason });
        } catch (err) {
          recorded = Promise.reject(err);
        }
        if (!a.ok) {
          void Promise.resolve(recorded).catch(() => {});
          client.destroy();
          return;
        }
        const up = net.connect({ host: ip, port });
        track(up);
        const timer = setTimeout(() => up.destroy(), opts.dialTimeoutMs ?? 10_000);
        up.once('connect', () => clearTimeout(timer));
        const end = (): void => {
          clearTimeout(timer);
          client.destroy();
          up.destroy();
        };
        up.on('error', end);
        up.once('close', end);
        client.once('close', end);
        // Dialled at once; nothing is relayed until the attempt's record is written (fail closed).
        const relayBytes = (): void => {
          client.pipe(up);
          up.pipe(client);
        };
        if (recorded && typeof (recorded as PromiseLike<unknown>).then === 'function') Promise.resolve(recorded).then(relayBytes, end);
        else relayBytes();
      });
      relay.server.once('error', reject);
      relay.server.listen({ host: opts.host, port: 0, exclusive: true }, () => {
        relay.server.removeListener('error', reject);
        relay.port = (relay.server.address() as net.AddressInfo).port;
        resolve(relay);
      });
    });

  return {
    async open(name, ip, port, ttlSeconds) {
      if (!net.isIPv4(ip)) return;
      const key = `${ip}:${port}`;
      let pending = relays.get(key);
      if (!pending) {
        pending = start(ip, port);
        relays.set(key, pending);
        pending.catch(() => relays.delete(key));
      }
      const relay = await pending;
      relay.names.add(name);
      await opts.openRedirect(ip, port, relay.port, ttlSeconds);
    },
    async close() {
      for (const s of sockets) s.destroy();
      const all = await Promise.allSettled([...relays.values()]);
      await Promise.all(
        all.map((r) => (r.status === 'fulfilled' ? new Promise<void>((res) => r.value.server.close(() => res())) : Promise.resolve())),
      );
      relays.clear();
    },
  };
}
