/**
 * Types shared by every inspection engine and by the pipeline that composes them.
 *
 * Inspectors are pure functions: (input, context) → findings. They never do I/O, never keep state
 * between calls and never see anything but what is handed to them here. Everything stateful (the
 * approved tool pins, registered secret values, the list of servers) reaches them through
 * {@link InspectContext}, prepared by the caller at the edge.
 */

/** What kind of traffic is being inspected. `description` is tools/list, prompts/list and similar metadata. */
export type Surface = 'request' | 'response' | 'description';

/** The final decision on one message. */
export type Verdict = 'allow' | 'redact' | 'block';

/** What to do about one finding. `alert` records it and lets the message through unchanged. */
export type Action = 'allow' | 'alert' | 'redact' | 'block';

/** One string inside a message, with the JSON path that leads to it (`$` for plain text input). */
export interface TextLeaf {
  readonly path: string;
  readonly text: string;
}

export interface Finding {
  /** Engine that produced it: `dlp`, `injection`, `exploits`, `pinning`, `pipeline`. */
  engine: string;
  /** Broad class: `secret`, `pii`, `injection`, `tool-poisoning`, `exploit`, `pinning`, `error`. */
  category: string;
  /** Rule id, stable across releases: `aws-access-key-id`, `credit-card`, `log4shell`. */
  type: string;
  /** JavaScript string index into the leaf text (start inclusive, end exclusive). */
  start: number;
  end: number;
  /** JSON path of the leaf the finding is in (`$` for plain text). */
  path: string;
  /** Confidence in [0, 1]. */
  score: number;
  /** The engine's default action; the pipeline may override it from policy. */
  action: Action;
  /**
   * Text that replaces [start, end) when the action is `redact`. Engines compute it because only
   * they know the format (a card mask keeps the last four digits). Defaults to `[REDACTED:<type>]`.
   */
  replacement?: string;
  /** A short human explanation. Must never contain the matched value. */
  detail?: string;
}

/** A tool as the session sees it, for engines that reason about tool names (injection, shadowing). */
export interface ToolRef {
  readonly server: string;
  readonly name: string;
}

export interface InspectContext {
  readonly surface: Surface;
  /** Server the message comes from or goes to. */
  readonly server: string;
  /** JSON-RPC method of the message, or of the request a response answers. */
  readonly method?: string;
  /** Tool name for tools/call and its result. */
  readonly tool?: string;
  /** Tools the current session exposes, across every server it can reach. */
  readonly tools?: readonly ToolRef[];
  /** Hosts that belong to the server itself (its egress allowlist, its URL), for exfiltration checks. */
  readonly ownHosts?: readonly string[];
  /** Exact values the operator registered as secrets (vault). Never logged. */
  readonly knownSecrets?: readonly { name: string; value: string }[];
}

/** An inspection engine. Must be a pure function of its arguments. */
export interface Inspector {
  readonly name: string;
  inspect(leaves: readonly TextLeaf[], ctx: InspectContext): Finding[];
}

/** Result of running the pipeline over one message or text. */
export interface InspectResult {
  verdict: Verdict;
  findings: Finding[];
  /** The message or text after redaction; the same reference as the input when nothing changed. */
  output: unknown;
}
