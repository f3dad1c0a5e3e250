// Appending one array to another without spreading it into arguments: `a.push(...b)` passes every
// element of `b` on the stack, and a long enough `b` (the characters of a 400 KB line, the elements
// of a 300,000-element JSON array) overflows it.

/** `target` with every item of `items` appended, in order. */
export function appendAll<T>(target: T[], items: readonly T[]): T[] {
  for (let i = 0; i < items.length; i++) target.push(items[i]!);
  return target;
}
