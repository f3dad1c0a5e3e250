// Which extractor reads which kind of document, and how a document's kind is told from its name.

import type { Catalogue } from '../../api/types.js';
import type { LintConfig } from '../config/lint-config.js';
import type { DocumentKind, LintDocument, RequestSite } from '../types.js';
import { extractFromHttp } from './http.js';
import { extractFromJson } from './json.js';
import { extractFromMarkdown } from './markdown.js';
import { extractCollection, extractFromPostman, looksLikePostmanCollection } from './postman.js';
import { extractFromShell } from './shell.js';
import { v2EndpointFor } from './text/request-url.js';
import { extractFromTypeScript } from './typescript.js';

export interface Extraction {
  requests: RequestSite[];
  /** The parse tree, kept for flow rules, hover and completion. */
  parsed?: unknown;
}

/** `previous` is the parse of an earlier version of the document, which an extractor may update (and so spend). */
export type Extractor = (doc: LintDocument, catalogue: Catalogue, config: LintConfig, previous?: unknown) => Extraction;

const extractors: Partial<Record<DocumentKind, Extractor>> = {
  typescript: extractFromTypeScript,
  javascript: extractFromTypeScript,
  json: extractFromJson,
  jsonc: extractFromJson,
  shell: extractFromShell,
  markdown: extractFromMarkdown,
  http: extractFromHttp,
  postman: extractFromPostman,
};

export function extractRequests(doc: LintDocument, catalogue: Catalogue, config: LintConfig, previous?: unknown): Extraction {
  const extraction = extractWith(doc, catalogue, config, previous);
  // v2 requests resolve against the v2 API's endpoints here, the same way for every source kind.
  for (const site of extraction.requests) {
    if (site.url?.apiVersion !== 'v2') continue;
    const v2Endpoint = v2EndpointFor(site.method, site.url);
    if (v2Endpoint) site.v2Endpoint = v2Endpoint;
  }
  return extraction;
}

function extractWith(doc: LintDocument, catalogue: Catalogue, config: LintConfig, previous?: unknown): Extraction {
  // A Postman collection is JSON by name and editor language: its requests are read by the Postman extractor.
  if ((doc.kind === 'json' || doc.kind === 'jsonc') && looksLikePostmanCollection(doc.text)) {
    const collection = extractCollection(doc, catalogue);
    if (collection) return collection;
  }
  const extractor = extractors[doc.kind];
  return extractor ? extractor(doc, catalogue, config, previous) : { requests: [] };
}

const EXTENSION_KINDS: Record<string, DocumentKind> = {
  '.ts': 'typescript',
  '.tsx': 'typescript',
  '.mts': 'typescript',
  '.cts': 'typescript',
  '.js': 'javascript',
  '.jsx': 'javascript',
  '.mjs': 'javascript',
  '.cjs': 'javascript',
  '.json': 'json',
  '.jsonc': 'jsonc',
  '.sh': 'shell',
  '.bash': 'shell',
  '.zsh': 'shell',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.http': 'http',
  '.rest': 'http',
};

/** The kind of a document from its file name (and, for extension-less scripts, its shebang). */
export function documentKindForPath(path: string, text?: string): DocumentKind | undefined {
  const lower = path.toLowerCase();
  if (lower.endsWith('.postman_collection.json')) return 'postman';
  const dot = lower.lastIndexOf('.');
  const slash = Math.max(lower.lastIndexOf('/'), lower.lastIndexOf('\\'));
  if (dot > slash) return EXTENSION_KINDS[lower.slice(dot)];
  if (text && /^#!.*\b(?:ba|z|da)?sh\b/.test(text.slice(0, 200))) return 'shell';
  return undefined;
}

/** The kind of a document from an editor language id. */
export function documentKindForLanguage(languageId: string): DocumentKind | undefined {
  switch (languageId) {
    case 'typescript':
    case 'typescriptreact':
      return 'typescript';
    case 'javascript':
    case 'javascriptreact':
      return 'javascript';
    case 'json':
      return 'json';
    case 'jsonc':
      return 'jsonc';
    case 'shellscript':
      return 'shell';
    case 'markdown':
      return 'markdown';
    case 'http':
      return 'http';
    default:
      return undefined;
  }
}
