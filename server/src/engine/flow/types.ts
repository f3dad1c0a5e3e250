// What the value-origin analysis knows about an expression: that it holds (part of) the response of
// a known Leonardo call, the response of an upload to a presigned URL, or a literal. Anything else
// is unknown (`undefined`), and rules stay silent on it.

import type ts from 'typescript';
import type { Endpoint, Field, Naming } from '../../api/types.js';

/**
 * How far a response has been read. `http`: a fetch/ky/got Response (`.json()` gives the body);
 * `axios`: an axios response (`.data` is the body); `got`: a got response asked for JSON
 * (`responseType: "json"`: `.body` is the body, and the promise's `.json()`); `sdk`: an SDK result
 * (`.object` is the body); `body`: the JSON body itself.
 */
export type ResponseStage = 'http' | 'axios' | 'got' | 'sdk' | 'body';

export interface ResponseOrigin {
  kind: 'response';
  /**
   * The endpoint that answered. Undefined for a send inside a same-file wrapper whose URL comes from
   * a parameter: the endpoint is bound at each call of the wrapper.
   */
  endpoint?: Endpoint;
  /** `wire` for raw HTTP bodies, `sdk` for SDK results (camelCase names under `.object`). */
  naming: Naming;
  stage: ResponseStage;
  /** The response field reached; undefined at the body root (and before it). */
  field?: Field;
  /**
   * True when the value went through a check of the job `status` (or came out of a helper that
   * returns it only after one), so reading its images is safe.
   */
  statusChecked: boolean;
  /**
   * True when the code takes the value apart as a list first (`if (Array.isArray(x)) x = x[0] ?? {}`):
   * it is written for several shapes of answer, so a field this one lacks is a guess, not a mistake.
   */
  shapeGuessed?: boolean;
}

/** The response of the upload to a presigned URL (S3 answers 204 No Content). */
export interface UploadOrigin {
  kind: 'upload';
  stage: 'http' | 'axios' | 'body';
  /** The upload call. */
  call: ts.CallExpression;
  /** The endpoint that handed out the presigned URL (POST /init-image, ...). */
  endpoint: Endpoint;
  /** Set on the body once a reader (`.json()`, `.text()`) produced it: the reader call is the mistake. */
  readBy?: string;
}

export interface LiteralOrigin {
  kind: 'literal';
  value: string | number | boolean | null;
}

export type Origin = ResponseOrigin | UploadOrigin | LiteralOrigin;

/** What kind of id a response field holds (for `wrong-id-kind`). */
export type IdKind = 'init-image' | 'generation' | 'generated-image' | 'variation';
