/**
 * Package URLs (https://github.com/package-url/purl-spec) for the ecosystems the inventory knows.
 */
import { normalizeEcosystem } from './osv-match.js';

const TYPE_TO_ECOSYSTEM: Record<string, string> = {
  npm: 'npm',
  pypi: 'PyPI',
  golang: 'Go',
  cargo: 'crates.io',
  maven: 'Maven',
  gem: 'RubyGems',
  nuget: 'NuGet',
};
const ECOSYSTEM_TO_TYPE: Record<string, string> = Object.fromEntries(Object.entries(TYPE_TO_ECOSYSTEM).map(([t, e]) => [e, t]));

function enc(s: string): string {
  return encodeURIComponent(s).replace(/%3A/gi, ':');
}

/** purl for a package; npm scopes become the namespace (`pkg:npm/%40scope/name@1.0.0`). */
export function toPurl(ecosystem: string, name: string, version: string): string {
  const eco = normalizeEcosystem(ecosystem);
  const type = ECOSYSTEM_TO_TYPE[eco] ?? eco.toLowerCase();
  let ns = '';
  let n = name;
  if (eco === 'npm' && name.startsWith('@') && name.includes('/')) {
    [ns, n] = [name.slice(0, name.indexOf('/')), name.slice(name.indexOf('/') + 1)];
  } else if (eco === 'Maven' && name.includes(':')) {
    [ns, n] = name.split(':', 2) as [string, string];
  } else if (eco === 'Go' && name.includes('/')) {
    ns = name.slice(0, name.lastIndexOf('/'));
    n = name.slice(name.lastIndexOf('/') + 1);
  }
  const nsPart = ns ? ns.split('/').map(enc).join('/') + '/' : '';
  return `pkg:${type}/${nsPart}${enc(n)}@${enc(version)}`;
}

export interface ParsedPurl {
  ecosystem: string;
  name: string;
  version: string | null;
}

/** Parses a purl into an OSV ecosystem and package name; null when the type is not one we match. */
export function parsePurl(purl: string): ParsedPurl | null {
  const m = /^pkg:([a-zA-Z][a-zA-Z0-9.+-]*)\/([^?#]+?)(?:@([^?#]+))?(?:\?[^#]*)?(?:#.*)?$/.exec(purl.trim());
  if (!m) return null;
  const type = m[1].toLowerCase();
  const ecosystem = TYPE_TO_ECOSYSTEM[type];
  if (!ecosystem) return null;
  const segments = m[2].split('/').filter(Boolean).map((s) => decodeURIComponent(s));
  const version = m[3] ? decodeURIComponent(m[3]) : null;
  let name: string;
  if (ecosystem === 'Maven') name = segments.join(':');
  else name = segments.join('/');
  return { ecosystem, name, version };
}
