// One-off script to seed the demo gallery.
// hardcoded-api-key: a real key in the source ends up in git history.
const LEONARDO_API_KEY = '3f6c2a1e-8b4d-4f7a-9c2e-5d1b7a9e4c30';

const res = await fetch('https://cloud.leonardo.ai/api/rest/v1/generations', {
  method: 'POST',
  headers: { authorization: `Bearer ${LEONARDO_API_KEY}`, 'content-type': 'application/json' },
  body: JSON.stringify({ prompt: 'a naked mole rat wearing a tiny crown', num_images: 4 }),
});
console.log(res.status);
