// An Express route that asks Leonardo.Ai for images with plain fetch.
// Every mistake in this file is one the API would answer with an error (or silently ignore).
import express from 'express';

const LEONARDO_URL = 'https://cloud.leonardo.ai/api/rest/v1';
const apiKey = process.env.LEONARDO_API_KEY;

export const router = express.Router();

router.post('/images', async (req, res) => {
  const { prompt, wantsHd } = req.body as { prompt: string; wantsHd: boolean };

  const body = {
    prompt,
    modelId: 'b24e16ff-06e3-43eb-8d33-4416c2d75876',
    sd_Version: 'SDXL_1_0',          // unknown-field: the API wants sd_version
    num_images: 6,                   // too-many-images: at most 4 above 768 px
    width: 1024,
    height: 770,                     // invalid-dimensions: not a multiple of 8
    guidance_scale: 25,              // out-of-range: 1..20
    presetStyle: 'cinematic',        // invalid-enum: the values are upper case
    alchemy: 'true',                 // type-mismatch: a string where a boolean belongs
    promptMagicStrength: 0.5,        // ineffective-option: promptMagic is not enabled
    ...(wantsHd && { highResolution: true }),
  };

  const response = await fetch(`${LEONARDO_URL}/generations`, {
    method: 'POST',
    headers: {
      accept: 'application/json',
      'content-type': 'application/json',
      authorization: `Bearer ${apiKey}`,
    },
    body: JSON.stringify(body),
  });
  res.status(response.status).json(await response.json());
});
