/**
 * servers list | diff | approve: the configured servers and their pinned tool contracts.
 */
import type { Command } from 'commander';
import { userInfo } from 'node:os';
import { diffTools, formatToolSetDiff, type ToolContract, type ToolDefinition } from '../../inspect/pinning/index.js';
import { PinRepository } from '../../gateway/pins/repository.js';
import { printJson, withRuntime } from '../context.js';
import type { Runtime } from '../../gateway/runtime.js';

/** The server's pins and its last listing; a server never listed yet is an error that says what to do. */
async function pinsAndListing(runtime: Runtime, name: string) {
  const repo = new PinRepository(runtime.store);
  const tenant = runtime.config.gateway.tenant;
  const seen = await repo.observation(tenant, name);
  if (!seen) throw new Error(`no tools/list of ${name} has been seen yet; connect a client to it first (its first listing is pinned)`);
  return { repo, tenant, seen, pins: await repo.pins(tenant, name) };
}

export function registerServerCommands(program: Command): void {
  const servers = program.command('servers').description('Configured servers and their approved tool contracts.');
  servers
    .command('list')
    .description('Servers in the configuration, with how many tools are pinned and whether the last listing differs.')
    .option('--json', 'print as JSON')
    .action(async (opts: { json?: boolean }, cmd: Command) => {
      await withRuntime(cmd, async (runtime) => {
        const repo = new PinRepository(runtime.store);
        const tenant = runtime.config.gateway.tenant;
        const rows = [];
        for (const [name, s] of Object.entries(runtime.config.servers)) {
          const pins = await repo.pins(tenant, name);
          const seen = await repo.observation(tenant, name);
          const diff = seen ? diffTools([...pins.values()].map((p) => p.contract), seen.tools) : null;
          const pending = diff ? diff.added.length + diff.changed.length : 0;
          rows.push({ name, kind: s.url ? 'remote' : 'stdio', isolation: s.url ? null : s.isolation, scope: s.scope, pinnedTools: pins.size, pendingApproval: pending, lastListed: seen?.seenAt ?? null });
        }
        if (opts.json) printJson(rows);
        else for (const r of rows) process.stdout.write(`${r.name.padEnd(20)} ${r.kind.padEnd(7)} ${String(r.isolation ?? '-').padEnd(8)} pinned ${r.pinnedTools}${r.pendingApproval ? `, ${r.pendingApproval} awaiting approval` : ''}\n`);
      });
    });
  servers
    .command('diff <name>')
    .description('Field-level diff between the approved tool contracts and what the server listed last.')
    .option('--json', 'print as JSON')
    .action(async (name: string, opts: { json?: boolean }, cmd: Command) => {
      await withRuntime(cmd, async (runtime) => {
        const { seen, pins } = await pinsAndListing(runtime, name);
        const diff = diffTools([...pins.values()].map((p) => p.contract), seen.tools);
        if (opts.json) printJson(diff);
        else {
          const text = formatToolSetDiff(diff);
          process.stdout.write(text.length > 0 ? `${text}\n` : `${name}: the last listing (${seen.seenAt}) matches the approved contracts\n`);
        }
        process.exitCode = diff.added.length + diff.changed.length + diff.removed.length > 0 ? 1 : 0;
      });
    });
  servers
    .command('approve <name>')
    .description('Approve the tools as the server listed them last (all, or only --tool ones).')
    .option('--tool <tool...>', 'approve only these tools')
    .option('--reason <text>', 'why (recorded in the audit log)')
    .action(async (name: string, opts: { tool?: string[]; reason?: string }, cmd: Command) => {
      await withRuntime(cmd, async (runtime) => {
        const { repo, tenant, seen } = await pinsAndListing(runtime, name);
        let tools: ToolContract[] = seen.tools;
        if (opts.tool) {
          const unknown = opts.tool.filter((t) => !seen.tools.some((s) => s.name === t));
          if (unknown.length) throw new Error(`${name} did not list ${unknown.join(', ')}`);
          tools = seen.tools.filter((t) => opts.tool!.includes(t.name));
        }
        const actor = `cli:${userInfo().username}`;
        const pins = await repo.approve(tenant, name, tools as ToolDefinition[], actor);
        if (!opts.tool) {
          const listed = new Set(seen.tools.map((t) => t.name));
          const stale = [...(await repo.pins(tenant, name)).keys()].filter((n) => !listed.has(n));
          await repo.forget(tenant, name, stale);
        }
        await runtime.audit.append({ type: 'tools.approved', tenant, server: name, actor, data: { tools: pins.map((p) => ({ name: p.name, hash: p.hash })), reason: opts.reason ?? null } });
        process.stdout.write(`approved ${pins.length} tool(s) of ${name}\n`);
      });
    });
}
