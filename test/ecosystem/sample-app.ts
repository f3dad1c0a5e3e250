// Realistic Leonardo client code the ecosystem tests lint (the plugin's RuleTester cases, the packed app).

/** A TypeScript module that creates a generation with fetch; `fields` go into its body after the prompt and model. */
export const TS_GENERATE = (fields: string) => `const LEONARDO = 'https://cloud.leonardo.ai/api/rest/v1';

export async function generate(prompt: string): Promise<string> {
  const res = await fetch(\`\${LEONARDO}/generations\`, {
    method: 'POST',
    headers: { authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\`, 'content-type': 'application/json' },
    body: JSON.stringify({ prompt, modelId: 'aa77f04e-3eec-4034-9c07-d0f619684628', ${fields} }),
  });
  const json = (await res.json()) as { sdGenerationJob: { generationId: string } };
  return json.sdGenerationJob.generationId;
}
`;

/** A JavaScript module that upscales through an axios instance; `fields` are lines of its body. */
export const JS_UPSCALE = (fields: string) => `import axios from 'axios';

const api = axios.create({
  baseURL: 'https://cloud.leonardo.ai/api/rest/v1',
  headers: { authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\` },
});

export async function upscale(id) {
  const { data } = await api.post('/variations/universal-upscaler', {
    generatedImageId: id,
${fields}
  });
  return data;
}
`;
