/**
 * CycloneDX 1.6 JSON export of an inventory: one component per installed copy (bom-ref is the copy's
 * location, so two versions of one package are two components), npm integrity as hashes, and the
 * dependency graph where the source knows it.
 */
import { randomUUID } from 'node:crypto';
import type { Inventory } from './inventory.js';

const SRI_ALG: Record<string, string> = { sha512: 'SHA-512', sha384: 'SHA-384', sha256: 'SHA-256', sha1: 'SHA-1' };

function sriToHashes(integrity: string | undefined): { alg: string; content: string }[] {
  if (!integrity) return [];
  const out: { alg: string; content: string }[] = [];
  for (const part of integrity.split(/\s+/)) {
    const m = /^(sha\d+)-(.+)$/.exec(part);
    if (!m || !SRI_ALG[m[1]]) continue;
    out.push({ alg: SRI_ALG[m[1]], content: Buffer.from(m[2], 'base64').toString('hex') });
  }
  return out;
}

export function toCycloneDx(inv: Inventory, opts: { serverName?: string; toolVersion?: string; now?: () => Date } = {}): Record<string, unknown> {
  const rootRef = 'root';
  const refOf = (location: string) => `${location}`;
  const components = inv.packages.map((p) => {
    const hashes = sriToHashes(p.integrity);
    const scoped = p.ecosystem === 'npm' && p.name.startsWith('@') && p.name.includes('/');
    return {
      type: 'library',
      'bom-ref': refOf(p.location),
      ...(scoped ? { group: p.name.slice(0, p.name.indexOf('/')), name: p.name.slice(p.name.indexOf('/') + 1) } : { name: p.name }),
      version: p.version,
      purl: p.purl,
      ...(hashes.length ? { hashes } : {}),
      ...(p.dev ? { scope: 'excluded' } : {}),
      properties: [
        { name: 'airlock:ecosystem', value: p.ecosystem },
        ...(p.hasInstallScript ? [{ name: 'airlock:hasInstallScript', value: 'true' }] : []),
      ],
    };
  });
  const known = new Set(inv.packages.map((p) => p.location));
  const dependencies = inv.packages
    .filter((p) => p.dependsOn)
    .map((p) => ({ ref: refOf(p.location), dependsOn: [...new Set(p.dependsOn!.filter((d) => known.has(d)).map(refOf))] }));
  const topLevel = inv.packages.filter((p) => p.ecosystem !== 'npm' || !p.location.slice('node_modules/'.length).includes('node_modules/'));
  dependencies.unshift({ ref: rootRef, dependsOn: topLevel.map((p) => refOf(p.location)) });
  return {
    $schema: 'http://cyclonedx.org/schema/bom-1.6.schema.json',
    bomFormat: 'CycloneDX',
    specVersion: '1.6',
    serialNumber: `urn:uuid:${randomUUID()}`,
    version: 1,
    metadata: {
      timestamp: (opts.now ?? (() => new Date()))().toISOString(),
      tools: { components: [{ type: 'application', name: 'airlock', ...(opts.toolVersion ? { version: opts.toolVersion } : {}) }] },
      component: {
        type: 'application',
        'bom-ref': rootRef,
        name: opts.serverName ?? inv.root?.name ?? 'unknown',
        ...(inv.root?.version ? { version: inv.root.version } : {}),
      },
    },
    components,
    dependencies,
  };
}
