/**
 * The configuration schema: the single source of truth for `airlock.yaml`, the TypeScript types
 * derived from it, its validation errors and the published JSON Schema (schema/airlock.schema.json).
 * Each part owns the schema of its own section; this file composes them.
 */
import { z } from 'zod';
import { dlpConfigSchema } from '../inspect/dlp/index.js';
import { injectionConfigSchema } from '../inspect/injection/index.js';
import { egressConfigSchema } from '../egress/config.js';
import { vulnsConfigSchema } from '../vulns/config.js';
import { sandboxConfigSchema } from '../sandbox/config.js';

const actionSchema = z.enum(['allow', 'alert', 'redact', 'block']);

export const actionRuleSchema = z
  .object({
    engine: z.string().optional(),
    category: z.string().optional(),
    type: z.string().optional(),
    surface: z.enum(['request', 'response', 'description']).optional(),
    server: z.string().optional(),
    tool: z.string().optional(),
    action: actionSchema,
  })
  .strict()
  .describe('Overrides the action for findings that match every given field; the last matching rule wins.');

export const gatewaySchema = z
  .object({
    host: z.string().default('127.0.0.1').describe('Address the HTTP gateway listens on. Loopback by default.'),
    port: z.number().int().min(0).max(65535).default(7700),
    maxMessageBytes: z
      .number()
      .int()
      .min(1024)
      .default(8 * 1024 * 1024)
      .describe('Largest JSON-RPC message accepted in either direction, in bytes.'),
    maxDepth: z.number().int().min(8).max(10_000).default(512).describe('Deepest JSON nesting accepted.'),
    unknownMethods: z
      .enum(['reject', 'forward'])
      .default('reject')
      .describe('Client requests whose method is not part of MCP: answer -32601 (reject) or pass them on.'),
    tenant: z.string().min(1).default('default'),
  })
  .strict();

const serverNamePattern = /^[a-z0-9][a-z0-9._-]{0,62}$/;

export const serverSchema = z
  .object({
    command: z.string().min(1).optional().describe('Executable of a stdio server.'),
    package: z
      .string()
      .min(1)
      .optional()
      .describe('An npm package (name@version) that Airlock installs into its own prefix, pinned by lockfile and integrity, and scans.'),
    bin: z.string().optional().describe('Which of the package\'s executables to run, when it has several.'),
    args: z.array(z.string()).default([]),
    cwd: z.string().optional(),
    env: z
      .record(z.string(), z.string())
      .default({})
      .describe('The complete environment of the server. Values of the form secret:NAME come from the vault.'),
    url: z.string().url().optional().describe('URL of a remote MCP server (instead of command).'),
    transport: z.enum(['streamable-http', 'sse']).optional().describe('Transport of a remote server; default streamable-http.'),
    headers: z.record(z.string(), z.string()).default({}).describe('Extra HTTP headers sent to a remote server.'),
    scope: z
      .enum(['session', 'shared'])
      .default('session')
      .describe('session: one server process per client session. shared: one process for all sessions.'),
    isolation: z
      .enum(['auto', 'gvisor', 'bwrap', 'process'])
      .default('auto')
      .describe('auto: gVisor where available, else bubblewrap; never process (no isolation, development only) unless asked.'),
    sandbox: sandboxConfigSchema
      .omit({ isolation: true })
      .prefault({})
      .describe('Limits, workspace, mounts and masks of the sandbox. See docs/architecture/03-isolation.md.'),
    tools: z
      .object({ allow: z.array(z.string()).optional(), deny: z.array(z.string()).default([]) })
      .strict()
      .default({ deny: [] })
      .describe('Tools the server may expose and be called with (names or * globs; deny wins).'),
    egress: egressConfigSchema
      .optional()
      .describe('Network access of a sandboxed server. Absent: no network at all. See docs/architecture/09-egress.md.'),
    pin: z
      .boolean()
      .default(true)
      .describe('Pin tool contracts on first listing; withhold changed or new tools until approved (airlock servers approve).'),
  })
  .strict()
  .refine((s) => [s.command, s.url, s.package].filter((v) => v !== undefined).length === 1, {
    message: 'a server needs exactly one of "command" (a stdio server), "package" (an npm package Airlock installs) or "url" (a remote server)',
  });

export const exploitsConfigSchema = z
  .object({
    enabled: z.boolean().default(true),
    disabled: z.array(z.string()).default([]).describe('Signature ids to switch off.'),
    actions: z.record(z.string(), actionSchema).default({}).describe('Per-signature action overrides.'),
    shellTools: z
      .array(z.string())
      .default([])
      .describe('Tools that pass arguments to a shell (tool, server/tool or server/*): their arguments get strict shell-injection checks.'),
  })
  .strict();

export const inspectSchema = z
  .object({
    rules: z.array(actionRuleSchema).default([]),
    dlp: dlpConfigSchema.prefault({}).describe('Secrets and personal data (engine dlp).'),
    injection: injectionConfigSchema.prefault({}).describe('Prompt injection and tool poisoning (engine injection).'),
    exploits: exploitsConfigSchema.prefault({}).describe('Exploit payload signatures (engine exploits).'),
  })
  .strict();

export const configSchema = z
  .object({
    $schema: z.string().optional(),
    version: z.literal(1).default(1),
    gateway: gatewaySchema.prefault({}),
    servers: z
      .record(z.string().regex(serverNamePattern, 'server names are lower-case letters, digits, ".", "_" and "-"'), serverSchema)
      .default({}),
    inspect: inspectSchema.prefault({}),
    vulns: vulnsConfigSchema.prefault({}).describe('Advisory feed, quarantine policy and supply-chain signals.'),
  })
  .strict();

export type AirlockConfig = z.infer<typeof configSchema>;
export type ServerConfig = z.infer<typeof serverSchema>;
export type GatewayConfig = z.infer<typeof gatewaySchema>;
