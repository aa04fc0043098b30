/**
 * The inspection pipeline: runs every enabled engine over a message's string leaves, applies the
 * policy's action rules to what they find, and produces one verdict and, where needed, a rewritten
 * message.
 *
 * Failure contract: an engine that throws does not get skipped. Its failure becomes a `block`
 * finding (engine `pipeline`, type `inspector-error`), so the message is refused with a reason.
 */
import { collectLeaves } from './leaves.js';
import { applyRedactions } from './redact.js';
import { recordFinding, type RecordedFinding } from './record.js';
import type { Action, Finding, InspectContext, Inspector, Surface, TextLeaf, Verdict } from './types.js';

/** A policy rule that changes the action for findings it matches; the last matching rule wins. */
export interface ActionRule {
  engine?: string;
  category?: string;
  type?: string;
  surface?: Surface;
  server?: string;
  tool?: string;
  action: Action;
}

export interface PipelineOptions {
  inspectors: readonly Inspector[];
  rules?: readonly ActionRule[];
  maxDepth: number;
  /** Salt for the hashes of matched values that go to the audit log. */
  auditSalt: string;
}

export type { RecordedFinding } from './record.js';

export interface MessageInspection {
  verdict: Verdict;
  findings: Finding[];
  recorded: RecordedFinding[];
  /** The message to forward: the input itself when the verdict is allow. */
  output: unknown;
}

const SEVERITY: Record<Action, number> = { allow: 0, alert: 1, redact: 2, block: 3 };

export class Pipeline {
  private rules: readonly ActionRule[];
  private opts: PipelineOptions;
  constructor(opts: PipelineOptions) {
    this.opts = opts;
    this.rules = opts.rules ?? [];
  }

  /** Swaps in engines and rules of a new policy version; open sessions use them from their next message. */
  replace(opts: PipelineOptions): void {
    this.opts = opts;
    this.rules = opts.rules ?? [];
  }

  get options(): PipelineOptions {
    return this.opts;
  }

  get empty(): boolean {
    return this.opts.inspectors.length === 0;
  }

  /** Inspects a JSON-RPC message (or any JSON value); string leaves are found by walking it. */
  inspectMessage(message: unknown, ctx: InspectContext): MessageInspection {
    const leaves = collectLeaves(message, this.opts.maxDepth);
    return this.run(leaves, message, ctx);
  }

  /**
   * Runs every engine once over small, ordinary messages of each surface, so that compiling their
   * patterns and loading their models happens now and not on a client's first message (about 0.3 s
   * on a 2-core machine). Results are discarded; an engine that throws here will throw again on
   * real traffic, where the pipeline blocks (fail closed).
   */
  warmUp(): void {
    if (this.empty) return;
    const text = 'Quarterly report: revenue grew 4% to $1.2M. Contact ops@example.com or see https://example.com/report?id=42 for details.';
    const samples: Array<[unknown, InspectContext]> = [
      [{ jsonrpc: '2.0', id: 0, method: 'tools/call', params: { name: 'search', arguments: { query: text } } }, { surface: 'request', server: 'warm-up', method: 'tools/call', tool: 'search' }],
      [{ jsonrpc: '2.0', id: 0, result: { content: [{ type: 'text', text }] } }, { surface: 'response', server: 'warm-up', method: 'tools/call', tool: 'search' }],
      [{ jsonrpc: '2.0', id: 0, result: { tools: [{ name: 'search', description: `Searches the reports. ${text}`, inputSchema: { type: 'object', properties: { query: { type: 'string', description: 'What to look for' } } } }] } }, { surface: 'description', server: 'warm-up', method: 'tools/list' }],
    ];
    for (let round = 0; round < 2; round++) {
      for (const [message, ctx] of samples) {
        try {
          this.inspectMessage(message, ctx);
        } catch {
          // Reported where it matters: on the real message, which is then blocked.
        }
      }
    }
  }

  /** Inspects plain text; findings have path `$` and offsets into `text`. */
  inspectText(text: string, ctx: InspectContext): MessageInspection {
    return this.run([{ path: '$', text }], text, ctx);
  }

  private run(leaves: TextLeaf[], input: unknown, ctx: InspectContext): MessageInspection {
    const findings: Finding[] = [];
    if (leaves.length > 0) {
      for (const inspector of this.opts.inspectors) {
        try {
          for (const f of inspector.inspect(leaves, ctx)) findings.push(f);
        } catch (err) {
          findings.push({
            engine: 'pipeline',
            category: 'error',
            type: 'inspector-error',
            start: 0,
            end: 0,
            path: '$',
            score: 1,
            action: 'block',
            detail: `the ${inspector.name} engine failed (${(err as Error).message}); the message was blocked because it could not be inspected`,
          });
        }
      }
    }
    if (findings.length === 0) return { verdict: 'allow', findings, recorded: [], output: input };

    let worst: Action = 'allow';
    for (const f of findings) {
      f.action = this.resolveAction(f, ctx);
      if (SEVERITY[f.action] > SEVERITY[worst]) worst = f.action;
    }
    const byPath = new Map<string, string>();
    for (const l of leaves) byPath.set(l.path, l.text);
    const recorded = findings.map((f) => this.record(f, byPath.get(f.path) ?? ''));
    if (worst === 'block') return { verdict: 'block', findings, recorded, output: input };
    if (worst === 'redact') {
      return { verdict: 'redact', findings, recorded, output: applyRedactions(input, findings.filter((f) => f.action === 'redact')) };
    }
    return { verdict: 'allow', findings, recorded, output: input };
  }

  private resolveAction(f: Finding, ctx: InspectContext): Action {
    let action = f.action;
    for (const r of this.rules) {
      if (r.engine !== undefined && r.engine !== f.engine) continue;
      if (r.category !== undefined && r.category !== f.category) continue;
      if (r.type !== undefined && r.type !== f.type) continue;
      if (r.surface !== undefined && r.surface !== ctx.surface) continue;
      if (r.server !== undefined && r.server !== ctx.server) continue;
      if (r.tool !== undefined && r.tool !== ctx.tool) continue;
      action = r.action;
    }
    // An engine failure is never downgraded by policy: it means "could not decide".
    return f.engine === 'pipeline' && f.category === 'error' ? 'block' : action;
  }

  private record(f: Finding, leafText: string): RecordedFinding {
    return recordFinding(f, leafText, this.opts.auditSalt);
  }
}

/** Text the caller sees when something is blocked: which rules fired and why, never the value. */
export function describeBlock(findings: readonly Finding[]): string {
  const blocking = findings.filter((f) => f.action === 'block');
  const parts = blocking.slice(0, 5).map((f) => `${f.engine}/${f.type} at ${f.path}${f.detail ? ` (${f.detail})` : ''}`);
  const more = blocking.length > 5 ? ` and ${blocking.length - 5} more` : '';
  return `Blocked by Airlock policy: ${parts.join('; ')}${more}.`;
}
