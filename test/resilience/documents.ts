// Pathological documents: each must be handled in bounded time with no crash by the engine, the CLI
// and the language server (test/resilience/pathological.test.ts).

import type { DocumentKind } from '../../server/src/engine/types.js';

export interface Pathological {
  name: string;
  /** File name (written to disk for the CLI). */
  file: string;
  kind: DocumentKind;
  text: string;
  /** What must come of it. */
  expect: 'skipped: too large' | 'skipped: nested too deeply' | 'skipped: binary' | 'findings' | 'no findings';
  /** Milliseconds the engine may take (generous: a busy machine must not fail the test). */
  budget: number;
}

const DEPTH = 100_000;
/** More elements than a call's arguments can take: `a.push(...b)` of this many overflows the stack. */
const WIDTH = 300_000;
const URL = 'https://cloud.leonardo.ai/api/rest/v1';
/** One call with three mistakes (unknown-field, type-mismatch, and a header the bundle reads from a variable). */
const CALL = `fetch("${URL}/generations",{method:"POST",headers:{authorization:\`Bearer \${k}\`},body:JSON.stringify({prompt:"a fox",wid:512,num_images:"2"})});`;

/** Deterministic bytes of every value, NUL included. */
function binary(length: number): string {
  let seed = 7;
  let out = '';
  for (let i = 0; i < length; i++) {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    out += String.fromCharCode(seed % 256);
  }
  return out;
}

function minifiedBundle(size: number): string {
  const parts = ['!function(){var k=process.env.LEONARDO_API_KEY;'];
  let length = parts[0].length;
  for (let i = 0; length < size; i++) {
    const part = `${CALL}var a${i}=[${i},"${'x'.repeat(i % 40)}"];`;
    parts.push(part);
    length += part.length;
  }
  return parts.join('') + '}();';
}

export function pathologicalDocuments(): Pathological[] {
  const call = CALL.replace('${k}', '${process.env.LEONARDO_API_KEY}');
  return [
    { name: 'a 10 MB file', file: 'huge.ts', kind: 'typescript', text: `${call}\n// ${'x'.repeat(10 * 1024 * 1024)}\n`, expect: 'skipped: too large', budget: 1000 },
    { name: '100,000-deep JSON arrays', file: 'deep-arrays.jsonc', kind: 'jsonc', text: `// POST /generations\n${'['.repeat(DEPTH)}${']'.repeat(DEPTH)}`, expect: 'skipped: nested too deeply', budget: 5000 },
    { name: '100,000-deep JSON objects', file: 'deep-objects.leonardo.json', kind: 'json', text: `${'{"prompt":'.repeat(DEPTH)}1${'}'.repeat(DEPTH)}`, expect: 'skipped: nested too deeply', budget: 5000 },
    { name: '100,000-deep TS brackets', file: 'deep-brackets.ts', kind: 'typescript', text: `${call}\nconst x = ${'['.repeat(DEPTH)}${']'.repeat(DEPTH)};\n`, expect: 'skipped: nested too deeply', budget: 5000 },
    { name: '100,000-deep TS object in a body', file: 'deep-body.ts', kind: 'typescript', text: `fetch("${URL}/generations",{method:"POST",body:JSON.stringify(${'{a:'.repeat(DEPTH)}1${'}'.repeat(DEPTH)})});\n`, expect: 'skipped: nested too deeply', budget: 5000 },
    { name: '100,000-deep TS blocks', file: 'deep-blocks.js', kind: 'javascript', text: `${'if (a) {'.repeat(DEPTH)}${call}${'}'.repeat(DEPTH)}\n`, expect: 'skipped: nested too deeply', budget: 5000 },
    { name: '100,000-deep command substitutions', file: 'deep.sh', kind: 'shell', text: `curl ${URL}/me -H "authorization: Bearer $KEY" ${'"$('.repeat(DEPTH)}${')"'.repeat(DEPTH)}\n`, expect: 'no findings', budget: 5000 },
    { name: '100,000-deep curl body', file: 'deep-body.sh', kind: 'shell', text: `curl -X POST ${URL}/generations -H "authorization: Bearer $KEY" -d '${'['.repeat(DEPTH)}${']'.repeat(DEPTH)}'\n`, expect: 'skipped: nested too deeply', budget: 5000 },
    { name: '100,000-deep .http body', file: 'deep.http', kind: 'http', text: `POST ${URL}/generations\nAuthorization: Bearer {{key}}\n\n${'{"a":'.repeat(DEPTH)}1${'}'.repeat(DEPTH)}\n`, expect: 'skipped: nested too deeply', budget: 5000 },
    { name: '100,000-deep Markdown quote and list', file: 'deep.md', kind: 'markdown', text: `${'> '.repeat(DEPTH)}\n${'- '.repeat(DEPTH)}x\n\`\`\`bash\ncurl -X POST ${URL}/generations -H "authorization: Bearer $K" -d '{"wid":1,"prompt":"x"}'\n\`\`\`\n`, expect: 'findings', budget: 5000 },
    { name: '300,000-element JSON array in a request body', file: 'wide.leonardo.json', kind: 'json', text: `{"prompt":"a fox","wid":512,"init_strength":[${'1,'.repeat(WIDTH)}1]}`, expect: 'findings', budget: 5000 },
    { name: '300,000-element TS array spread into a body', file: 'wide-spread.ts', kind: 'typescript', text: `const k = process.env.LEONARDO_API_KEY;\nconst many = [${'1,'.repeat(WIDTH)}1];\n${CALL.replace('wid:512', 'wid:512,extra:[...many]')}\n`, expect: 'findings', budget: 5000 },
    { name: 'a 300 KB run of braces in an .http variable used in the URL', file: 'wide-variable.http', kind: 'http', text: `@v = ${'{'.repeat(WIDTH)}\nPOST ${URL}/generations?v={{v}}\nAuthorization: Bearer {{key}}\n\n{"prompt":"a fox","wid":512}\n`, expect: 'findings', budget: 5000 },
    { name: 'the same .http request in a Markdown block', file: 'wide-variable.md', kind: 'markdown', text: `\`\`\`http\n@v = ${'{'.repeat(WIDTH)}\nPOST ${URL}/generations?v={{v}}\nAuthorization: Bearer {{key}}\n\n{"prompt":"a fox","wid":512}\n\`\`\`\n`, expect: 'findings', budget: 5000 },
    { name: '24,000 UUIDs on one line of a request file', file: 'uuids.jsonc', kind: 'jsonc', text: `// POST /generations\n{"prompt":"a fox","wid":512,"styleIds":[${Array.from({ length: 24_000 }, (_, i) => `"${(0x10000000 + i).toString(16)}-1111-4222-8333-444455556666"`).join(',')}]}`, expect: 'findings', budget: 5000 },
    { name: 'a 1 MB single-line minified bundle', file: 'bundle.min.js', kind: 'javascript', text: minifiedBundle(1024 * 1024), expect: 'findings', budget: 20000 },
    { name: 'binary content', file: 'blob.ts', kind: 'typescript', text: binary(64 * 1024), expect: 'skipped: binary', budget: 1000 },
    { name: 'NUL bytes after the first 8 KB', file: 'late-nul.ts', kind: 'typescript', text: `${' '.repeat(9000)}\u0000\u0000\n${call}\n`, expect: 'findings', budget: 1000 },
    { name: 'lone surrogates in keys, values and comments', file: 'surrogates.ts', kind: 'typescript', text: `// \udc00 \ud800\n${call.replace('a fox', '\ud800fox\udfff').replace('wid', 'w\udbffid').replace('prompt', '"pro\udc00mpt"')}\n`, expect: 'findings', budget: 1000 },
    { name: 'lone surrogates in a curl body', file: 'surrogates.sh', kind: 'shell', text: `curl -X POST ${URL}/generations -H "authorization: Bearer $K" -d '{"prompt":"\ud800","wid\udc00":1}'\n`, expect: 'findings', budget: 1000 },
    { name: 'mixed CRLF, CR and LF', file: 'mixed-eol.ts', kind: 'typescript', text: ['const k = process.env.LEONARDO_API_KEY;', `fetch("${URL}/generations", {`, '  method: "POST",', '  headers: { authorization: `Bearer ${k}` },', '  body: JSON.stringify({', '    prompt: "a fox",', '    wid: 512,', '    num_images: "2",', '  }),', '});', ''].map((l, i) => l + ['\r\n', '\r', '\n'][i % 3]).join(''), expect: 'findings', budget: 1000 },
    { name: 'mixed line ends in a JSON request file', file: 'mixed-eol.leonardo.json', kind: 'json', text: '{\r\n  "prompt": "a fox",\r  "num_images": "2",\n  "wid": 512\r\n}\r', expect: 'findings', budget: 1000 },
    { name: 'a BOM before TS', file: 'bom.ts', kind: 'typescript', text: `\ufeff${call}\n`, expect: 'findings', budget: 1000 },
    { name: 'a BOM before a JSON request file', file: 'bom.leonardo.json', kind: 'json', text: '\ufeff{"prompt": "a fox", "num_images": "2", "wid": 512}\n', expect: 'findings', budget: 1000 },
    { name: 'a BOM before a shell script', file: 'bom.sh', kind: 'shell', text: `\ufeffcurl -X POST ${URL}/generations -H "authorization: Bearer $K" -d '{"prompt":"x","wid":1}'\n`, expect: 'findings', budget: 1000 },
    ...(['empty.ts', 'empty.js', 'empty.json', 'empty.leonardo.json', 'empty.jsonc', 'empty.sh', 'empty.md', 'empty.http'] as const).map(
      (file): Pathological => ({ name: `an empty ${file}`, file, kind: kindOfEmpty(file), text: '', expect: 'no findings', budget: 1000 }),
    ),
  ];
}

function kindOfEmpty(file: string): DocumentKind {
  const ext = file.slice(file.lastIndexOf('.') + 1);
  return ({ ts: 'typescript', js: 'javascript', json: 'json', jsonc: 'jsonc', sh: 'shell', md: 'markdown', http: 'http' } as const)[ext as 'ts'];
}
