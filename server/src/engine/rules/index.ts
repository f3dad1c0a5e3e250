// The rule registry: every rule the engine runs, in catalogue order (RULES.md).

import type { Rule } from '../types.js';
import { rule as unknownField } from './unknown-field.js';

export const allRules: Rule[] = [
  unknownField,
];

export function ruleById(id: string): Rule | undefined {
  return allRules.find((r) => r.meta.id === id);
}
