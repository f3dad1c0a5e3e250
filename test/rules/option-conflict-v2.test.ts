// option-conflict on v2 requests: sync-only keys on the async endpoint, forbidden combinations.
import { edit, ruleTester } from '../helpers/rule-tester.js';
import { jsonFile } from '../helpers/v2.js';

const JSON_FILE = 'request.jsonc';
const IMAGE = '{"image": {"id": "5c1c7b5e-0d6e-4e55-9bd0-0b3b5c8c3b1a", "type": "GENERATED"}}';
const removeBg = (endpoint: string) => `const res = await fetch('https://cloud.leonardo.ai/api/rest${endpoint}', {
  method: 'POST',
  headers: { authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\` },
  body: JSON.stringify({ model: 'remove-bg', parameters: { guidances: { image_reference: [{ image: { id: imageId, type: 'UPLOADED' } }] } }, ephemeral: true, base64: true }),
});`;

ruleTester.run('option-conflict', {
  valid: [
    { name: 'ephemeral/base64 sent to /v2/generationssync', code: removeBg('/v2/generationssync') },
    { name: 'not flagged: frames together', path: JSON_FILE, code: jsonFile(`{"model": "veo-3.1-generate-001", "parameters": {"prompt": "x", "guidances": {"start_frame": [${IMAGE}], "end_frame": [${IMAGE}]}}}`) },
    { name: 'not flagged: empty arrays', path: JSON_FILE, code: jsonFile(`{"model": "kling-video-o-3", "parameters": {"prompt": "x", "guidances": {"image_reference": [], "start_frame": [${IMAGE}]}}}`) },
    { name: 'not flagged: another model', path: JSON_FILE, code: jsonFile(`{"model": "seedance-2.0", "parameters": {"prompt": "x", "guidances": {"image_reference": [${IMAGE}], "start_frame": [${IMAGE}]}}}`) },
  ],
  invalid: [
    {
      name: 'ephemeral/base64 sent to /v2/generations: remove offered',
      code: removeBg('/v2/generations'),
      findings: [
        {
          message: "'ephemeral' is only for /v2/generationssync: do not send it to /v2/generations.",
          at: [4, 142, 'ephemeral'],
          fixes: [{ title: "Remove 'ephemeral'", output: edit('ephemeral: true, ', ''), preferred: false }],
        },
        {
          message: "'base64' is only for /v2/generationssync: do not send it to /v2/generations.",
          at: [4, 159, 'base64'],
          fixes: [{ title: "Remove 'base64'", output: edit(', base64: true', ''), preferred: false }],
        },
      ],
    },
    {
      name: 'the legacy start_frame with guidances.start_frame',
      path: JSON_FILE,
      code: jsonFile(`{"model": "veo-3.1-generate-001", "parameters": {"prompt": "x", "start_frame": {"id": "5c1c7b5e-0d6e-4e55-9bd0-0b3b5c8c3b1a", "type": "GENERATED"}, "guidances": {"start_frame": [${IMAGE}]}}}`),
      findings: [
        {
          message: "veo-3.1-generate-001 does not take 'start_frame' together with 'guidances.start_frame': send one of them.",
          at: [2, 65, '"start_frame"'],
          fixes: [],
        },
      ],
    },
    {
      name: 'reference images with frames on Kling O3',
      path: JSON_FILE,
      code: jsonFile(`{"model": "kling-video-o-3", "parameters": {"prompt": "x", "guidances": {"image_reference": [${IMAGE}], "start_frame": [${IMAGE}]}}}`),
      findings: [
        {
          message: "kling-video-o-3 does not take 'guidances.image_reference' together with 'guidances.start_frame': send one of them.",
          at: [2, 74, '"image_reference"'],
          fixes: [],
        },
      ],
    },
    {
      name: 'an end frame without a start frame',
      path: JSON_FILE,
      code: jsonFile(`{"model": "veo-3.1-generate-001", "parameters": {"prompt": "x", "guidances": {"end_frame": [${IMAGE}]}}}`),
      findings: [
        {
          message: "'guidances.end_frame' needs a 'start_frame' for veo-3.1-generate-001: add one or drop the end frame.",
          at: [2, 79, '"end_frame"'],
          fixes: [],
        },
      ],
    },
  ],
});
