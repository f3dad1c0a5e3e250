// The content of a JSON string literal, decoded, with each character mapped to its escape sequence
// in the document: a JSON body kept as a string inside JSON (a Postman raw body) maps back exactly.

import { MappedTextBuilder, type MappedText } from './mapped-text.js';

const SIMPLE: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

/** Decode the string literal whose opening quote is at `open` and closing quote at `close`. */
export function decodeJsonString(docText: string, open: number, close: number): MappedText {
  const b = new MappedTextBuilder();
  let i = open + 1;
  while (i < close) {
    const c = docText[i];
    if (c !== '\\') {
      const run = docText.indexOf('\\', i);
      const stop = run < 0 || run > close ? close : run;
      b.pushVerbatim(docText.slice(i, stop), i);
      i = stop;
      continue;
    }
    const n = docText[i + 1];
    if (n === 'u' && /^[0-9a-fA-F]{4}$/.test(docText.slice(i + 2, i + 6))) {
      b.push(String.fromCharCode(parseInt(docText.slice(i + 2, i + 6), 16)), i, i + 6);
      i += 6;
    } else if (n !== undefined && SIMPLE[n] !== undefined) {
      b.push(SIMPLE[n], i, i + 2);
      i += 2;
    } else {
      b.push(c, i);
      i++;
    }
  }
  return b.build();
}
