/**
 * JSON-RPC 2.0 as MCP uses it: message classification, the error codes Airlock answers with, and the
 * MCP method table used to refuse what no MCP peer would send.
 */

export type RequestId = string | number;

export interface JsonRpcRequest {
  jsonrpc: '2.0';
  id: RequestId;
  method: string;
  params?: Record<string, unknown>;
}
export interface JsonRpcNotification {
  jsonrpc: '2.0';
  method: string;
  params?: Record<string, unknown>;
}
export interface JsonRpcResult {
  jsonrpc: '2.0';
  id: RequestId;
  result: Record<string, unknown>;
}
export interface JsonRpcErrorObject {
  code: number;
  message: string;
  data?: unknown;
}
export interface JsonRpcError {
  jsonrpc: '2.0';
  id: RequestId | null;
  error: JsonRpcErrorObject;
}
export type JsonRpcResponse = JsonRpcResult | JsonRpcError;
export type JsonRpcMessage = JsonRpcRequest | JsonRpcNotification | JsonRpcResponse;

export const ErrorCode = {
  ParseError: -32700,
  InvalidRequest: -32600,
  MethodNotFound: -32601,
  InvalidParams: -32602,
  InternalError: -32603,
  /** The pipeline blocked the message; `data` names the rules (never the matched value). */
  Blocked: -32001,
  /** The server is quarantined by the vulnerability guard. */
  Quarantined: -32002,
  /** The upstream server went away before answering. */
  UpstreamGone: -32003,
  /** The tool is not approved (changed since approval, or denied by policy). */
  ToolNotApproved: -32004,
  /** Airlock could not record the decision; nothing was forwarded (fail closed). */
  AuditUnavailable: -32005,
  /** The message exceeds a configured limit (size, nesting). */
  TooLarge: -32006,
} as const;

export type Classified =
  | { kind: 'request'; msg: JsonRpcRequest }
  | { kind: 'notification'; msg: JsonRpcNotification }
  | { kind: 'response'; msg: JsonRpcResponse }
  | { kind: 'invalid'; id: RequestId | null; reason: string };

function isId(v: unknown): v is RequestId {
  return typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v));
}

/** Classifies a parsed value without trusting any of it. */
export function classify(value: unknown): Classified {
  if (Array.isArray(value)) {
    return { kind: 'invalid', id: null, reason: 'JSON-RPC batches are not supported by MCP (removed in protocol 2025-06-18); send one message per frame' };
  }
  if (value === null || typeof value !== 'object') {
    return { kind: 'invalid', id: null, reason: 'a JSON-RPC message must be a JSON object' };
  }
  const m = value as Record<string, unknown>;
  const id = isId(m.id) ? m.id : null;
  if (m.jsonrpc !== '2.0') return { kind: 'invalid', id, reason: 'missing or wrong "jsonrpc" member: it must be the string "2.0"' };
  if ('method' in m) {
    if (typeof m.method !== 'string' || m.method.length === 0) return { kind: 'invalid', id, reason: '"method" must be a non-empty string' };
    if ('params' in m && (m.params === null || typeof m.params !== 'object' || Array.isArray(m.params))) {
      return { kind: 'invalid', id, reason: 'MCP "params" must be a JSON object' };
    }
    if ('id' in m) {
      if (!isId(m.id)) return { kind: 'invalid', id: null, reason: '"id" must be a string or a number' };
      return { kind: 'request', msg: m as unknown as JsonRpcRequest };
    }
    return { kind: 'notification', msg: m as unknown as JsonRpcNotification };
  }
  if ('result' in m || 'error' in m) {
    if (!isId(m.id)) return { kind: 'invalid', id: null, reason: 'a response must carry the "id" of the request it answers' };
    if ('result' in m && (m.result === null || typeof m.result !== 'object')) {
      return { kind: 'invalid', id, reason: '"result" must be a JSON object' };
    }
    if ('error' in m) {
      const e = m.error as Record<string, unknown> | null;
      if (!e || typeof e !== 'object' || typeof e.code !== 'number' || typeof e.message !== 'string') {
        return { kind: 'invalid', id, reason: '"error" must be an object with a numeric "code" and a string "message"' };
      }
    }
    return { kind: 'response', msg: m as unknown as JsonRpcResponse };
  }
  return { kind: 'invalid', id, reason: 'not a request, notification or response: no "method", "result" or "error" member' };
}

export function errorResponse(id: RequestId | null, code: number, message: string, data?: unknown): JsonRpcError {
  const error: JsonRpcErrorObject = { code, message };
  if (data !== undefined) error.data = data;
  return { jsonrpc: '2.0', id, error };
}

/** Map key for an id: 1 and "1" are different ids in JSON-RPC. */
export function idKey(id: RequestId): string {
  return typeof id === 'number' ? `n:${id}` : `s:${id}`;
}

/** Requests a client may send to a server (MCP 2025-06-18 and 2025-11-25). */
export const CLIENT_REQUEST_METHODS = new Set([
  'initialize',
  'ping',
  'tools/list',
  'tools/call',
  'resources/list',
  'resources/templates/list',
  'resources/read',
  'resources/subscribe',
  'resources/unsubscribe',
  'prompts/list',
  'prompts/get',
  'completion/complete',
  'logging/setLevel',
  'tasks/get',
  'tasks/list',
  'tasks/result',
  'tasks/cancel',
]);

/** Results that describe a server's surface (checked for tool poisoning rather than as data). */
export const DESCRIPTION_METHODS = new Set([
  'initialize',
  'tools/list',
  'prompts/list',
  'resources/list',
  'resources/templates/list',
]);

/** Extracts an id from the first bytes of a frame that could not be parsed as a whole (oversize). */
export function sniffId(prefix: string): RequestId | null {
  const m = /"id"\s*:\s*("(?:[^"\\]|\\.){0,200}"|-?\d{1,16})/.exec(prefix);
  if (!m) return null;
  try {
    const v = JSON.parse(m[1]!) as unknown;
    return isId(v) ? v : null;
  } catch {
    return null;
  }
}
