/**
 * The connection decision shared by every proxy path: allowlist on the name, resolution by Airlock,
 * and an address check on exactly the address that will be dialled.
 */
import { checkDialAddress, isMetadataName, type Cidr } from './address.js';
import { isAllowed, normalizeName, type EgressPolicy } from './config.js';
import { resolveForPolicy, type UpstreamResolver } from './resolve.js';

export type ConnectionDecision =
  | { allow: true; name: string; port: number; ip: string; reason: 'allowlisted' }
  | { allow: false; name: string; port: number; ip: string | null; reason: string };

/**
 * Decides whether `name:port` may be dialled and to which address.
 *
 * Failure contract: never throws. A name that is not a valid DNS name (address literals included),
 * a name not on the allowlist, a resolution failure, or a name whose every address is refused by the
 * address classifier all give `allow: false` with the reason.
 */
export async function decideConnection(
  rawName: string,
  port: number,
  policy: EgressPolicy,
  upstream: UpstreamResolver,
  never: readonly Cidr[] = [],
): Promise<ConnectionDecision> {
  const name = normalizeName(rawName);
  const shown = name ?? rawName.slice(0, 255);
  if (!name) return { allow: false, name: shown, port, ip: null, reason: 'not-a-name' };
  if (isMetadataName(name)) return { allow: false, name, port, ip: null, reason: 'metadata-name' };
  if (!isAllowed(name, port, policy)) return { allow: false, name, port, ip: null, reason: 'not-allowlisted' };
  let addresses: string[];
  try {
    addresses = (await resolveForPolicy(name, policy, upstream)).addresses;
  } catch {
    return { allow: false, name, port, ip: null, reason: 'resolution-failed' };
  }
  let firstRefusal: { ip: string; reason: string } | null = null;
  for (const a of addresses) {
    const v = checkDialAddress(a, policy.allowPrivate, never);
    if (v.ok) return { allow: true, name, port, ip: v.address, reason: 'allowlisted' };
    firstRefusal ??= { ip: a, reason: v.reason };
  }
  return { allow: false, name, port, ip: firstRefusal?.ip ?? null, reason: firstRefusal?.reason ?? 'no-addresses' };
}
