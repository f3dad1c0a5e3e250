// unknown-response-field on results the flow follows (issue 19): arrays read as objects (GET /me's
// `user_details`), video fields the API does not have (the video is `generated_images[].motionMP4URL`),
// another endpoint's job key, the v2 sync create and model list, and Leonardo's own samples that
// reuse one `let response` for every call.
import { edit, ruleTester } from '../helpers/rule-tester.js';
import { reassignedResponseSample } from '../engine/flow-fixtures.js';

const PREAMBLE = `const BASE = 'https://cloud.leonardo.ai/api/rest/v1';
const headers = { authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\`, 'content-type': 'application/json' };
`;
const V2 = 'https://cloud.leonardo.ai/api/rest/v2';
/** The v2 sync create's and the model list's answers, and `reads` of them. */
function v2Reads(reads: string): string {
  return `export async function v2(imageId: string) {
  const headers = { authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\`, 'content-type': 'application/json' };
  const res = await fetch('${V2}/generationssync', {
    method: 'POST',
    headers,
    body: JSON.stringify({ model: 'remove-bg', parameters: { guidances: { image_reference: [{ image: { id: imageId, type: 'GENERATED' } }] } } }),
  });
  const data = await res.json();
  const { productionApiAvailableModels } = await (await fetch('${V2}/models', { headers })).json();
  return ${reads};
}`;
}
/** The wording of the rule's array and missing-field messages is checked in unknown-response-field.test.ts; here what they name. */
const isArray = (path: string, name: string): RegExp => new RegExp(`^'${path.replace(/[[\]]/g, '\\$&')}' of the .* is an array, with no member '${name}'`);
const noField = (where: string, name: string): RegExp => new RegExp(`${where.replace(/[[\]{}]/g, '\\$&')}.* has no field '${name}'`);

ruleTester.run('unknown-response-field', {
  valid: [
    {
      name: 'the real paths of the same responses',
      code: `${PREAMBLE}
export async function ok(id: string, imageId: string) {
  const me = await (await fetch(\`\${BASE}/me\`, { headers })).json();
  const tokens = me.user_details[0].apiSubscriptionTokens + me.user_details[0].apiPaidTokens;
  const motion = await (await fetch(\`\${BASE}/generations-motion-svd\`, { method: 'POST', headers, body: JSON.stringify({ imageId }) })).json();
  const gen = (await (await fetch(\`\${BASE}/generations/\${id}\`, { headers })).json()).generations_by_pk;
  if (gen.status !== 'COMPLETE') return null;
  return { tokens, job: motion.motionSvdGenerationJob.generationId, video: gen.generated_images[0].motionMP4URL };
}`,
    },
    {
      name: "v2: the sync answer's results and the model list, read right",
      code: v2Reads('[data.results[0].url, data.blockedCount, data.cost?.amount, productionApiAvailableModels.map((m: any) => [m.id, m.name, m.parameters.properties])]'),
    },
    {
      name: 'a let reassigned in a branch is not judged where the calls disagree',
      path: 'app.js',
      code: `const axios = require('axios');
const headers = { authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\` };
async function run(id, refresh) {
  let response = await axios.post('https://cloud.leonardo.ai/api/rest/v1/generations', { prompt: 'a cat' }, { headers });
  if (refresh) response = await axios.get(\`https://cloud.leonardo.ai/api/rest/v1/generations/\${id}\`, { headers });
  return response.data.sdGenerationJob ?? response.data.generations_by_pk;
}
run();`,
    },
  ],
  invalid: [
    {
      name: 'GET /me: user_details is an array',
      code: `${PREAMBLE}
export async function credits() {
  const data = await (await fetch(\`\${BASE}/me\`, { headers })).json();
  return [data.user_details.apiCredit, data.user_details.apiSubscriptionToken];
}`,
      findings: [
        { message: isArray('user_details', 'apiCredit'), at: [6, 29, 'apiCredit'], endpoint: 'GET /me', fixes: [] },
        {
          message: isArray('user_details', 'apiSubscriptionToken'),
          at: [6, 58, 'apiSubscriptionToken'],
          fixes: [{ output: edit('user_details.apiSubscriptionToken', 'user_details[0].apiSubscriptionTokens'), preferred: false }],
        },
      ],
    },
    {
      name: "another endpoint's job key: the endpoint's one job key is the certain fix",
      code: `${PREAMBLE}
export async function animate(imageId: string) {
  const svd = await (await fetch(\`\${BASE}/generations-motion-svd\`, { method: 'POST', headers, body: JSON.stringify({ imageId }) })).json();
  const i2v = await (await fetch(\`\${BASE}/generations-image-to-video\`, { method: 'POST', headers, body: JSON.stringify({ imageId, imageType: 'GENERATED', prompt: 'waves' }) })).json();
  return [svd.imageToVideoMotionJob.generationId, i2v['motionSvdGenerationJob'].generationId];
}`,
      findings: [
        {
          message: "'imageToVideoMotionJob' is not in the POST /generations-motion-svd answer: use 'motionSvdGenerationJob', its one job key.",
          at: [7, 15, 'imageToVideoMotionJob'],
          endpoint: 'POST /generations-motion-svd',
          fixes: [{ output: edit('svd.imageToVideoMotionJob', 'svd.motionSvdGenerationJob'), preferred: true }],
        },
        {
          message: "'motionSvdGenerationJob' is not in the POST /generations-image-to-video answer: use 'motionVideoGenerationJob', its one job key.",
          at: [7, 55, "'motionSvdGenerationJob'"],
          fixes: [{ output: edit("i2v['motionSvdGenerationJob']", "i2v['motionVideoGenerationJob']"), preferred: true }],
        },
      ],
    },
    {
      name: 'video fields the API does not have: the video is generated_images[].motionMP4URL',
      code: `${PREAMBLE}
export async function video(id: string) {
  const gen = (await (await fetch(\`\${BASE}/generations/\${id}\`, { headers })).json()).generations_by_pk;
  if (gen.status !== 'COMPLETE') return null;
  const image = gen.generated_images[0];
  return [gen.generated_videos[0].url, gen.video_url, image.videoUrl, image.motionMp4Url];
}`,
      findings: [
        { message: noField("'generations_by_pk'", 'generated_videos'), at: [8, 15, 'generated_videos'], fixes: [] },
        {
          message: noField("'generations_by_pk'", 'video_url'),
          at: [8, 44, 'video_url'],
          fixes: [{ output: edit('gen.video_url', 'gen.generated_images[0].motionMP4URL'), preferred: false }],
        },
        { message: noField('generated_images[0]', 'videoUrl'), at: [8, 61, 'videoUrl'], fixes: [{ output: edit('image.videoUrl', 'image.motionMP4URL'), preferred: false }] },
        { message: noField('generated_images[0]', 'motionMp4Url'), at: [8, 77, 'motionMp4Url'], fixes: [{ output: edit('image.motionMp4Url', 'image.motionMP4URL'), preferred: true }] },
      ],
    },
    {
      name: "v2: the sync answer's results are an array and it has no generate job; a model has no model string",
      code: v2Reads('[data.results.url, data.generate.generationId, productionApiAvailableModels.map((m: any) => m.model)]'),
      findings: [
        { message: isArray('results', 'url'), at: [10, 24, 'url'], endpoint: 'POST /v2/generationssync', fixes: [{ output: edit('data.results.url', 'data.results[0].url'), preferred: false }] },
        { message: noField('POST /v2/generationssync', 'generate'), at: [10, 34, 'generate'], fixes: [] },
        { message: noField('GET /v2/models', 'model'), at: [10, 104, 'model'], endpoint: 'GET /v2/models', fixes: [] },
      ],
    },
    {
      name: "Leonardo's Node sample: after `response = await axios.get(...)` the reads are the GET's",
      path: 'app.js',
      code: reassignedResponseSample('console.log(response.data.sdGenerationJob, response.data.generations_by_pk.images);'),
      findings: [
        { message: noField('GET /generations/{id}', 'sdGenerationJob'), at: [7, 29, 'sdGenerationJob'], endpoint: 'GET /generations/{id}', fixes: [] },
        { message: noField("'generations_by_pk'", 'images'), at: [7, 78, 'images'], fixes: [{ output: edit('generations_by_pk.images', 'generations_by_pk.generated_images'), preferred: false }] },
      ],
    },
    {
      name: 'the same sample with its variables at the top of the module, written and read in main()',
      path: 'app.js',
      code: `const axios = require('axios');
const headers = { accept: 'application/json', authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\` };
let url = 'https://cloud.leonardo.ai/api/rest/v1/generations';
let response;
async function main() {
  response = await axios.post(url, { prompt: 'a cat' }, { headers });
  const generationId = response.data.sdGenerationJob.generationId;
  url = \`https://cloud.leonardo.ai/api/rest/v1/generations/\${generationId}\`;
  response = await axios.get(url, { headers });
  return response.data.generations_by_pk.generated_videos;
}
main();`,
      findings: [
        {
          message: noField("'generations_by_pk'", 'generated_videos'),
          at: [10, 42, 'generated_videos'],
          endpoint: 'GET /generations/{id}',
          fixes: [{ output: edit('generations_by_pk.generated_videos', 'generations_by_pk.generated_images[0].motionMP4URL'), preferred: false }],
        },
      ],
    },
  ],
});
