/**
 * doctor; vulns update | check | status; servers install | inventory | upgrade | override.
 */
import type { Command } from 'commander';
import { userInfo } from 'node:os';
import { formatDoctor, doctorExitCode, runDoctor } from '../../sandbox/index.js';
import {
  exportSbom,
  feedStatus,
  formatCheckReport,
  getQuarantineState,
  installServer,
  overrideQuarantine,
  serversInventory,
  upgradeServer,
  vulnsCheck,
  vulnsUpdate,
  type CheckTarget,
} from '../../vulns/index.js';
import { serverPrefix } from '../../gateway/start-server.js';
import { evaluateServers } from '../../gateway/vulns-guard.js';
import { printJson, withRuntime } from '../context.js';
import type { Runtime } from '../../gateway/runtime.js';

const actor = () => `cli:${userInfo().username}`;

function packageOf(rt: Runtime, name: string): string {
  const s = rt.config.servers[name];
  if (!s) throw new Error(`no server named "${name}" in the configuration`);
  if (!s.package) throw new Error(`${name} is not declared with "package:"; only package servers are installed and pinned by Airlock`);
  return s.package;
}

export function registerVulnCommands(program: Command): void {
  program
    .command('doctor')
    .description('Which isolation tier this machine gets and why, with the command that fixes each missing piece. Exit 0 when gVisor is usable.')
    .option('--json', 'print as JSON')
    .action(async (opts: { json?: boolean }) => {
      const report = await runDoctor();
      if (opts.json) printJson(report);
      else process.stdout.write(formatDoctor(report) + '\n');
      process.exitCode = doctorExitCode(report);
    });

  const vulns = program.command('vulns').description('Advisories (OSV) and dependency checks.');
  vulns
    .command('update')
    .description('Import advisories now from the configured sources, or from --source (an OSV all.zip, a directory of OSV JSON, a file or a URL).')
    .option('--source <path|url...>', 'sources to import instead of the configured ones')
    .option('--json', 'print as JSON')
    .action(async (opts: { source?: string[]; json?: boolean }, cmd: Command) => {
      await withRuntime(cmd, async (rt) => {
        const sources = opts.source ?? rt.config.vulns.feed.sources;
        if (sources.length === 0) throw new Error('no advisory sources configured (vulns.feed.sources) and none given with --source');
        const results = [];
        for (const source of sources) {
          process.stderr.write(`importing ${source} …\n`);
          results.push({ ...(await vulnsUpdate(rt.store, { source, audit: rt.audit, actor: actor() })), source });
        }
        const quarantined = await evaluateServers(rt);
        if (opts.json) printJson({ results, quarantined });
        else for (const r of results) process.stdout.write(`${r.source}: ${JSON.stringify({ ...r, source: undefined })}\n`);
      });
    });
  vulns
    .command('check')
    .description('Check a dependency tree against the advisory store; exits 1 when anything matches, 2 when the check itself fails (usable in CI).')
    .option('--lockfile <path>', 'an npm package-lock.json')
    .option('--sbom <file>', 'a CycloneDX JSON SBOM')
    .option('--python-site <dir>', 'a Python site-packages directory (*.dist-info)')
    .option('--json', 'print as JSON')
    .action(async (opts: { lockfile?: string; sbom?: string; pythonSite?: string; json?: boolean }, cmd: Command) => {
      const targets: CheckTarget[] = [];
      if (opts.lockfile) targets.push({ lockfile: opts.lockfile });
      if (opts.sbom) targets.push({ sbom: opts.sbom });
      if (opts.pythonSite) targets.push({ pythonSite: opts.pythonSite });
      // 2, not 1, when nothing could be checked: CI must tell "vulnerable" from "not checked".
      process.exitCode = 2;
      if (targets.length !== 1) throw new Error('give exactly one of --lockfile, --sbom or --python-site');
      await withRuntime(cmd, async (rt) => {
        const result = await vulnsCheck(rt.store, targets[0]!);
        if (opts.json) printJson(result);
        else process.stdout.write(formatCheckReport(result) + '\n');
        process.exitCode = result.matches.length > 0 ? 1 : 0;
      });
    });
  vulns
    .command('status')
    .description('Age of the advisory data and the quarantine state of every server.')
    .option('--json', 'print as JSON')
    .action(async (opts: { json?: boolean }, cmd: Command) => {
      await withRuntime(cmd, async (rt) => {
        const feed = await feedStatus(rt.store, { maxAgeMs: rt.config.vulns.feed.maxAgeHours * 3600_000 });
        const servers = [];
        for (const name of Object.keys(rt.config.servers)) servers.push({ name, state: await getQuarantineState(rt.store, name, { tenant: rt.config.gateway.tenant }) });
        if (opts.json) printJson({ feed, servers });
        else {
          process.stdout.write(feed.warning ? `warning: ${feed.warning}\n` : `advisories: ${feed.advisories}, newest import ${Math.round((feed.ageMs ?? 0) / 3600_000)} h ago\n`);
          for (const s of servers) process.stdout.write(`${s.name.padEnd(20)} ${s.state?.state ?? 'not evaluated'}\n`);
        }
      });
    });

  const servers = program.commands.find((c) => c.name() === 'servers')!;
  servers
    .command('install <name>')
    .description('Install a package server into its own prefix (install scripts disabled, lockfile pinned) and scan it.')
    .action(async (name: string, _o: unknown, cmd: Command) => {
      await withRuntime(cmd, async (rt) => {
        const pin = await installServer({ prefix: serverPrefix(rt.home, name), spec: packageOf(rt, name), audit: rt.audit, server: name });
        await evaluateServers(rt);
        process.stdout.write(`installed ${pin.name}@${pin.version} (${pin.integrity.slice(0, 20)}…)\n`);
      });
    });
  servers
    .command('upgrade <name>')
    .description('Upgrade an installed package server (audited), then re-scan it; a fixed version releases a quarantine.')
    .option('--to <version>', 'target version or range (default: latest)')
    .action(async (name: string, opts: { to?: string }, cmd: Command) => {
      await withRuntime(cmd, async (rt) => {
        packageOf(rt, name);
        const r = await upgradeServer({ prefix: serverPrefix(rt.home, name), to: opts.to, audit: rt.audit, server: name });
        await evaluateServers(rt);
        process.stdout.write(`${name}: ${r.from.name}@${r.from.version} → ${r.to.version}\n`);
      });
    });
  servers
    .command('inventory <name>')
    .description('The full dependency tree of an installed package server; --sbom prints CycloneDX 1.6 JSON.')
    .option('--sbom', 'CycloneDX 1.6 JSON')
    .option('--json', 'print as JSON')
    .action(async (name: string, opts: { sbom?: boolean; json?: boolean }, cmd: Command) => {
      await withRuntime(cmd, async (rt) => {
        packageOf(rt, name);
        const prefix = serverPrefix(rt.home, name);
        if (opts.sbom) return printJson(await exportSbom(prefix, name));
        const inv = await serversInventory(prefix);
        if (opts.json) return printJson(inv);
        for (const p of inv.packages) process.stdout.write(`${p.name}@${p.version}\n`);
      });
    });
  servers
    .command('override <name>')
    .description('Admin override of a quarantine, with a reason and an expiry (audited).')
    .requiredOption('--reason <text>', 'why the risk is accepted')
    .requiredOption('--expires <iso-date>', 'when the override ends, e.g. 2026-12-31T00:00:00Z')
    .action(async (name: string, opts: { reason: string; expires: string }, cmd: Command) => {
      await withRuntime(cmd, async (rt) => {
        const state = await overrideQuarantine(rt.store, name, { reason: opts.reason, expires: opts.expires, by: actor() }, { audit: rt.audit, tenant: rt.config.gateway.tenant });
        process.stdout.write(`${name}: ${state.state}\n`);
      });
    });
}
