export {
  PINNED_FIELDS, canonicalToolHash, compareToolsToPins, diffToolContracts, diffTools, diffValues, filterToolsByPolicy,
  formatToolSetDiff, isToolAllowed, pinTools, toolContract, toolSetHash,
} from './pins.js';
export type { FieldChange, PinComparison, PinnedField, ToolChange, ToolContract, ToolDefinition, ToolFilter, ToolPin, ToolSetDiff } from './pins.js';
export { canonicalJson, sha256Hex } from './canonical.js';
