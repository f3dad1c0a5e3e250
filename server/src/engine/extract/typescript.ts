// TypeScript / JavaScript → Leonardo request sites. One syntax-only parse (no Program, no type
// checker), one pass to index the file, then the recognisers: HTTP client calls (fetch, axios, got,
// ky, ofetch, undici, XMLHttpRequest), same-file wrappers around them, and @leonardo-ai/sdk calls.
// A file that never mentions "leonardo" is not parsed at all.

import ts from 'typescript';
import type { Catalogue } from '../../api/types.js';
import type { LintConfig } from '../config/lint-config.js';
import type { LintDocument, RequestSite } from '../types.js';
import type { Extraction } from './index.js';
import { changeBetween } from './ts/text-change.js';
import { editLiteralInPlace, keepsIndex } from './ts/token-edit.js';
import { NestedTooDeeply } from './nesting.js';
import { sendCall, type SendCall } from './ts/calls.js';
import { clientNames, mayCallClient } from './ts/clients.js';
import { createContext, type TsContext } from './ts/context.js';
import { perBranchSites, perCallSites, perInstanceSites, perElementSites, sendSite, sendUrlPieces, siteFromSend } from './ts/requests.js';
import { buildIndex, releaseIndex, resetDerived, updateIndex, type FileIndex, type IndexPieces } from './ts/file-index.js';
import { sdkSites } from './ts/sdk.js';
import { emptyWrapperTable, registerChainedWrapper, registerWrapper, siteFromWrapperCall, wrapperFor, type Wrapper, type WrapperTable } from './ts/wrappers.js';
import { xhrSends } from './ts/xhr.js';
import { appendAll, bySpan } from '../arrays.js';
import { importedSites } from '../workspace/sites.js';
import type { ImportResolver } from '../workspace/types.js';

/**
 * What an analysis hands on (`AnalysisResult.parsed`): the source file, which the analysis of the
 * document's next version updates incrementally.
 */
export interface TsParse {
  kind: 'typescript';
  sourceFile: ts.SourceFile;
  /**
   * What the index of the next version may reuse, by top-level statement: kept only for a document
   * being edited (a parse updated from an earlier version), never for a file analysed once.
   */
  pieces?: IndexPieces;
  /**
   * For a document being edited, the index itself, with what the analysis worked out from it emptied
   * (resetDerived): an edit inside a string literal that the index never reads reuses it whole.
   */
  keptIndex?: FileIndex;
}

/** What the extractor leaves for the rules while the analysis runs: the parse, its index and its client calls. */
export interface TsParsed extends TsParse {
  /** Bindings, calls and member assignments of the file (see ts/file-index.ts). */
  index: FileIndex;
  /** The calls of the file that are HTTP client calls, with their shape (for the flow analysis, which asks again). */
  sends: Map<ts.CallExpression, SendCall>;
  /** The calls of same-file wrappers, with the wrapper each goes through (for presigned-upload-auth). */
  wrapperCalls?: Map<ts.CallExpression, Wrapper>;
  /** What other modules export (the workspace index), when the analysis was given it. */
  imports?: ImportResolver;
}

export function isTsParse(parsed: unknown): parsed is TsParse {
  return typeof parsed === 'object' && parsed !== null && (parsed as TsParse).kind === 'typescript';
}

export function isTsParsed(parsed: unknown): parsed is TsParsed {
  return isTsParse(parsed) && (parsed as TsParsed).index !== undefined;
}

const MENTIONS_LEONARDO = /leonardo/i;
/** How many functions deep a chain of wrappers is followed (`post` → `request` → `fetch`). */
const MAX_WRAPPER_CHAIN = 3;

/**
 * JSDoc comments are not parsed into nodes: no rule reads them, and skipping them is ~8% of the
 * parse (the incremental parser keeps the mode of the file it updates).
 */
const PARSE_OPTIONS: ts.CreateSourceFileOptions = {
  languageVersion: ts.ScriptTarget.Latest,
  jsDocParsingMode: ts.JSDocParsingMode.ParseNone,
};

export function extractFromTypeScript(doc: LintDocument, catalogue: Catalogue, _config?: LintConfig, previous?: unknown): Extraction {
  // A file that imports a module the workspace index knows sends Leonardo requests is read too.
  if (!MENTIONS_LEONARDO.test(doc.text) && !doc.workspace?.importsLeonardo(doc.text)) return { requests: [] };
  let parsed: TsParsed;
  try {
    const fileName = doc.path || 'untitled.ts';
    const kind = scriptKind(doc);
    const updated = updatedParse(previous, fileName, kind, doc.text);
    // The earlier version's index: reused whole after an edit inside a literal it never reads, emptied otherwise.
    const kept = isTsParse(previous) ? previous.keptIndex : undefined;
    if (isTsParse(previous)) previous.keptIndex = undefined;
    if (kept && !updated?.keepsIndex) releaseIndex(kept);
    if (updated) {
      const earlier = (previous as TsParse).pieces;
      const { index, pieces } = kept && earlier && updated.keepsIndex ? { index: kept, pieces: earlier } : updateIndex(updated.sourceFile, earlier, updated.edited);
      parsed = { kind: 'typescript', sourceFile: updated.sourceFile, index, sends: new Map(), pieces };
    } else {
      // No parent pointers from the parser: buildIndex sets them in the walk it makes anyway.
      const sourceFile = ts.createSourceFile(fileName, doc.text, PARSE_OPTIONS, false, kind);
      parsed = { kind: 'typescript', sourceFile, index: buildIndex(sourceFile), sends: new Map() };
    }
  } catch (error) {
    // The parser recurses per nesting level: pathologically deep code exhausts the stack.
    if (error instanceof RangeError) throw new NestedTooDeeply();
    throw error;
  }
  try {
    if (doc.workspace) parsed.imports = doc.workspace;
    parsed.wrapperCalls = new Map();
    const requests = findRequests(createContext(parsed.sourceFile, parsed.index, doc.workspace), catalogue, parsed.sends, parsed.wrapperCalls);
    return { requests, parsed };
  } catch (error) {
    if (error instanceof RangeError) throw new NestedTooDeeply();
    throw error;
  }
}

/**
 * Empty the index and the client calls when the analysis ends: nothing reads them again, and dead
 * tables in the old generation would keep the young nodes they point to alive (see ../memo.ts).
 * What is handed on is the source file, and for a document being edited the index's pieces and the
 * index itself, with what the analysis worked out from it emptied (resetDerived).
 */
export function releaseParse(parsed: TsParsed): TsParse {
  parsed.sends.clear();
  parsed.wrapperCalls?.clear();
  if (parsed.pieces) {
    resetDerived(parsed.index, true);
    return { kind: 'typescript', sourceFile: parsed.sourceFile, pieces: parsed.pieces, keptIndex: parsed.index };
  }
  releaseIndex(parsed.index);
  return { kind: 'typescript', sourceFile: parsed.sourceFile };
}

/**
 * The earlier version's parse brought up to date: in place when the edit stays inside one string
 * literal (ts/token-edit.ts; `edited` is then the top-level statement whose index is walked again),
 * otherwise by TypeScript's incremental parser, which re-reads only the statements around the edit
 * (a keystroke in a 20,000-line file: a fifth of a full parse). The edit is what differs between the
 * two texts: their common head and tail are kept.
 */
function updatedParse(previous: unknown, fileName: string, kind: ts.ScriptKind, text: string): { sourceFile: ts.SourceFile; edited?: ts.Node; keepsIndex?: boolean } | undefined {
  if (!isTsParse(previous)) return undefined;
  const old = previous.sourceFile;
  // (scriptKind is set on every parsed SourceFile, but TypeScript's public typings leave it out.)
  if (old.fileName !== fileName || (old as { scriptKind?: ts.ScriptKind }).scriptKind !== kind) return undefined;
  const change = changeBetween(old.text, text);
  const inPlace = editLiteralInPlace(old, text, change, previous.pieces);
  if (inPlace) return { sourceFile: old, edited: inPlace.statement, keepsIndex: keepsIndex(inPlace) };
  try {
    return { sourceFile: ts.updateSourceFile(old, text, { span: { start: change.start, length: change.oldLength }, newLength: change.newLength }) };
  } catch (error) {
    // The incremental parser asserts its invariants: a parse from scratch is always right.
    if (error instanceof RangeError) throw error;
    return undefined;
  }
}

function scriptKind(doc: LintDocument): ts.ScriptKind {
  const path = doc.path.toLowerCase();
  if (path.endsWith('.tsx') || path.endsWith('.jsx')) return ts.ScriptKind.TSX;
  if (/\.(m|c)?js$/.test(path)) return ts.ScriptKind.JS;
  if (/\.(m|c)?ts$/.test(path)) return ts.ScriptKind.TS;
  return doc.kind === 'javascript' ? ts.ScriptKind.JS : ts.ScriptKind.TS;
}

/** The requests of a parsed file (also the workspace summary's, for the flow of a module's exported functions). */
export function findRequests(ctx: TsContext, catalogue: Catalogue, byCall: Map<ts.CallExpression, SendCall>, wrapperCalls?: Map<ts.CallExpression, Wrapper>): RequestSite[] {
  const requests: RequestSite[] = [];
  const wrappers = emptyWrapperTable();
  const sends: SendCall[] = [];
  const { calls, calledNames } = ctx.index;
  const names = clientNames(ctx);
  for (let i = 0; i < calls.length; i++) {
    if (!mayCallClient(calledNames[i], names)) continue;
    const call = calls[i];
    const send = sendCall(call, ctx);
    if (!send) continue;
    sends.push(send);
    byCall.set(call, send);
  }
  appendAll(sends, xhrSends(ctx));
  for (const send of sends) {
    ctx.refused = undefined;
    const pieces = sendUrlPieces(send, ctx);
    registerWrapper(wrappers, send, pieces, ctx);
    const perElement = perElementSites(send, pieces, ctx, catalogue);
    if (perElement) {
      appendAll(requests, perElement);
      continue;
    }
    const site = siteFromSend(send, pieces, ctx, catalogue);
    // A statement whose arms write several of the names the request reads: one request per arm.
    const refused = ctx.refused;
    ctx.refused = undefined;
    const perCall = site && perCallSites(send.call, sendSite(send, ctx, catalogue), ctx, (fn) => wrappers.byFunction.has(fn));
    const perBranch = !perCall && refused ? perBranchSites(send.call, sendSite(send, ctx, catalogue), refused, ctx) : undefined;
    if (perCall) appendAll(requests, perCall);
    else if (perBranch) appendAll(requests, perBranch);
    else if (site) requests.push(site);
    // A builder's send (`JSON.stringify(this.payload)`): also once per chain of setters that calls it.
    const perInstance = site && !perCall && perInstanceSites(send.call, sendSite(send, ctx, catalogue), ctx);
    if (perInstance) appendAll(requests, perInstance);
  }
  if (wrappers.byFunction.size > 0) appendAll(requests, wrapperSites(ctx, catalogue, wrappers, byCall, wrapperCalls));
  appendAll(requests, sdkSites(ctx, catalogue));
  if (ctx.imports) appendAll(requests, importedSites(ctx, catalogue, byCall));
  return requests.sort(bySpan);
}

/**
 * The requests made through wrappers. A function that passes its parameters on to a wrapper is a
 * wrapper too (a few levels deep): after the first look at every call, only the calls by the names
 * of wrappers found since are looked at again.
 */
function wrapperSites(ctx: TsContext, catalogue: Catalogue, wrappers: WrapperTable, sends: Map<ts.CallExpression, SendCall>, through = new Map<ts.CallExpression, Wrapper>()): RequestSite[] {
  const isSend = (call: ts.CallExpression): boolean => sends.has(call);
  const { calls, calledNames } = ctx.index;
  // The names whose calls a round looks at: first every wrapper's (wrapperFor rules out any other
  // call by its name), then those of the wrappers the round before found.
  let looked: ReadonlySet<string> = wrappers.names;
  for (let round = 0; round <= MAX_WRAPPER_CHAIN && looked.size > 0; round++) {
    const added = new Set<string>();
    for (let i = 0; i < calls.length; i++) {
      const name = calledNames[i];
      if (name === undefined || !looked.has(name)) continue;
      const call = calls[i];
      const wrapper = wrapperFor(call, wrappers, ctx, isSend);
      if (!wrapper) {
        through.delete(call);
        continue;
      }
      through.set(call, wrapper);
      if (round < MAX_WRAPPER_CHAIN) registerChainedWrapper(wrappers, call, wrapper, ctx, added);
    }
    looked = added;
  }
  const sites: RequestSite[] = [];
  for (const [call, wrapper] of through) {
    const make = (): RequestSite | undefined => siteFromWrapperCall(call, wrapper, ctx, catalogue);
    ctx.refused = undefined;
    const site = make();
    const refused = ctx.refused;
    ctx.refused = undefined;
    // A wrapper's call in a function of its own parameters (`generate(prompt, steps)` posting `{ prompt,
    // num_inference_steps: steps }`): one request per call of that function, as for a client call; and
    // one per arm of an `if` that writes its path and body together (`endpoint = "/..."; body = {...}`).
    const perCall = site && perCallSites(call, make, ctx, (fn) => wrappers.byFunction.has(fn));
    const perBranch = !perCall && refused ? perBranchSites(call, make, refused, ctx) : undefined;
    if (perCall) appendAll(sites, perCall);
    else if (perBranch) appendAll(sites, perBranch);
    else if (site) sites.push(site);
  }
  return sites;
}
