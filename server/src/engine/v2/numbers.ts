// The number checks three v2 rules share: is a literal inside a parameter's range, set and multiple,
// and the clamp or nearest allowed value to offer (never preferred: a guess at what was meant).

import type { V2Param } from '../../api/v2-types.js';
import { replaceValue } from '../fix/builders.js';
import { listOr, nearestNumbers } from '../fix/suggest.js';
import type { Fix, NumberValue } from '../types.js';
import { q } from '../messages.js';

/** Width and height: `invalid-dimensions` alone judges them. Quantity above its maximum: `too-many-images`. */
export const DIMENSIONS = new Set(['width', 'height']);

export interface NumberProblem {
  /** `outside 1..8`, `not one of 2, 3, 4, 5, 6 or 8`, `not a multiple of 8`. */
  what: string;
  /** Values to offer instead. */
  instead: number[];
}

/** What is wrong with a number for a parameter, or undefined when it is allowed. */
export function numberProblem(value: number, param: V2Param): NumberProblem | undefined {
  const allowed = param.enum?.filter((v): v is number => typeof v === 'number');
  if (allowed && allowed.length > 0) {
    if (allowed.includes(value)) return undefined;
    const shown = [...allowed].sort((a, b) => a - b);
    const list = shown.length <= 8 ? listOr(shown.map(String)) : `one of its ${shown.length} values`;
    // 0 (auto size) is a choice of its own, never the nearest guess for another number.
    const candidates = shown.filter((v) => v !== 0);
    return { what: `not ${list}`, instead: nearestNumbers(value, candidates.length > 0 ? candidates : shown) };
  }
  const { min, max } = param;
  if ((min !== undefined && value < min) || (max !== undefined && value > max)) {
    const low = min !== undefined && value < min;
    const what = min !== undefined && max !== undefined ? `outside ${min}..${max}` : low ? `below ${min}` : `above ${max}`;
    return { what, instead: [low ? min : max!] };
  }
  if (param.multipleOf && !Number.isInteger(value / param.multipleOf)) {
    const step = param.multipleOf;
    const candidates = [Math.floor(value / step) * step, Math.ceil(value / step) * step].filter(
      (v) => (min === undefined || v >= min) && (max === undefined || v <= max),
    );
    return { what: `not a multiple of ${step}`, instead: nearestNumbers(value, candidates) };
  }
  return undefined;
}

/** One offered fix per value (never preferred). */
export function numberFixes(value: NumberValue, name: string, instead: readonly number[]): Fix[] {
  return instead.map((n) => ({ title: `Set ${q(name)} to ${n}`, edits: [replaceValue(value, String(n))], preferred: false }));
}

/** The largest value a number parameter takes: its `max`, or the largest of its set (`quantity: [1]`). */
export function largest(param: V2Param): number | undefined {
  if (param.max !== undefined) return param.max;
  const values = param.enum?.filter((v): v is number => typeof v === 'number') ?? [];
  return values.length > 0 ? values.reduce((a, b) => Math.max(a, b)) : undefined;
}
