// invalid-dimensions on v2 requests: sides outside the model's list, range or multiple; unlisted pairs.
import { edit, ruleTester } from '../helpers/rule-tester.js';
import { fetchCode, jsonFile } from '../helpers/v2.js';

const J = 'request.jsonc';

ruleTester.run('invalid-dimensions', {
  valid: [
    {
      name: 'not flagged: width and height chosen by one condition (only 1920x1080 and 1280x720 go together)',
      code: fetchCode(`{ model: 'kling-3.0', public: false, parameters: { prompt, duration: 5, width: req.headers.get('x-hd') ? 1920 : 1280, height: req.headers.get('x-hd') ? 1080 : 720 } }`),
    },
    {
      name: 'not flagged: FLUX.2 Pro 2048x128 (64..14142 in the spec, 256..1440 in the guide)',
      path: J,
      code: jsonFile(`{"model": "flux-pro-2.0", "parameters": {"prompt": "x", "width": 2048, "height": 128}}`),
    },
    {
      name: 'not flagged: gpt-image-1.5 1536x1536 (no pair rule in the spec)',
      path: J,
      code: jsonFile(`{"model": "gpt-image-1.5", "parameters": {"prompt": "x", "width": 1536, "height": 1536}}`),
    },
    {
      name: 'not flagged: a grok-imagine-1.5 HD pair (spec only)',
      path: J,
      code: jsonFile(`{"model": "grok-imagine-1.5", "parameters": {"prompt": "x", "width": 1888, "height": 1072, "guidances": {"start_frame": [{"image": {"id": "5c1c7b5e-0d6e-4e55-9bd0-0b3b5c8c3b1a", "type": "GENERATED"}}]}}}`),
    },
    {
      name: 'not flagged: a listed nano-banana-2 4:5 2K pair',
      path: J,
      code: jsonFile(`{"model": "nano-banana-2", "parameters": {"prompt": "x", "width": 1856, "height": 2304}}`),
    },
    {
      name: 'not flagged: gemini-image-2 width 1584 (spec only) and height 672 (guide only)',
      path: J,
      code: jsonFile(`{"model": "gemini-image-2", "parameters": {"prompt": "x", "width": 1584, "height": 672}}`),
    },
    {
      name: 'not flagged: 0 for auto',
      path: J,
      code: jsonFile(`{"model": "gemini-2.5-flash-image", "parameters": {"prompt": "x", "width": 0, "height": 1024}}`),
    },
    {
      name: 'not flagged: a lucid-origin ULTRA size',
      path: J,
      code: jsonFile(`{"model": "lucid-origin", "parameters": {"prompt": "x", "width": 1360, "height": 768, "mode": "ULTRA"}}`),
    },
    {
      name: 'not flagged: kling-3.0 at 3840x2160',
      path: J,
      code: jsonFile(`{"model": "kling-3.0", "parameters": {"prompt": "x", "width": 3840, "height": 2160}}`),
    },
    {
      name: 'not flagged: one side unknown',
      code: fetchCode(`{ model: 'motion_2.0', parameters: { prompt, width: 1280, height: opts.height } }`),
    },
    {
      name: 'not flagged: another API',
      code: `await fetch('https://api.example.com/v2/generations', { method: 'POST', body: JSON.stringify({ model: 'motion_2.0', parameters: { width: 7 } }) });`,
    },
  ],
  invalid: [
    {
      name: 'sides outside the range: the nearest bound offered, not preferred',
      code: fetchCode(`{ model: 'gpt-image-1.5', parameters: { prompt, width: 1000, height: 1540 }, public: false }`),
      findings: [
        {
          message: "'width' 1000 is outside 1024..1536 for gpt-image-1.5.",
          at: [6, 81, '1000'],
          severity: 'error',
          fixes: [{ title: "Set 'width' to 1024", output: edit('1000', '1024'), preferred: false }],
        },
        {
          message: "'height' 1540 is outside 1024..1536 for gpt-image-1.5.",
          at: [6, 95, '1540'],
          severity: 'error',
          fixes: [{ title: "Set 'height' to 1536", output: edit('1540', '1536'), preferred: false }],
        },
      ],
    },
    {
      name: 'a side not a multiple of 8: both neighbours offered',
      path: J,
      code: jsonFile('{"model": "phoenix-v1.0", "parameters": {"prompt": "x", "width": 1020, "height": 1024}}'),
      findings: [
        {
          message: "'width' 1020 is not a multiple of 8 for phoenix-v1.0.",
          at: [2, 66, '1020'],
          severity: 'error',
          fixes: [
            { title: "Set 'width' to 1016", output: edit('1020', '1016'), preferred: false },
            { title: "Set 'width' to 1024", output: edit('1020', '1024'), preferred: false },
          ],
        },
      ],
    },
    {
      name: "a side not in the model's list",
      code: fetchCode(`{ model: 'kling-2.6', parameters: { prompt, width: 854, height: 1080 } }`),
      findings: [
        {
          message: "'width' 854 is not 0, 1080, 1440 or 1920 for kling-2.6.",
          at: [6, 77, '854'],
          severity: 'error',
          fixes: [{ title: "Set 'width' to 1080", output: edit('854', '1080'), preferred: false }],
        },
      ],
    },
    {
      name: 'sides chosen apart: a side that goes with none of the other side\'s options is reported with each',
      code: fetchCode(`{ model: 'kling-3.0', public: false, parameters: { prompt, duration: 5, width: req.headers.get('x-hd') ? 1920 : 1080, height: req.headers.get('x-hd') ? 1080 : 720 } }`),
      // 1920 goes with 1080; 720 goes with neither width, and 1080 wide with neither height (one finding
      // per literal: the first pair it makes).
      findings: [
        {
          message: "1920x720 is not one of kling-3.0's sizes: the API rejects it.",
          at: [6, 131, '1920'],
          severity: 'error',
          fixes: [],
        },
        {
          message: "1080x1080 is not one of kling-3.0's sizes: the API rejects it: try 1440x1440, 960x960, 2880x2880.",
          at: [6, 138, '1080'],
          severity: 'error',
          fixes: [],
        },
      ],
    },
    {
      name: 'a pair the model does not list: on the width',
      path: J,
      code: jsonFile('{"model": "motion_2.0", "parameters": {"prompt": "x", "width": 1280, "height": 480}}'),
      findings: [
        {
          message: "1280x480 is not one of motion_2.0's sizes: the API rejects it.",
          at: [2, 64, '1280'],
          severity: 'error',
          fixes: [],
        },
      ],
    },
    {
      name: 'a square pair veo-3.1-lite does not list',
      path: J,
      code: jsonFile('{"model": "veo-3.1-lite", "parameters": {"prompt": "x", "width": 1920, "height": 1920}}'),
      findings: [
        {
          message: "1920x1920 is not one of veo-3.1-lite's sizes: the API rejects it.",
          at: [2, 66, '1920'],
          severity: 'error',
          fixes: [],
        },
      ],
    },
    {
      name: 'nano-banana-2: a warning, the guide says the server does not validate pairs',
      path: J,
      code: jsonFile('{"model": "nano-banana-2", "parameters": {"prompt": "x", "width": 1024, "height": 2048}}'),
      findings: [
        {
          message: "1024x2048 is not one of nano-banana-2's sizes: the API falls back to 1:1.",
          at: [2, 67, '1024'],
          severity: 'warning',
          fixes: [],
        },
      ],
    },
  ],
});
