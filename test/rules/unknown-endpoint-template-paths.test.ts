// unknown-endpoint on a path written in pieces (`${BASE}/generation/${id}`, `{{base}}/…/{{id}}`,
// `…/$GENERATION_ID`): the "Did you mean" comes with a fix that changes the misspelt segment where it is
// written, offered (preferred only when it differs in letter case alone), and the suggestion is the
// endpoint the written segments match, not one whose parameters merely line up with them.
import { edit, ruleTester } from '../helpers/rule-tester.js';

const BASE = 'https://cloud.leonardo.ai/api/rest/v1';
const AUTH = '-H "authorization: Bearer $LEONARDO_API_KEY"';

ruleTester.run('unknown-endpoint', {
  valid: [
    { name: 'the right path in pieces', code: `const BASE = '${BASE}';\nexport const read = (id: string) => fetch(\`\${BASE}/generations/\${id}\`, { headers: { authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\` } });\n` },
  ],
  invalid: [
    {
      name: 'TS template literal: /generation/${id} → /generations/{id}, the segment changed in place',
      code: `const BASE = '${BASE}';\nexport const read = (id: string) => fetch(\`\${BASE}/generation/\${id}\`, { headers: { authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\` } });\n`,
      findings: [{
        message: /GET \/generations\/\{id\}/,
        at: [2, 43, '`${BASE}/generation/${id}`'],
        fixes: [{ title: 'Use GET /generations/{id}', output: edit('/generation/', '/generations/'), preferred: false }],
      }],
    },
    {
      name: '.http with a {{variable}} id',
      path: 'requests.http',
      code: 'GET https://cloud.leonardo.ai/api/rest/v1/generation/{{generationId}}\nAuthorization: Bearer {{apiKey}}\n',
      findings: [{
        message: /GET \/generations\/\{id\}/,
        at: [1, 5, 'https://cloud.leonardo.ai/api/rest/v1/generation/{{generationId}}'],
        fixes: [{ title: 'Use GET /generations/{id}', output: edit('/generation/', '/generations/'), preferred: false }],
      }],
    },
    {
      name: 'curl: a segment in another letter case is the certain fix',
      path: 'run.sh',
      code: `curl -X DELETE "${BASE}/Generations/$GENERATION_ID" ${AUTH}\n`,
      findings: [{
        message: /DELETE \/generations\/\{id\}/,
        at: [1, 17, `${BASE}/Generations/$GENERATION_ID`],
        fixes: [{ title: 'Use DELETE /generations/{id}', output: edit('/Generations/', '/generations/'), preferred: true }],
      }],
    },
    {
      name: 'curl: /variation/$ID → /variations/{id}',
      path: 'run.sh',
      code: `curl "${BASE}/variation/$ID" ${AUTH}\n`,
      findings: [{
        message: /GET \/variations\/\{id\}/,
        at: [1, 7, `${BASE}/variation/$ID`],
        fixes: [{ title: 'Use GET /variations/{id}', output: edit('/variation/', '/variations/'), preferred: false }],
      }],
    },
  ],
});
