#!/usr/bin/env bash
# Nightly batch: generate a set of wallpapers with curl.
set -euo pipefail

: "${LEONARDO_API_KEY:?set LEONARDO_API_KEY}"

# unknown-endpoint: the path is /generations (plural)
curl --request POST \
     --url https://cloud.leonardo.ai/api/rest/v1/generation \
     --header 'accept: application/json' \
     --header "authorization: Bearer $LEONARDO_API_KEY" \
     --header 'content-type: application/json' \
     --data '{"prompt": "a misty forest at dawn", "width": 1024, "height": 576}'

# invalid-json: Python's True is not JSON
curl -s -X POST https://cloud.leonardo.ai/api/rest/v1/generations \
  -H "authorization: Bearer $LEONARDO_API_KEY" \
  -H 'content-type: application/json' \
  -d '{"prompt": "northern lights over a fjord", "alchemy": True, "num_images": 2}'

# auth-header: the key needs the "Bearer " scheme
curl -s https://cloud.leonardo.ai/api/rest/v1/generations \
  -H "authorization: $LEONARDO_API_KEY" \
  -H 'content-type: application/json' \
  --json '{"prompt": "a lighthouse in a storm", "num_images": 9}'
