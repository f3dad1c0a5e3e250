// Leonardo.Ai requests for the benchmark corpus, written the ways real code writes them (fetch,
// axios, the SDK; JSON bodies, curl, .http), about half of them with one or two of the mistakes the
// rules exist for. Each TS block makes exactly one Leonardo request.

import type { Random } from './random.js';

type Entry = [key: string, value: string];

const PROMPTS = ['a lighthouse at dusk, oil painting', 'studio photo of a ceramic mug', 'isometric city block, pastel', 'portrait of an astronaut, film grain', 'forest path in autumn fog'];
const STYLES = ['DYNAMIC', 'CINEMATIC', 'PHOTOGRAPHY', 'ILLUSTRATION', 'VIBRANT'];
const SIZES = [512, 640, 768, 832, 1024];

/** A POST /generations body (wire names), with `mistakes` of the kinds the rules report. */
function generationBody(r: Random, mistakes: number, sdk: boolean): Entry[] {
  const name = (wire: string, sdkName: string) => (sdk ? sdkName : wire);
  const entries: Entry[] = [
    ['prompt', r.chance(0.5) ? `'${r.pick(PROMPTS)}'` : 'prompt'],
    ['modelId', `'${r.uuid()}'`],
    ['width', String(r.pick(SIZES))],
    ['height', String(r.pick([512, 768]))],
    [name('num_images', 'numImages'), String(r.int(1, 4))],
  ];
  if (r.chance(0.5)) entries.push(['alchemy', 'true'], ['presetStyle', `'${r.pick(STYLES)}'`]);
  if (r.chance(0.3)) entries.push([name('guidance_scale', 'guidanceScale'), String(r.int(3, 12))]);
  if (r.chance(0.3)) entries.push([name('negative_prompt', 'negativePrompt'), `'blurry, low quality'`]);
  const pool: Array<() => void> = [
    () => replace(entries, name('num_images', 'numImages'), sdk ? 'num_images' : 'numImages', '2'),
    () => entries.push(['sd_Version', `'SDXL_1_0'`]),
    () => replace(entries, 'height', 'height', '770'),
    () => entries.push([name('guidance_scale', 'guidanceScale'), '25']),
    () => entries.push(['presetStyle', `'cinematic'`]),
    () => entries.push(['alchemy', `'true'`]),
    () => entries.push(['promptMagicStrength', '0.5']),
    () => replace(entries, 'modelId', 'modelId', `'sdxl-lightning'`),
    () => entries.push(['controlNet', 'false']),
    () => {
      replace(entries, 'width', 'width', '1024');
      replace(entries, name('num_images', 'numImages'), name('num_images', 'numImages'), '6');
    },
  ];
  for (const add of r.sample(pool, mistakes)) add();
  return dedupe(entries);
}

function replace(entries: Entry[], key: string, newKey: string, value: string): void {
  const i = entries.findIndex(([k]) => k === key);
  if (i >= 0) entries[i] = [newKey, value];
  else entries.push([newKey, value]);
}

/** Later entries win, as a mistake overrides a default; a duplicate key is a mistake of its own. */
function dedupe(entries: Entry[]): Entry[] {
  const seen = new Map<string, number>();
  const out: Entry[] = [];
  for (const entry of entries) {
    const at = seen.get(entry[0]);
    if (at === undefined) {
      seen.set(entry[0], out.length);
      out.push(entry);
    } else out[at] = entry;
  }
  return out;
}

function objectLiteral(entries: Entry[], indent: string): string {
  return `{\n${entries.map(([k, v]) => `${indent}  ${k}: ${v},`).join('\n')}\n${indent}}`;
}

function mistakes(r: Random): number {
  return r.chance(0.5) ? 0 : r.int(1, 2);
}

export type LeonardoBlock = (r: Random, n: number) => string;

const fetchGeneration: LeonardoBlock = (r, n) => `
export async function createImages${n}(prompt: string, userId: string): Promise<string | undefined> {
  const body = ${objectLiteral(generationBody(r, mistakes(r), false), '  ')};
  const response = await fetch(\`\${LEONARDO_BASE}/generations\`, {
    method: 'POST',
    headers: {
      accept: 'application/json',
      'content-type': 'application/json',
      authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\`,
    },
    body: JSON.stringify(body),
  });
  if (!response.ok) {
    logger.error({ status: response.status, userId }, 'generation request failed');
    return undefined;
  }
  const json = (await response.json()) as { sdGenerationJob?: { generationId?: string } };
  return json.sdGenerationJob?.generationId;
}
`;

const axiosGeneration: LeonardoBlock = (r, n) => `
export async function queueRender${n}(prompt: string): Promise<string> {
  const { data } = await axios.post(
    'https://cloud.leonardo.ai/api/rest/v1/generations',
    ${objectLiteral(generationBody(r, mistakes(r), false), '    ')},
    { headers: { authorization: \`Bearer \${apiKey}\`, 'content-type': 'application/json' } },
  );
  return data.sdGenerationJob.generationId;
}
`;

const sdkGeneration: LeonardoBlock = (r, n) => `
export async function renderWithSdk${n}(prompt: string): Promise<string | undefined> {
  const result = await leonardo.image.createGeneration(${objectLiteral(generationBody(r, mistakes(r), true), '  ')});
  return result.object?.sdGenerationJob?.generationId;
}
`;

const fetchUpscale: LeonardoBlock = (r, n) => `
export async function upscale${n}(imageId: string) {
  const res = await fetch(\`\${LEONARDO_BASE}/variations/upscale\`, {
    method: 'POST',
    headers: { authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\`, 'content-type': 'application/json' },
    body: JSON.stringify({ ${r.chance(0.3) ? `id: '${r.pick(['image-1.png', 'latest'])}'` : r.chance(0.5) ? 'id: imageId' : `id: '${r.uuid()}'`} }),
  });
  return res.json();
}
`;

const initImageUpload: LeonardoBlock = (r, n) => `
export async function uploadReference${n}(file: Buffer): Promise<string> {
  const res = await fetch(\`\${LEONARDO_BASE}/init-image\`, {
    method: 'POST',
    headers: { authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\`, 'content-type': 'application/json' },
    body: JSON.stringify({ extension: '${r.chance(0.3) ? r.pick(['PNG', '.jpg', 'photo.png']) : r.pick(['png', 'jpg', 'webp'])}' }),
  });
  const { uploadInitImage } = (await res.json()) as { uploadInitImage: { id: string; url: string; fields: string } };
  const form = new FormData();
  for (const [key, value] of Object.entries(JSON.parse(uploadInitImage.fields) as Record<string, string>)) form.append(key, value);
  form.append('file', new Blob([file]));
  const upload = await fetch(uploadInitImage.url, { method: 'POST', body: form });
  if (!upload.ok) throw new Error(\`upload failed: \${upload.status}\`);
  return uploadInitImage.id;
}
`;

const pollGeneration: LeonardoBlock = (r, n) => `
export async function waitForImages${n}(generationId: string, attempts = ${r.int(5, 30)}): Promise<string[]> {
  for (let i = 0; i < attempts; i++) {
    const res = await fetch(\`\${LEONARDO_BASE}/generations/\${generationId}\`, {
      headers: { authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\` },
    });
    const data = await res.json();
    if (data.generations_by_pk?.status === 'COMPLETE') {
      return data.generations_by_pk.generated_images.map((image: { url: string }) => image.url);
    }
    await new Promise((resolve) => setTimeout(resolve, ${r.int(1, 5)} * 1000));
  }
  throw new Error('generation timed out');
}
`;

const axiosMotion: LeonardoBlock = (r, n) => `
export async function animate${n}(imageId: string) {
  const response = await axios.post(\`\${LEONARDO_BASE}/generations-motion-svd\`, {
    imageId${r.chance(0.3) ? `: '${r.pick(['frame.png', 'abc'])}'` : ''},
    motionStrength: ${r.chance(0.3) ? `'${r.int(1, 10)}'` : r.int(1, 10)},
    isPublic: false,
  }, { headers: { authorization: \`Bearer \${apiKey}\` } });
  return response.data.motionSvdGenerationJob?.generationId as string | undefined;
}
`;

const sdkUpscale: LeonardoBlock = (r, n) => `
export async function upscaleWithSdk${n}(id: string) {
  const result = await leonardo.variation.createVariationUpscale({ id${r.chance(0.3) ? `: '${r.pick(['first', 'img.png'])}'` : ''} });
  return result.object?.sdUpscaleJob?.id;
}
`;

export const LEONARDO_BLOCKS: readonly LeonardoBlock[] = [
  fetchGeneration,
  fetchGeneration,
  axiosGeneration,
  sdkGeneration,
  sdkGeneration,
  fetchUpscale,
  initImageUpload,
  pollGeneration,
  axiosMotion,
  sdkUpscale,
];

/** What the Leonardo blocks lean on, put after the ordinary header in a file that has requests. */
export const LEONARDO_HEADER = `import axios from 'axios';
import { Leonardo } from '@leonardo-ai/sdk';

const LEONARDO_BASE = 'https://cloud.leonardo.ai/api/rest/v1';
const apiKey = process.env.LEONARDO_API_KEY ?? '';
const leonardo = new Leonardo({ bearerAuth: apiKey });
`;

/** A POST /generations JSON request file (wire names, two-space indent), maybe with mistakes. */
export function generationJson(r: Random): string {
  const entries = generationBody(r, mistakes(r), false).map(([k, v]): [string, unknown] => [k, jsonValue(v)]);
  return JSON.stringify(Object.fromEntries(entries), null, 2) + '\n';
}

function jsonValue(source: string): unknown {
  if (source === 'prompt') return 'a quiet harbour at dawn';
  if (source.startsWith("'")) return source.slice(1, -1);
  if (source === 'true' || source === 'false') return source === 'true';
  return Number(source);
}

/** A JSON body for one of the smaller endpoints, with the endpoint it belongs to. */
export function otherJson(r: Random): { endpoint: string; folder: string; text: string } {
  switch (r.int(0, 3)) {
    case 0:
      return { endpoint: 'POST /variations/upscale', folder: 'upscale', text: json({ id: r.chance(0.3) ? 'latest.png' : r.uuid() }) };
    case 1:
      return { endpoint: 'POST /init-image', folder: 'init-image', text: json({ extension: r.chance(0.3) ? r.pick(['PNG', 'gif', 'photo.jpg']) : 'png' }) };
    case 2: {
      const body: Record<string, unknown> = { imageId: r.uuid(), motionStrength: r.int(1, 10), isPublic: false };
      if (r.chance(0.3)) body.motionStrength = String(body.motionStrength);
      if (r.chance(0.2)) body.isInitImage = 'yes';
      return { endpoint: 'POST /generations-motion-svd', folder: 'motion', text: json(body) };
    }
    default: {
      const body: Record<string, unknown> = { prompt: r.pick(PROMPTS), isVideo: false };
      if (r.chance(0.3)) body.promptInstruction = 'more detail';
      if (r.chance(0.2)) delete body.prompt;
      return { endpoint: 'POST /prompt/improve', folder: 'prompt', text: json(body) };
    }
  }
}

function json(value: unknown): string {
  return JSON.stringify(value, null, 2) + '\n';
}

/** A shell script that calls the API with curl. */
export function curlScript(r: Random): string {
  const body = JSON.stringify(Object.fromEntries(generationBody(r, mistakes(r), false).map(([k, v]) => [k, jsonValue(v)])));
  return `#!/usr/bin/env bash
set -euo pipefail
# Renders a preview for the docs site.
curl --request POST \\
  --url https://cloud.leonardo.ai/api/rest/v1/generations \\
  --header 'accept: application/json' \\
  --header "authorization: Bearer $LEONARDO_API_KEY" \\
  --header 'content-type: application/json' \\
  --data '${body}'
`;
}

/** A REST Client .http file with one generation request. */
export function httpFile(r: Random): string {
  return `@key = {{$dotenv LEONARDO_API_KEY}}

### Create a generation
POST https://cloud.leonardo.ai/api/rest/v1/generations
authorization: Bearer {{key}}
content-type: application/json

${generationJson(r)}`;
}

/** A Markdown page with a curl example. */
export function markdownPage(r: Random, withRequest: boolean): string {
  const intro = `# ${r.pick(['Rendering previews', 'Image pipeline', 'Thumbnails', 'Design notes'])}\n\nHow the service turns a brief into images, and what to check when it fails.\n\n`;
  const list = Array.from({ length: r.int(3, 8) }, (_, i) => `- step ${i + 1}: ${r.pick(['validate input', 'queue the job', 'poll the status', 'store the result', 'notify the user'])}`).join('\n');
  const example = withRequest ? `\n\n\`\`\`sh\n${curlScript(r).split('\n').slice(3).join('\n')}\`\`\`\n` : '\n';
  return intro + list + example;
}
