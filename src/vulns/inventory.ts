/**
 * Inventory: every package (every copy, at every version) that a server's code is made of.
 *
 * Sources: an npm install directory (node_modules as it is on disk, read by @npmcli/arborist's
 * loadActual), an npm lockfile (loadVirtual, no node_modules needed), a Python site-packages directory
 * (`*.dist-info/METADATA`, `*.egg-info/PKG-INFO`) and a CycloneDX JSON SBOM for anything else.
 *
 * Failure contract: when a source cannot be read or is not what it claims to be, these functions
 * throw {@link InventoryError} saying what failed and what to do. They never return a partial or
 * empty inventory in its place: quarantine treats an unreadable inventory as a reason to quarantine.
 */
import { readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import Arborist, { type ArboristNode } from '@npmcli/arborist';
import { normalizeEcosystem, type PackageRef } from './osv-match.js';
import { normalizePypiName } from './pep440.js';
import { parsePurl, toPurl } from './purl.js';

export interface InventoryPackage extends PackageRef {
  purl: string;
  /** Where this copy lives: `node_modules/a/node_modules/b`, a dist-info directory, a bom-ref. */
  location: string;
  integrity?: string;
  resolved?: string;
  hasInstallScript?: boolean;
  dev?: boolean;
  optional?: boolean;
  /** Locations of the copies this one depends on (npm only). */
  dependsOn?: string[];
}

export type InventorySourceKind = 'npm-dir' | 'npm-lockfile' | 'python-site' | 'cyclonedx';

export interface Inventory {
  source: { kind: InventorySourceKind; path: string };
  root: { name: string; version: string } | null;
  packages: InventoryPackage[];
  /** Components that could not be identified (no purl, no ecosystem); they cannot be matched. */
  unidentified: string[];
}

export class InventoryError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'InventoryError';
  }
}

function fromArborist(tree: ArboristNode, kind: InventorySourceKind, where: string): Inventory {
  const packages: InventoryPackage[] = [];
  const unidentified: string[] = [];
  for (const node of tree.inventory.values()) {
    if (node.isRoot || node.isLink) continue;
    const name = node.packageName ?? node.name;
    if (!node.version) {
      unidentified.push(node.location);
      continue;
    }
    const deps: string[] = [];
    for (const e of node.edgesOut.values()) {
      const to = e.to?.isLink ? e.to.target : e.to;
      if (to && !to.isRoot) deps.push(to.location);
    }
    packages.push({
      ecosystem: 'npm',
      name,
      version: node.version,
      purl: toPurl('npm', name, node.version),
      location: node.location,
      ...(node.integrity ? { integrity: node.integrity } : {}),
      ...(node.resolved ? { resolved: node.resolved } : {}),
      hasInstallScript: !!node.hasInstallScript || hasScriptsInManifest(node.package),
      dev: !!node.dev,
      optional: !!node.optional,
      dependsOn: deps,
    });
  }
  const rootName = (tree.package.name as string | undefined) ?? path.basename(where);
  const rootVersion = (tree.package.version as string | undefined) ?? '0.0.0';
  return { source: { kind, path: where }, root: { name: rootName, version: rootVersion }, packages, unidentified };
}

function hasScriptsInManifest(pkg: Record<string, unknown>): boolean {
  const scripts = pkg.scripts as Record<string, unknown> | undefined;
  return !!scripts && ['preinstall', 'install', 'postinstall'].some((k) => typeof scripts[k] === 'string');
}

/** Everything installed under `dir/node_modules`, as it is on disk. */
export async function inventoryNpmDir(dir: string): Promise<Inventory> {
  const nm = path.join(dir, 'node_modules');
  try {
    await stat(nm);
  } catch (err) {
    throw new InventoryError(`cannot read ${nm}: ${(err as Error).message}; install the server first (or check the path)`, { cause: err });
  }
  try {
    const tree = await new Arborist({ path: dir }).loadActual();
    return fromArborist(tree, 'npm-dir', dir);
  } catch (err) {
    throw new InventoryError(`cannot read the dependency tree in ${dir}: ${(err as Error).message}`, { cause: err });
  }
}

/** Everything an npm lockfile (package-lock.json / npm-shrinkwrap.json, v2 or v3) would install. */
export async function inventoryNpmLockfile(lockfile: string): Promise<Inventory> {
  const dir = path.dirname(path.resolve(lockfile));
  const base = path.basename(lockfile);
  let raw: string;
  try {
    raw = await readFile(lockfile, 'utf8');
  } catch (err) {
    throw new InventoryError(`cannot read lockfile ${lockfile}: ${(err as Error).message}`, { cause: err });
  }
  let parsed: { lockfileVersion?: number; packages?: Record<string, unknown> };
  try {
    parsed = JSON.parse(raw);
  } catch (err) {
    throw new InventoryError(`lockfile ${lockfile} is not valid JSON: ${(err as Error).message}`, { cause: err });
  }
  if (!parsed.packages || (parsed.lockfileVersion ?? 1) < 2) {
    throw new InventoryError(`lockfile ${lockfile} has lockfileVersion ${parsed.lockfileVersion ?? 1}; regenerate it with npm 7 or newer (lockfileVersion 2 or 3)`);
  }
  if (base !== 'package-lock.json' && base !== 'npm-shrinkwrap.json') {
    throw new InventoryError(`lockfile must be named package-lock.json or npm-shrinkwrap.json, got ${base}`);
  }
  try {
    const tree = await new Arborist({ path: dir }).loadVirtual();
    return fromArborist(tree, 'npm-lockfile', lockfile);
  } catch (err) {
    throw new InventoryError(`cannot load lockfile ${lockfile}: ${(err as Error).message}`, { cause: err });
  }
}

/** Reads the `Name` and `Version` headers of a core-metadata file (RFC 822 style, headers end at a blank line). */
export function parseCoreMetadata(text: string): { name: string; version: string } | null {
  let name: string | undefined;
  let version: string | undefined;
  for (const line of text.split(/\r?\n/)) {
    if (line === '') break;
    const m = /^(Name|Version):\s*(.*?)\s*$/i.exec(line);
    if (!m) continue;
    if (m[1].toLowerCase() === 'name') name ??= m[2];
    else version ??= m[2];
  }
  return name && version ? { name, version } : null;
}

/** Every distribution installed in a Python site-packages directory. */
export async function inventoryPythonSite(dir: string): Promise<Inventory> {
  let entries: string[];
  try {
    entries = await readdir(dir);
  } catch (err) {
    throw new InventoryError(`cannot read Python site directory ${dir}: ${(err as Error).message}`, { cause: err });
  }
  const packages: InventoryPackage[] = [];
  const unidentified: string[] = [];
  for (const entry of entries.sort()) {
    const file = entry.endsWith('.dist-info') ? 'METADATA' : entry.endsWith('.egg-info') ? 'PKG-INFO' : null;
    if (!file) continue;
    const metaPath = path.join(dir, entry, file);
    let text: string;
    try {
      text = await readFile(metaPath, 'utf8');
    } catch (err) {
      throw new InventoryError(`cannot read ${metaPath}: ${(err as Error).message}; the environment is damaged, reinstall it`, { cause: err });
    }
    const meta = parseCoreMetadata(text);
    if (!meta) {
      unidentified.push(entry);
      continue;
    }
    // Wheels run nothing at install; an egg-info install ran setup.py.
    const hasInstallScript = entry.endsWith('.egg-info');
    packages.push({
      ecosystem: 'PyPI',
      name: meta.name,
      version: meta.version,
      purl: toPurl('PyPI', normalizePypiName(meta.name), meta.version),
      location: path.join(dir, entry),
      hasInstallScript,
    });
  }
  if (packages.length === 0 && unidentified.length === 0) {
    throw new InventoryError(`${dir} contains no *.dist-info or *.egg-info directories; point --python-site at the environment's site-packages`);
  }
  return { source: { kind: 'python-site', path: dir }, root: null, packages, unidentified };
}

interface CdxComponent {
  'bom-ref'?: string;
  type?: string;
  name?: string;
  group?: string;
  version?: string;
  purl?: string;
  components?: CdxComponent[];
}

/** Imports a CycloneDX JSON SBOM (1.2 to 1.6). Components without a purl are listed as unidentified. */
export async function inventoryCycloneDx(file: string): Promise<Inventory> {
  let bom: { bomFormat?: string; specVersion?: string; metadata?: { component?: CdxComponent }; components?: CdxComponent[] };
  try {
    bom = JSON.parse(await readFile(file, 'utf8'));
  } catch (err) {
    throw new InventoryError(`cannot read CycloneDX SBOM ${file}: ${(err as Error).message}`, { cause: err });
  }
  if (bom.bomFormat !== 'CycloneDX') {
    throw new InventoryError(`${file} is not a CycloneDX JSON document (bomFormat is ${JSON.stringify(bom.bomFormat)})`);
  }
  const packages: InventoryPackage[] = [];
  const unidentified: string[] = [];
  const walk = (list: CdxComponent[] | undefined) => {
    for (const c of list ?? []) {
      const p = c.purl ? parsePurl(c.purl) : null;
      if (p && p.version) {
        packages.push({
          ecosystem: p.ecosystem,
          name: p.name,
          version: p.version,
          purl: c.purl!,
          location: c['bom-ref'] ?? c.purl!,
        });
      } else {
        unidentified.push(c['bom-ref'] ?? [c.group, c.name, c.version].filter(Boolean).join(':'));
      }
      walk(c.components);
    }
  };
  walk(bom.components);
  const mc = bom.metadata?.component;
  return {
    source: { kind: 'cyclonedx', path: file },
    root: mc?.name ? { name: mc.name, version: mc.version ?? '' } : null,
    packages,
    unidentified,
  };
}

/** Unique (ecosystem, name, version) triples of an inventory, for matching. */
export function distinctPackages(inv: Inventory): PackageRef[] {
  const seen = new Map<string, PackageRef>();
  for (const p of inv.packages) {
    const key = `${normalizeEcosystem(p.ecosystem)}\u0000${p.name}\u0000${p.version}`;
    if (!seen.has(key)) seen.set(key, { ecosystem: p.ecosystem, name: p.name, version: p.version });
  }
  return [...seen.values()];
}

export type CheckTarget = { lockfile: string } | { sbom: string } | { pythonSite: string } | { npmDir: string };

/** Reads an inventory from whichever source the target names. Throws InventoryError when it cannot. */
export async function readInventory(target: CheckTarget): Promise<Inventory> {
  if ('lockfile' in target) return inventoryNpmLockfile(target.lockfile);
  if ('sbom' in target) return inventoryCycloneDx(target.sbom);
  if ('pythonSite' in target) return inventoryPythonSite(target.pythonSite);
  return inventoryNpmDir(target.npmDir);
}
