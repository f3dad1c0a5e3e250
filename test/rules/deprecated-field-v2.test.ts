// deprecated-field on v2 requests: the video mode tiers and the legacy frame objects.
import { ruleTester } from '../helpers/rule-tester.js';
import { fetchCode, jsonFile } from '../helpers/v2.js';

const J = 'request.jsonc';

ruleTester.run('deprecated-field', {
  valid: [
    { name: 'not flagged: mode on an image model', path: J, code: jsonFile('{"model": "phoenix-v1.0", "parameters": {"prompt": "x", "mode": "QUALITY"}}') },
    {
      name: 'not flagged: frames in guidances',
      path: J,
      code: jsonFile('{"model": "veo-3.1-generate-001", "parameters": {"prompt": "x", "guidances": {"start_frame": [{"image": {"id": "5c1c7b5e-0d6e-4e55-9bd0-0b3b5c8c3b1a", "type": "GENERATED"}}]}}}'),
    },
  ],
  invalid: [
    {
      name: 'the video mode tier: a warning, no fix',
      code: fetchCode(`{ model: 'motion_2.0-fast', parameters: { prompt, mode: 'RESOLUTION_720', width: 1280, height: 720 } }`),
      findings: [
        {
          message: "'mode' is deprecated on motion_2.0-fast: set 'width' and 'height' instead.",
          at: [6, 76, 'mode'],
          severity: 'warning',
          fixes: [],
        },
      ],
    },
    {
      name: 'the legacy start_frame object',
      path: J,
      code: jsonFile('{"model": "veo-3.1-generate-001", "parameters": {"prompt": "x", "start_frame": {"id": "5c1c7b5e-0d6e-4e55-9bd0-0b3b5c8c3b1a", "type": "GENERATED"}}}'),
      findings: [
        {
          message: "'start_frame' is deprecated on veo-3.1-generate-001: use 'guidances.start_frame: [{ image }]'.",
          at: [2, 65, '"start_frame"'],
          severity: 'warning',
          fixes: [],
        },
      ],
    },
  ],
});
