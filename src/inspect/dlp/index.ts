/** Data-loss prevention: secrets and personal data in MCP traffic. */
export { createDlpInspector } from './engine.js';
export { dlpConfigSchema, customRuleSchema, parseDlpConfig, type DlpConfig, type DlpConfigInput, type CustomRule } from './config.js';
export { PII_TYPES, type PiiType } from './rules/pii.js';
export { secretRules } from './rules/secrets.js';
export { UnsafePatternError, assertSafePattern } from './safe-regex.js';
