/**
 * What tools a session may see and call: the per-server allow/deny lists from configuration, and
 * tool contract pinning. The first listing of a server is pinned (SHA-256 of each tool's canonical
 * contract); later listings are compared, and a changed or added tool is withheld — not listed,
 * calls refused — until an operator approves it (`airlock servers diff|approve`). Every change is
 * audited with the changed fields and the findings of a fresh description scan.
 *
 * Failure contract: when pins cannot be read or written, tools/list is withheld and tools/call is
 * refused, with the reason; nothing is exposed unchecked. A tools/call that arrives before the
 * session listed tools (or after the server announced a change) makes Airlock list the server's
 * tools itself first.
 */
import type { AuditLog } from '../audit/types.js';
import type { RecordedFinding } from '../inspect/pipeline.js';
import {
  compareToolsToPins,
  filterToolsByPolicy,
  isToolAllowed,
  toolContract,
  type ToolDefinition,
  type ToolFilter,
} from '../inspect/pinning/index.js';
import { ErrorCode, type JsonRpcNotification, type JsonRpcRequest } from './jsonrpc.js';
import type { PinRepository } from './pins/repository.js';
import type { Refusal, RelayHooks } from './relay.js';

export interface ToolGuardOptions {
  tenant: string;
  server: string;
  session: string;
  filter: ToolFilter;
  /** null turns pinning off (only the allow/deny lists apply). */
  pins: PinRepository | null;
  audit: AuditLog;
  /** Scans withheld tools' descriptions so the audit entry of a change carries what it contains. */
  scan?(tools: ToolDefinition[]): RecordedFinding[];
  /** Told which tools the session may use after each review. */
  onExposed?(names: string[]): void;
  /** Inspects one tool's contract (description surface); a `block` verdict withholds the tool. */
  judge?(tool: ToolDefinition): { verdict: string; findings: RecordedFinding[] };
}

const MAX_PAGES = 20;

export class ToolGuard {
  /** Names this session may call; null until the session's tools were checked. */
  private exposed: Set<string> | null = null;
  private checking: Promise<void> | null = null;
  private lister: (() => Promise<ToolDefinition[]>) | null = null;

  constructor(private readonly o: ToolGuardOptions) {}

  /** How to list the server's tools on Airlock's own behalf (through the session's relay). */
  useLister(lister: () => Promise<ToolDefinition[]>): void {
    this.lister = lister;
  }

  hooks(): RelayHooks {
    return {
      admitRequest: (req) => this.admit(req),
      transformResult: (method, result) => (method === 'tools/list' ? this.filterListing(result) : result),
      onUpstreamNotification: (n: JsonRpcNotification) => {
        if (n.method === 'notifications/tools/list_changed') this.exposed = null;
      },
    };
  }

  private admit(req: JsonRpcRequest): Refusal | null | Promise<Refusal | null> {
    if (req.method !== 'tools/call') return null;
    const name = typeof req.params?.name === 'string' ? req.params.name : '';
    if (!isToolAllowed(name, this.o.filter)) {
      return { code: ErrorCode.ToolNotApproved, message: `tool "${name}" of server ${this.o.server} is not allowed by this server's tools.allow/tools.deny policy` };
    }
    if (this.exposed) return this.decide(name);
    return this.checkNow().then(() => this.decide(name));
  }

  private decide(name: string): Refusal | null {
    if (this.exposed?.has(name)) return null;
    return {
      code: ErrorCode.ToolNotApproved,
      message: `tool "${name}" of server ${this.o.server} is not approved: it is new or changed since it was approved. Review it with \`airlock servers diff ${this.o.server}\` and approve it with \`airlock servers approve ${this.o.server}\`.`,
    };
  }

  private checkNow(): Promise<void> {
    if (!this.lister) return Promise.reject(new Error("cannot list the server's tools to check them"));
    this.checking ??= this.lister()
      .then((tools) => this.review(tools))
      .then(() => undefined)
      .finally(() => {
        this.checking = null;
      });
    return this.checking;
  }

  private async filterListing(result: Record<string, unknown>): Promise<Record<string, unknown>> {
    const tools = Array.isArray(result.tools) ? (result.tools as ToolDefinition[]) : [];
    const visible = await this.review(tools);
    return { ...result, tools: visible };
  }

  /**
   * Withholds tools whose contract the inspection pipeline blocks (poisoned descriptions), so one
   * poisoned tool does not take the whole listing down; each is audited with its findings.
   */
  private async withoutPoisoned(tools: ToolDefinition[]): Promise<ToolDefinition[]> {
    if (!this.o.judge) return tools;
    const clean: ToolDefinition[] = [];
    const poisoned: PoisonedTool[] = [];
    for (const t of tools) {
      const j = this.o.judge(t);
      if (j.verdict === 'block') poisoned.push({ name: typeof t.name === 'string' ? t.name : '', findings: j.findings });
      else clean.push(t);
    }
    if (poisoned.length > 0) {
      const { tenant, server, session } = this.o;
      await this.o.audit.append({ type: 'tools.poisoned', tenant, server, session, actor: 'system', data: { tools: poisoned } });
    }
    return clean;
  }

  /** Applies policy and pins to a listing; returns the tools the session may see. */
  private async review(tools: ToolDefinition[]): Promise<ToolDefinition[]> {
    const visible = await this.decideVisible(tools);
    this.o.onExposed?.(visible.map((t) => t.name));
    return visible;
  }

  private async decideVisible(tools: ToolDefinition[]): Promise<ToolDefinition[]> {
    const { tenant, server, session } = this.o;
    const allowed = await this.withoutPoisoned(filterToolsByPolicy(tools, this.o.filter));
    if (!this.o.pins) {
      this.exposed = new Set(allowed.map((t) => t.name));
      return allowed;
    }
    const pins = await this.o.pins.pins(tenant, server);
    if (pins.size === 0) {
      const pinned = await this.o.pins.approve(tenant, server, allowed, 'first-listing');
      await this.o.pins.observe(tenant, server, compareToolsToPins(allowed, pinned).currentSetHash, allowed.map(toolContract));
      await this.o.audit.append({ type: 'tools.pinned', tenant, server, session, actor: 'system', data: { via: 'first tools/list', tools: pinned.map((p) => ({ name: p.name, hash: p.hash })) } });
      this.exposed = new Set(allowed.map((t) => t.name));
      return allowed;
    }
    const cmp = compareToolsToPins(allowed, [...pins.values()]);
    const isNew = await this.o.pins.observe(tenant, server, cmp.currentSetHash, allowed.map(toolContract));
    if (!cmp.unchanged && isNew) {
      const withheld = [...cmp.added, ...allowed.filter((t) => cmp.changed.some((c) => c.name === t.name))];
      await this.o.audit.append({
        type: 'tools.changed',
        tenant,
        server,
        session,
        actor: 'system',
        data: {
          setHash: cmp.currentSetHash,
          changed: cmp.changed.map((c) => ({ name: c.name, pinnedHash: c.pinnedHash, currentHash: c.currentHash, fields: c.changes.map((f) => `${f.kind} ${f.path}`) })),
          added: cmp.added.map((t) => t.name),
          removed: cmp.removed.map((p) => p.name),
          findings: this.o.scan?.(withheld) ?? [],
        },
      });
    }
    this.exposed = new Set(cmp.approved.map((t) => t.name));
    return cmp.approved;
  }
}

export interface PoisonedTool {
  name: string;
  findings: RecordedFinding[];
}

/** Lists every page of a server's tools through the relay's own requests. */
export async function listAllTools(request: (method: string, params: Record<string, unknown>) => Promise<Record<string, unknown>>): Promise<ToolDefinition[]> {
  const tools: ToolDefinition[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const result = await request('tools/list', cursor ? { cursor } : {});
    if (Array.isArray(result.tools)) tools.push(...(result.tools as ToolDefinition[]));
    cursor = typeof result.nextCursor === 'string' ? result.nextCursor : undefined;
    if (!cursor) break;
  }
  return tools;
}
