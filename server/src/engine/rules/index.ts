// The rule registry: every rule the engine runs, in catalogue order (RULES.md).

import type { Rule } from '../types.js';
import { rule as unknownField } from './unknown-field.js';
import { rule as typeMismatch } from './type-mismatch.js';
import { rule as invalidDimensions } from './invalid-dimensions.js';

export const allRules: Rule[] = [
  unknownField,
  typeMismatch,
  invalidDimensions,
];

export function ruleById(id: string): Rule | undefined {
  return allRules.find((r) => r.meta.id === id);
}
