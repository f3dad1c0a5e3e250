// Upscaling and removing backgrounds with axios (CommonJS).
const axios = require('axios');

const leonardo = axios.create({
  baseURL: 'https://cloud.leonardo.ai/api/rest/v1',
  headers: { authorization: `Bearer ${process.env.LEONARDO_API_KEY}` },
});

async function upscale(imageId) {
  const { data } = await leonardo.post('/variations/upscale', { id: imageId });
  return data.sdUpscaleJob.id;
}

async function removeBackground() {
  // invalid-id: a file name where the API expects the id of a generated image
  const { data } = await leonardo.post('/variations/nobg', { id: 'cat.png', isVariation: false });
  return data;
}

async function uploadInitImage() {
  // missing-required: the upload endpoint needs the file extension
  const { data } = await leonardo.post('/init-image', {});
  return data.uploadInitImage;
}

module.exports = { upscale, removeBackground, uploadInitImage };
