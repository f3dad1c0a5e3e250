// invalid-enum: a string that is not one of its field's values (`presetStyle`, `scheduler`,
// `sd_version`, `transparency`, `controlnets[].strengthType`, upload `extension`, ...). An upload
// extension written as a file name, with a dot, in upper case or as data gets the error catalogue's
// "invalid file extension" explanation and the extension it meant. Comparisons of a response enum
// with a value it never has (`status === "complete"`) are checked in flow/status-comparisons.ts.

import type { Field } from '../../api/types.js';
import { ruleDocsUrl } from '../rule-docs.js';
import { fitMessage, q } from '../messages.js';
import { perObject } from '../per-object.js';
import { checkResponseEnumComparisons } from '../flow/status-comparisons.js';
import { choiceFixes, replaceWithString } from '../fix/builders.js';
import { caseOnlyMatches, listOr, nearestNames, spellingMatches } from '../fix/suggest.js';
import type { RequestSite, Rule, RuleContext, StringValue, Value } from '../types.js';
import { endpointLabel, literalOptions, walkBodies, type BodyVisitor } from '../body/walk.js';
import { checkInvalidEnumV2 } from '../v2/invalid-enum.js';

const ID = 'invalid-enum';
const EXTENSION_ERROR = 'invalid file extension';
/** Lists longer than this are not spelt out in messages. */
const LISTED_VALUES = 12;

export const rule: Rule = {
  meta: {
    id: ID,
    defaultSeverity: 'error',
    description: 'A string that is not one of the values its field accepts (enums and documented value sets).',
    docsUrl: ruleDocsUrl(ID),
    fixable: true,
    apiError: EXTENSION_ERROR,
  },
  check(ctx) {
    checkInvalidEnumV2(ctx);
    walkBodies(ctx, VISITOR, ctx);
    checkResponseEnumComparisons(ctx);
  },
};

/** What the rule does per body property (a module constant: see BodyVisitor). */
const VISITOR: BodyVisitor<RuleContext> = {
  property({ request, property, field, path }, ctx) {
    if (field) checkValue(ctx, request, property.value, field, path);
  },
};

/** Check each string the value can take, and the elements of an array of enum strings. */
function checkValue(ctx: RuleContext, request: RequestSite, value: Value, field: Field, path: string): void {
  // Listed only for a string (most properties are numbers, booleans or fields without a set).
  let allowed: string[] | undefined;
  for (const option of literalOptions(value)) {
    if (option.kind === 'array' && field.items) {
      for (const element of option.elements) checkValue(ctx, request, element, field.items, `${path}[]`);
    }
    if (option.kind !== 'string') continue;
    allowed ??= allowedStrings(field);
    if (allowed.length === 0 || allowed.includes(option.value)) continue;
    const { values: suggestions, certain } = suggestionsFor(option.value, field, allowed);
    const fixes = choiceFixes(
      suggestions.map((s) => ({ title: `Change to ${JSON.stringify(s)}`, edit: replaceWithString(option, s) })),
      certain,
    );
    // Read field by field, not spread: a spread of the message's object costs more than the rest of the finding.
    const said = isExtensionField(field) ? extensionMessage(path, option, allowed, suggestions) : message(request, path, option, field, allowed, suggestions);
    ctx.report({
      message: said.message,
      detail: said.detail,
      span: option.span,
      fixes,
      endpoint: endpointLabel(request),
      apiError: isExtensionField(field) && request.naming === 'wire' ? EXTENSION_ERROR : undefined,
    });
  }
}

/** The formal enum, or the string values the docs list (`photoRealVersion`, upload `extension`). */
function allowedStrings(field: Field): string[] {
  if (field.enum && field.enum.length > 0) return field.enum;
  return documentedStrings(field);
}

/** The documented string values of a field without a formal enum, once per field. */
const documentedStrings = perObject((field: Field) => (field.constraints.allowed ?? []).filter((v): v is string => typeof v === 'string'));

/** `extension`, `initExtension`, `maskExtension`: the file-extension fields of the upload endpoints. */
function isExtensionField(field: Field): boolean {
  return /extension$/i.test(field.wire);
}

/** The extension a file name or data shows (certain), or the suggestions for any other value. */
function suggestionsFor(value: string, field: Field, allowed: readonly string[]): { values: string[]; certain: boolean } {
  const extension = isExtensionField(field) ? meantExtension(value, allowed) : undefined;
  return extension ? { values: [extension], certain: true } : suggestValues(value, allowed);
}

/**
 * A case-insensitive match, else the same words with other separators (both certain), else up to 3
 * nearest values (a guess: offered, never applied automatically).
 */
function suggestValues(value: string, allowed: readonly string[]): { values: string[]; certain: boolean } {
  const byCase = caseOnlyMatches(value, allowed);
  if (byCase.length > 0) return { values: byCase, certain: true };
  const bySpelling = spellingMatches(value, allowed);
  if (bySpelling.length > 0) return { values: bySpelling, certain: true };
  return { values: nearestNames(value, allowed), certain: false };
}

/** Magic prefixes of base64-encoded image files. */
const BASE64_SIGNATURES: ReadonlyArray<[string, string]> = [
  ['iVBORw0KGgo', 'png'],
  ['/9j/', 'jpg'],
  ['UklGR', 'webp'],
];

const MIME_TYPE = /^(?:image|video|application)\/([\w.+-]+)$/i;
const MIME_SUBTYPES: Readonly<Record<string, string>> = { quicktime: 'mov', 'svg+xml': 'svg' };

/**
 * The extension a value means, when it is one of the allowed ones: `"photo.PNG"` → `png`,
 * `".jpg"` → `jpg`, `"image/webp"` or a `data:image/png;base64,…` URL → the subtype, raw base64
 * image data → the type its signature shows.
 */
function meantExtension(value: string, allowed: readonly string[]): string | undefined {
  const text = value.trim();
  const dataUrl = /^data:[\w.+-]+\/([\w.+-]+)[;,]/i.exec(text);
  const mime = MIME_TYPE.exec(text);
  const signature = BASE64_SIGNATURES.find(([prefix]) => text.startsWith(prefix));
  let candidate: string;
  if (dataUrl || mime) {
    const subtype = (dataUrl ?? mime)![1].toLowerCase();
    candidate = MIME_SUBTYPES[subtype] ?? subtype;
  } else if (signature && text.length > 16) {
    candidate = signature[1];
  } else {
    const fileName = text.split(/[?#]/)[0].split(/[\\/]/).pop()!;
    candidate = fileName.slice(fileName.lastIndexOf('.') + 1).toLowerCase();
  }
  return allowed.includes(candidate) ? candidate : undefined;
}

/** What an invalid extension value is instead, for the message. */
function kindOfMistake(value: string): string {
  const text = value.trim();
  if (/^data:/i.test(text)) return 'a data URL';
  if (text.length > 64 && /^[A-Za-z0-9+/=\s]+$/.test(text)) return 'image data';
  if (MIME_TYPE.test(text)) return 'a MIME type';
  if (/^\.[^./\\]+$/.test(text)) return 'an extension with a dot';
  if (/[./\\]/.test(text)) return 'a file name';
  if (text !== text.toLowerCase()) return 'in upper case';
  return 'not an extension this endpoint takes';
}

function extensionMessage(path: string, value: StringValue, allowed: readonly string[], suggestions: readonly string[]): Worded {
  const mistake = kindOfMistake(value.value);
  const isData = mistake === 'image data' || mistake === 'a data URL';
  const shown = isData ? '' : ` ${JSON.stringify(value.value)}`;
  const head = `${q(path)}${shown} is ${mistake}`;
  const fix = suggestions.length === 1 ? `use "${suggestions[0]}", the bare extension of the file` : `use the bare extension of the file (${listOr(allowed)})`;
  return {
    message: fitMessage(`${head}: ${fix}.`, `${q(path)} is ${mistake}: ${fix}.`),
    detail:
      `The API answers \`${EXTENSION_ERROR}\`. It takes the bare extension of the file you will upload (${listOr(allowed)}), not a file name or the file's data: ` +
      'the API answers with a presigned URL, and the file goes there in a second request.',
  };
}

/** An enum's values as JSON, and listed for the detail, worked out once per list. */
const quotedValues = perObject((allowed: readonly string[]) => {
  const values = allowed.map((s) => JSON.stringify(s));
  return { values, listed: values.map((v) => `\`${v}\``).join(', ') };
});

interface Worded {
  message: string;
  detail?: string;
}

function message(
  request: RequestSite,
  path: string,
  value: StringValue,
  field: Field,
  allowed: readonly string[],
  suggestions: readonly string[],
): Worded {
  const outcome =
    request.naming === 'sdk' && field.enum
      ? "The SDK's schema rejects the call before anything is sent."
      : 'The API rejects the request.';
  const { values, listed } = quotedValues(allowed);
  const detail = `${outcome} The values: ${listed}.`;
  const shown = JSON.stringify(value.value);
  const head = `${q(path)} ${shown.length > 40 ? `${shown.slice(0, 38)}…"` : shown} is not a value ${endpointLabel(request)} accepts`;
  const fixes = [
    ...(suggestions.length > 0 ? [`${head}: did you mean ${listOr(suggestions.map((s) => JSON.stringify(s)))}?`, `${head}: did you mean ${JSON.stringify(suggestions[0])}?`] : []),
    ...(allowed.length <= LISTED_VALUES ? [`${head}: use ${listOr(values)}.`] : []),
  ];
  return { message: fitMessage(...fixes, `${head}: see the endpoint's documentation for its ${allowed.length} values.`), detail };
}
