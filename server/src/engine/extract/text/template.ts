// `{{name}}` variables of REST Client (.http) files and Postman collections. A variable whose value
// is known (a file or collection variable) can be put into a URL; everywhere else, and for system
// variables (`{{$guid}}`, `{{$dotenv KEY}}`), the text is unknown and never flagged.

import { MappedTextBuilder, sliceMapped, type MappedText } from './mapped-text.js';

const VARIABLE = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** Deeper than this, variables that refer to variables are left unknown (and cycles end). */
const MAX_DEPTH = 8;

/**
 * The text with every `{{…}}` marked unknown, or, for names in `known`, replaced by their value
 * (itself expanded; mapped to the `{{name}}` it replaces).
 */
export function expandTemplate(m: MappedText, known?: ReadonlyMap<string, string>, depth = 0): MappedText {
  if (!m.text.includes('{{')) return m;
  const b = new MappedTextBuilder();
  let i = 0;
  for (const match of m.text.matchAll(VARIABLE)) {
    const start = match.index;
    const end = start + match[0].length;
    if (start > i) b.pushMapped(sliceMapped(m, i, start));
    const reference = sliceMapped(m, start, end);
    const value = known?.get(match[1]);
    if (value !== undefined && depth < MAX_DEPTH) {
      const from = reference.starts[0];
      const to = reference.ends[reference.ends.length - 1];
      const inner = expandTemplate(new MappedTextBuilder().push(value, from, to).build(), known, depth + 1);
      if (inner.unknown.length === 0) b.pushExpansion(inner.text, from, to, true);
      else b.pushMapped(inner);
    } else {
      const from = b.length;
      b.pushMapped(reference).markUnknown(from, b.length);
    }
    i = end;
  }
  if (i < m.text.length) b.pushMapped(sliceMapped(m, i, m.text.length));
  return b.build();
}
