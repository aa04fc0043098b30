/**
 * `airlock inspect --jsonl`: the stable contract through which detection quality is measured.
 *
 * Input, one JSON object per line:
 *   {"id": "...", "surface": "request"|"response"|"description", "text": "..."}
 *   {"id": "...", "surface": "...", "message": <a JSON-RPC message>}
 * optionally with "context": {"server": "...", "tool": "...", "tools": [{"server","name"}], "ownHosts": [...]}.
 * Output, one line per input line, in order:
 *   {"id": "...", "verdict": "allow"|"redact"|"block", "findings": [{engine, category, type, start, end, path, score}], "output": ...}
 * A line that cannot be read yields {"id": ..., "error": "..."} and the stream goes on.
 */
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { Pipeline } from '../inspect/pipeline.js';
import type { InspectContext, Surface, ToolRef } from '../inspect/types.js';

const SURFACES = new Set<Surface>(['request', 'response', 'description']);

export async function inspectJsonl(pipeline: Pipeline, input: Readable, output: Writable): Promise<{ lines: number; errors: number }> {
  const rl = createInterface({ input, crlfDelay: Infinity });
  let lines = 0;
  let errors = 0;
  for await (const line of rl) {
    if (line.trim().length === 0) continue;
    lines++;
    const out = inspectLine(pipeline, line);
    if ('error' in out) errors++;
    if (!output.write(JSON.stringify(out) + '\n')) await new Promise((r) => output.once('drain', r));
  }
  return { lines, errors };
}

export function inspectLine(pipeline: Pipeline, line: string): Record<string, unknown> {
  let obj: Record<string, unknown>;
  try {
    const parsed = JSON.parse(line) as unknown;
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return { id: null, error: 'each line must be a JSON object' };
    obj = parsed as Record<string, unknown>;
  } catch (err) {
    return { id: null, error: `line is not valid JSON: ${(err as Error).message}` };
  }
  const id = obj.id ?? null;
  const surface = (obj.surface ?? 'response') as Surface;
  if (!SURFACES.has(surface)) return { id, error: `"surface" must be one of request, response, description` };
  const c = (obj.context ?? {}) as Record<string, unknown>;
  const ctx: InspectContext = {
    surface,
    server: typeof c.server === 'string' ? c.server : 'inspect',
    tool: typeof c.tool === 'string' ? c.tool : undefined,
    method: typeof c.method === 'string' ? c.method : undefined,
    tools: Array.isArray(c.tools) ? (c.tools as ToolRef[]) : undefined,
    ownHosts: Array.isArray(c.ownHosts) ? (c.ownHosts as string[]) : undefined,
  };
  try {
    let result;
    if (typeof obj.text === 'string') result = pipeline.inspectText(obj.text, ctx);
    else if ('message' in obj) result = pipeline.inspectMessage(obj.message, ctx);
    else return { id, error: 'each line needs "text" (a string) or "message" (a JSON-RPC message)' };
    return {
      id,
      verdict: result.verdict,
      findings: result.findings.map((f) => ({
        engine: f.engine,
        category: f.category,
        type: f.type,
        start: f.start,
        end: f.end,
        path: f.path,
        score: f.score,
        action: f.action,
      })),
      output: result.output,
    };
  } catch (err) {
    return { id, error: (err as Error).message };
  }
}
