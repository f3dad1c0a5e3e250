import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { generateV2Catalogue, serializeV2Catalogue, V2_CATALOGUE_FILE, V2_REFERENCE_DIR } from '../../scripts/gen-api-v2.js';
import { getV2Catalogue } from '../../server/src/api/v2.js';
import type { V2Param } from '../../server/src/api/v2-types.js';

const v2 = getV2Catalogue();

function param(model: string, path: string): V2Param {
  const found = v2.param(model, path);
  assert.ok(found, `${model} has no parameter ${path}`);
  return found;
}

describe('v2-catalogue.generated.json', () => {
  it('equals a fresh generation from the reference files', (t) => {
    if (!existsSync(V2_REFERENCE_DIR)) {
      t.skip(`the v2 reference folder (${V2_REFERENCE_DIR}) is not beside this checkout; set LEONARDO_V2_REFERENCE to check`);
      return;
    }
    const committed = readFileSync(V2_CATALOGUE_FILE, 'utf8');
    const fresh = serializeV2Catalogue(generateV2Catalogue());
    if (committed !== fresh) {
      const a = committed.split('\n');
      const b = fresh.split('\n');
      const at = a.findIndex((line, i) => line !== b[i]);
      assert.fail(`v2-catalogue.generated.json is stale at line ${at + 1}; run \`npm run gen:api:v2\`.\n  committed: ${a[at]}\n  generated: ${b[at]}`);
    }
  });

  it('stays small (facts only)', () => {
    assert.ok(readFileSync(V2_CATALOGUE_FILE).length < 160_000);
  });
});

describe('getV2Catalogue', () => {
  it('is memoised and holds the 79 models of the spec: 39 image, 32 video, 3 tools, 1 3D, 4 audio', () => {
    assert.equal(getV2Catalogue(), v2);
    const models = v2.models();
    assert.equal(models.length, 79);
    const kinds = new Map<string, number>();
    for (const m of models) kinds.set(m.kind, (kinds.get(m.kind) ?? 0) + 1);
    assert.deepEqual(Object.fromEntries(kinds), { '3d': 1, audio: 4, image: 39, tool: 3, video: 32 });
    assert.ok(models.every((m) => m.source.url.startsWith('https://docs.leonardo.ai/')));
  });

  it('knows each model by its exact string, with title, kind and guide page', () => {
    const pro = v2.model('gemini-image-2');
    assert.equal(pro?.title, 'Nano Banana Pro');
    assert.equal(pro?.kind, 'image');
    assert.equal(pro?.source.url, 'https://docs.leonardo.ai/docs/nano-banana-pro');
    assert.equal(pro?.source.updatedAt, '2026-01-22');
    assert.equal(v2.model('Gemini-Image-2'), undefined);
    assert.equal(v2.model('bytedance/seedance-2.5')?.kind, 'video');
    assert.equal(v2.model('remove-bg')?.kind, 'tool');
    assert.deepEqual(v2.model('remove-bg')?.endpoints, ['/v2/generations', '/v2/generationssync']);
  });

  it('quantity maxima: most image models 8, seedream-5.0-pro 6, ideogram-v4.0 4, video and tools 1', () => {
    assert.equal(param('gpt-image-1.5', 'quantity').max, 8);
    assert.equal(param('gemini-image-2', 'quantity').max, 8);
    assert.equal(param('seedream-5.0-pro', 'quantity').max, 6);
    assert.equal(param('ideogram-v4.0', 'quantity').max, 4);
    assert.equal(param('veo-3.1-generate-001', 'quantity').max, 1);
    assert.equal(param('aurora-upscaler-precise', 'quantity').max, 1);
  });

  it('closed parameters: remove-bg, rodin-v2 and the 4 audio models only', () => {
    const closed = v2.models().filter((m) => m.closed).map((m) => m.model).sort();
    assert.deepEqual(closed, ['dialogue-v3', 'music-v1', 'remove-bg', 'rodin-v2', 'seed-audio-1.0', 'sound-effects-v2']);
    assert.equal(param('kling-3.0', 'guidances').closed, true);
  });

  it('applies the trust policy: enum unions, wider ranges, required only where both require', () => {
    // prompt_enhance: AUTO only in the spec, kept.
    assert.deepEqual(param('gpt-image-1.5', 'prompt_enhance').enum, ['AUTO', 'ON', 'OFF']);
    // upscale_factor 5: only the guides; union.
    assert.deepEqual([...(param('aurora-upscaler-creative', 'upscale_factor').enum ?? [])].sort(), [2, 3, 4, 5, 6, 8]);
    // upscale_factor required only by the guides: not required.
    assert.equal(param('aurora-upscaler-creative', 'upscale_factor').required, undefined);
    // FLUX.2 Pro: guide 256-1440, spec 64-14142.
    assert.equal(param('flux-pro-2.0', 'width').min, 64);
    assert.equal(param('flux-pro-2.0', 'width').max, 14142);
    // Veo quantity: required by the spec only.
    assert.equal(param('veo-3.1-generate-001', 'quantity').required, undefined);
    // Hailuo 2.3 width: the spec requires it, the guide row restates the spec.
    assert.equal(param('hailuo-2_3', 'width').required, true);
    assert.equal(param('grok-imagine-1.5', 'guidances.start_frame').required, true);
    // Content strength: ULTRA only in the spec (kept), required only in the spec (dropped).
    const strength = param('phoenix-v1.0', 'guidances.content[].strength');
    assert.deepEqual(strength.enum, ['LOW', 'MID', 'HIGH', 'ULTRA']);
    assert.equal(strength.required, undefined);
    // Strength only the guide declares: known, optional.
    assert.equal(param('happy-horse-1.1', 'guidances.image_reference[].strength').guideOnly, true);
    // Kling O1 image_reference: 5 (spec) vs 4 (guide).
    assert.equal(param('kling-video-o-1', 'guidances.image_reference').maxItems, 5);
    // Absurd spec maxima are no bound.
    assert.equal(param('motion_2.0', 'width').max, undefined);
    // Anime XL height: the catalogue row is not a guide; the spec's 1536 stays.
    assert.equal(param('anime-xl', 'height').max, 1536);
  });

  it('keeps guide-only parameters known and the ones the docs say fail as forbidden', () => {
    assert.equal(param('gpt-image-1.5', 'seed').guideOnly, true);
    assert.deepEqual(v2.model('gpt-image-1.5')?.forbidden?.['mode'], {
      note: 'retired 2026-05-04; requests with mode fail; use quality',
      since: '2026-05-04',
      use: 'quality',
    });
    assert.equal(v2.model('ideogram-v3.0')?.forbidden?.['mode']?.use, 'quality');
    assert.equal(param('kling-3.0', 'guidances.image_reference').guideOnly, true);
  });

  it('deprecated parameters: the video mode tiers and the legacy frame objects', () => {
    assert.equal(param('motion_2.0', 'mode').deprecated, true);
    assert.equal(param('veo-3.1-generate-001', 'start_frame').deprecated, true);
    assert.equal(param('phoenix-v1.0', 'mode').deprecated, undefined);
  });

  it('sizes: pair lists (union of both sources), 0 for auto, advisory pairs for nano-banana-2', () => {
    const motion = v2.model('motion_2.0')?.sizes;
    assert.ok(motion?.pairs.some(([w, h]) => w === 1280 && h === 720));
    assert.ok(motion?.pairs.some(([w, h]) => w === 0 && h === 0));
    assert.equal(v2.model('gpt-image-1.5')?.sizes, undefined, 'no pair rule in the spec: each axis alone');
    assert.equal(v2.model('nano-banana-2')?.sizes?.advisory, true);
    assert.equal(v2.model('gemini-2.5-flash-image')?.sizes?.zeroEitherSide, true);
    assert.equal(param('phoenix-v1.0', 'width').multipleOf, 8);
    assert.ok(param('gemini-image-2', 'width').enum?.includes(1584), 'spec-only width kept');
    assert.ok(param('gemini-image-2', 'width').enum?.includes(672), 'guide-only width kept');
  });

  it('style sets with names; the union keeps both Portrait UUIDs on Nano Banana', () => {
    const styles = param('gemini-image-2', 'style_ids');
    assert.equal(styles.softMaxItems, undefined);
    const set = v2.styleSet(styles.items!.styleSet!);
    assert.ok(set.has('ab5a4220-7c42-41e5-a578-eddb9fed3d75'));
    assert.ok(set.has('8e2bc543-6ee2-45f9-bcd9-594b6ce84dcd'));
    assert.equal(v2.styleName('111dc692-d470-4eec-b791-3475abac4c46'), 'Dynamic');
    assert.equal(param('phoenix-v1.0', 'style_ids').softMaxItems, 1);
    assert.equal(v2.styleSet(param('motion_2.0', 'style_ids').items!.styleSet!).size, 37);
  });

  it('retired strings with date and successor; guide-only models; near suggestions', () => {
    assert.deepEqual(
      { ...v2.retired('sora-2'), source: undefined },
      { model: 'sora-2', retiredOn: '2026-07-09', source: undefined },
    );
    assert.equal(v2.retired('seedance-1.0-lite')?.successor, 'seedance-1.0-pro-fast');
    assert.equal(v2.retired('veo-3.1-generate-preview')?.successor, 'veo-3.1-generate-001');
    assert.equal(v2.retired('gpt-image-1.5'), undefined);
    assert.equal(v2.guideOnlyModel('google/nano-banana-2.1')?.title, 'Nano Banana 2.1');
    assert.equal(v2.model('google/nano-banana-2.1'), undefined);

    assert.deepEqual(v2.nearestModel('nano-banana-pro')[0], { model: 'gemini-image-2', reason: 'alias' });
    assert.deepEqual(v2.nearestModel('GPT-Image-1.5')[0], { model: 'gpt-image-1.5', reason: 'case' });
    assert.equal(v2.nearestModel('gpt-image-1-5')[0]?.model, 'gpt-image-1.5');
    assert.deepEqual(v2.nearestModel('phoenix-v1')[0], { model: 'phoenix-v1.0', reason: 'near' });
    assert.deepEqual(v2.nearestModel('seedance-2.5')[0], { model: 'bytedance/seedance-2.5', reason: 'alias' });
    assert.deepEqual(v2.nearestModel('gpt-image-1.5'), []);
    assert.deepEqual(v2.nearestModel('stable-diffusion-xl-turbo-unknown'), []);

    // The certain suggestion alone: case and alias, never a near spelling, nothing for a known model.
    assert.equal(v2.certainModel('nano-banana-pro'), 'gemini-image-2');
    assert.equal(v2.certainModel('GPT-Image-1.5'), 'gpt-image-1.5');
    assert.equal(v2.certainModel('seedance-2.5'), 'bytedance/seedance-2.5');
    assert.equal(v2.certainModel('phoenix-v1'), undefined);
    assert.equal(v2.certainModel('gpt-image-1.5'), undefined);
  });

  it('v1 platform models by UUID with their v2 successor', () => {
    assert.deepEqual(v2.v1Model('de7d3faf-762f-48e0-b3b7-9d0ac3a3fcf3'), { name: 'Leonardo Phoenix 1.0', v2: 'phoenix-v1.0' });
    assert.equal(v2.v1Model('00000000-0000-0000-0000-000000000000'), undefined);
  });

  it('endpoints: async generations, sync generations (remove-bg only), models', () => {
    assert.deepEqual(v2.endpoints.map((e) => `${e.method} ${e.path}`), ['POST /v2/generations', 'POST /v2/generationssync', 'GET /v2/models']);
    assert.deepEqual(v2.endpoints[1]?.models, ['remove-bg']);
  });
});
