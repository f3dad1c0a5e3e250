// The presigned-upload endpoints: they take JSON (`{extension}`) and answer with a presigned S3 URL and
// form fields; the file itself goes to that URL in a second request, which answers 204 No Content.

import type { Endpoint } from '../../api/types.js';
import type { Origin } from './types.js';

/** operationId → the response fields holding presigned URLs. */
const PRESIGNED_URL_FIELDS: Readonly<Record<string, readonly string[]>> = {
  uploadInitImage: ['uploadInitImage.url'],
  uploadCanvasInitImage: ['uploadCanvasInitImage.initUrl', 'uploadCanvasInitImage.maskUrl'],
  uploadDatasetImage: ['uploadDatasetImage.url'],
  uploadMedia: ['uploadMedia.url'],
  uploadModelAsset: ['uploadModelAsset.modelUrl'],
};

export function isPresignedUploadEndpoint(endpoint: Endpoint | undefined): boolean {
  return endpoint !== undefined && endpoint.operationId in PRESIGNED_URL_FIELDS;
}

/** True when the value is a presigned upload URL from one of those responses. */
export function isPresignedUrl(origin: Origin | undefined): boolean {
  if (origin?.kind !== 'response' || origin.stage !== 'body' || !origin.endpoint || !origin.field) return false;
  return PRESIGNED_URL_FIELDS[origin.endpoint.operationId]?.includes(origin.field.path) ?? false;
}

/** `uploadInitImage.id`, `uploadCanvasInitImage.initImageId`: where the uploaded file's id is, for messages. */
export function uploadedIdPath(endpoint: Endpoint | undefined): string {
  switch (endpoint?.operationId) {
    case 'uploadCanvasInitImage':
      return 'uploadCanvasInitImage.initImageId';
    case 'uploadDatasetImage':
      return 'uploadDatasetImage.id';
    case 'uploadMedia':
      return 'uploadMedia.uploadId';
    case 'uploadModelAsset':
      return 'uploadModelAsset.modelId';
    default:
      return 'uploadInitImage.id';
  }
}
