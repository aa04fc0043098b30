/**
 * Configuration of the vulnerability guard, as a zod schema the policy can embed
 * (`vulns: vulnsConfigSchema.prefault({})`), and its translation to a {@link QuarantinePolicy}.
 */
import { z } from 'zod';
import type { QuarantinePolicy } from './quarantine.js';

const severity = z.enum(['low', 'medium', 'high', 'critical']);

export const OSV_EXPORT_BASE = 'https://osv-vulnerabilities.storage.googleapis.com';

export const vulnsConfigSchema = z
  .object({
    feed: z
      .object({
        sources: z
          .array(z.string().min(1))
          .default([`${OSV_EXPORT_BASE}/npm/all.zip`, `${OSV_EXPORT_BASE}/PyPI/all.zip`])
          .describe('OSV sources: all.zip exports, directories of OSV JSON, JSON files or URLs.'),
        refreshHours: z.number().positive().default(24).describe('How often the feed is refreshed.'),
        maxAgeHours: z.number().positive().default(48).describe('Older data is a warning in `airlock status` and the audit log.'),
      })
      .strict()
      .prefault({}),
    minSeverity: severity.default('high').describe('Vulnerabilities at or above this severity quarantine the server.'),
    unknownSeverityAs: severity.default('high').describe('How an advisory without severity data is rated.'),
    quarantineOnUncertain: z.boolean().default(true).describe('Quarantine when a version cannot be compared with an advisory.'),
    quarantineOnInstallScripts: z.boolean().default(false),
    quarantineOnTyposquat: z.boolean().default(false),
    quarantineOnSecurityPlaceholder: z.boolean().default(true),
    quarantineOnNotFromRegistry: z.boolean().default(false),
    ignore: z
      .array(
        z
          .object({
            advisoryId: z.string().min(1),
            package: z.string().optional(),
            reason: z.string().min(1),
            expires: z.iso.datetime({ offset: true }),
          })
          .strict(),
      )
      .default([])
      .describe('Accepted risks: an advisory ignored until it expires, with a reason.'),
    webhook: z.url().optional().describe('Receives a POST for every quarantine transition.'),
  })
  .strict();

export type VulnsConfig = z.infer<typeof vulnsConfigSchema>;

export function quarantinePolicyFromConfig(cfg: VulnsConfig): QuarantinePolicy {
  return {
    minSeverity: cfg.minSeverity,
    unknownSeverityAs: cfg.unknownSeverityAs,
    quarantineOnUncertain: cfg.quarantineOnUncertain,
    quarantineOnInstallScripts: cfg.quarantineOnInstallScripts,
    quarantineOnTyposquat: cfg.quarantineOnTyposquat,
    quarantineOnSecurityPlaceholder: cfg.quarantineOnSecurityPlaceholder,
    quarantineOnNotFromRegistry: cfg.quarantineOnNotFromRegistry,
    ignore: cfg.ignore,
  };
}
