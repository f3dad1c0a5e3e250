// option-conflict: combinations of fields the API rejects. Every check needs certainty: a
// conditional or unknown field, or an object with unknown keys, may hold the value that makes the
// request valid, so it is never judged. In SDK calls the fields the SDK always sends (its defaults)
// count as sent: `modelId` (its default model) and `alchemy: true`, `upscalerStyle: "GENERAL"`.

import { BodyFacts, bodiesOf, certainly, certainlyNot, certainlySet, isSet, isTrue, type FieldState, type Literal } from '../body/facts.js';
import { q } from '../messages.js';
import { ruleDocsUrl } from '../rule-docs.js';
import { insertProperty, removeProperty, replaceValue } from '../fix/builders.js';
import type { Fix, Property, ReportInput, Rule } from '../types.js';
import { endpointLabel } from '../body/walk.js';
import { checkOptionConflictV2 } from '../v2/option-conflict.js';

const PHOTOREAL_MODEL_ERROR = 'photoreal mode, unexpected model id provided';

const isString = (v: Literal): boolean => typeof v === 'string';
const isFalse = (v: Literal): boolean => v === false;

export const rule: Rule = {
  meta: {
    id: 'option-conflict',
    defaultSeverity: 'error',
    description: 'A combination of fields the API rejects (photoReal v1 with a modelId, ultra with alchemy, …).',
    docsUrl: ruleDocsUrl('option-conflict'),
    fixable: true,
    apiError: PHOTOREAL_MODEL_ERROR,
  },
  check(ctx) {
    checkOptionConflictV2(ctx);
    for (const body of bodiesOf(ctx.requests, ctx.catalogue, ['createGeneration'])) {
      const report = (finding: Omit<ReportInput, 'endpoint'>): void => reportAt(ctx, finding, body);
      photoRealModel(body, report);
      photoRealAlchemy(body, report);
      ultraAlchemy(body, report);
      unzoomCompanions(body, report);
    }
    for (const body of bodiesOf(ctx.requests, ctx.catalogue, ['CreateUniversalUpscalerJob'])) {
      upscalerStyles(body, (finding) => reportAt(ctx, finding, body));
    }
  },
};

type Report = (finding: Omit<ReportInput, 'endpoint'>) => void;

/** A finding on a body's request, with its endpoint: set on the finding, not spread into a copy (V8's generic copy of a spread costs more than the finding). */
function reportAt(ctx: { report(input: ReportInput): void }, finding: Omit<ReportInput, 'endpoint'>, body: BodyFacts): void {
  const input: ReportInput = finding;
  input.endpoint = endpointLabel(body.request);
  ctx.report(input);
}

/** The property behind a `yes` state that was written (not a default). */
function written(state: FieldState): Property | undefined {
  return state.sent === 'yes' && state.source === 'literal' ? state.property : undefined;
}

/**
 * Stop sending a written field: remove it from a raw body; in an SDK call set it to null, since a
 * removed field with an SDK default comes back as that default.
 */
function dropFix(body: BodyFacts, wire: string, property: Property): Fix {
  const name = body.name(wire);
  return body.naming === 'sdk' && body.field(wire)?.sdkAlwaysSent
    ? { title: `Set ${q(name)} to null`, edits: [replaceValue(property.value, 'null')] }
    : { title: `Remove ${q(name)}`, edits: [removeProperty(property)] };
}

/** photoReal v1 takes no modelId; photoReal v2 needs one. */
function photoRealModel(body: BodyFacts, report: Report): void {
  const photoReal = body.state('photoReal');
  if (!certainly(photoReal, isTrue)) return;
  const version = body.state('photoRealVersion');
  const modelId = body.state('modelId');
  const modelName = body.name('modelId');

  if (version.sent === 'no' || certainly(version, (v) => v === 'v1')) {
    if (!certainlySet(modelId)) return;
    const property = written(modelId);
    if (property) {
      report({
        message: `photoReal v1 picks its own model: remove '${modelName}', or use photoRealVersion "v2" with an SDXL model.`,
        span: property.keySpan,
        // Not preferred: the user may mean photoReal v2 with this model rather than v1 without it.
        fixes: [dropFix(body, 'modelId', property)],
        apiError: PHOTOREAL_MODEL_ERROR,
      });
    } else if (modelId.sent === 'yes' && modelId.source === 'sdk-default') {
      const photoRealKey = written(photoReal)!;
      report({
        message: "photoReal v1 picks its own model, but the SDK sends its default 'modelId': set 'modelId: null'.",
        span: photoRealKey.keySpan,
        // Certain: the call asks for photoReal v1 and writes no model; null only stops the SDK's default.
        // It reads the body's other fields: it waits for a round in which no other fix edits them, and it is
        // offered, not preferred, while the body has a key the endpoint does not know (fix/reads.ts).
        fixes: [{ title: `Add ${q(`${modelName}: null`)}`, edits: [insertProperty(body.object, modelName, 'null')], preferred: true, reads: [body.object.span] }],
        apiError: PHOTOREAL_MODEL_ERROR,
      });
    }
    return;
  }

  const versionKey = written(version);
  if (versionKey && certainly(version, (v) => v === 'v2') && body.naming === 'wire' && certainlyNot(modelId, isSet)) {
    report({
      message: `photoReal v2 needs a '${modelName}': Leonardo Kino XL, Leonardo Diffusion XL or Leonardo Vision XL.`,
      detail: 'Without one the API rejects the request.',
      span: versionKey.keySpan,
      fixes: [],
    });
  }
}

/** photoReal requires alchemy: an explicit `alchemy: false` is rejected. */
function photoRealAlchemy(body: BodyFacts, report: Report): void {
  if (!certainly(body.state('photoReal'), isTrue)) return;
  const alchemy = body.state('alchemy');
  const property = written(alchemy);
  if (!property || !certainly(alchemy, isFalse)) return;
  const single = property.value.kind === 'boolean';
  report({
    message: "photoReal requires alchemy: remove 'alchemy: false'.",
    detail: "With 'alchemy: false' the API rejects the request.",
    span: property.keySpan,
    // Not preferred: turning photoReal off may be what was meant.
    fixes: single ? [{ title: "Set 'alchemy' to true", edits: [replaceValue(property.value, 'true')] }] : [],
  });
}

/** ultra cannot be combined with alchemy (which the SDK sends as true by default). */
function ultraAlchemy(body: BodyFacts, report: Report): void {
  const ultra = body.state('ultra');
  const ultraKey = written(ultra);
  if (!ultraKey || !certainly(ultra, isTrue)) return;
  const alchemy = body.state('alchemy');
  if (!certainly(alchemy, isTrue)) return;
  const alchemyKey = written(alchemy);
  if (alchemyKey) {
    const single = alchemyKey.value.kind === 'boolean';
    report({
      message: "ultra cannot be combined with alchemy: keep one of 'ultra: true' and 'alchemy: true'.",
      detail: 'The API rejects a request with both.',
      span: alchemyKey.keySpan,
      fixes: single ? [{ title: "Set 'alchemy' to false", edits: [replaceValue(alchemyKey.value, 'false')] }] : [],
    });
  } else if (alchemy.sent === 'yes' && alchemy.source === 'sdk-default') {
    report({
      message: "ultra cannot be combined with alchemy, and the SDK sends 'alchemy: true' unless the call sets it: set 'alchemy: false'.",
      detail: 'The API rejects a request with both.',
      span: ultraKey.keySpan,
      fixes: [{ title: "Add 'alchemy: false'", edits: [insertProperty(body.object, 'alchemy', 'false')] }],
    });
  }
}

/** unzoom needs both unzoomAmount and an init image. */
function unzoomCompanions(body: BodyFacts, report: Report): void {
  const unzoom = body.state('unzoom');
  const unzoomKey = written(unzoom);
  if (!unzoomKey || !certainly(unzoom, isTrue)) return;
  const missing: string[] = [];
  if (certainlyNot(body.state('unzoomAmount'), isSet)) missing.push(q(body.name('unzoomAmount')));
  const noImage =
    certainlyNot(body.state('init_image_id'), isSet) && certainlyNot(body.state('init_generation_image_id'), isSet);
  if (noImage) missing.push(q(body.name('init_image_id')));
  if (missing.length === 0) return;
  report({
    message: `unzoom requires '${body.name('unzoomAmount')}' and '${body.name('init_image_id')}': add ${missing.join(' and ')}.`,
    detail: 'The API rejects the request without them.',
    span: unzoomKey.keySpan,
    fixes: [],
  });
}

/** upscalerStyle and ultraUpscaleStyle exclude each other (the SDK sends upscalerStyle "GENERAL" by default). */
function upscalerStyles(body: BodyFacts, report: Report): void {
  const ultraStyle = body.state('ultraUpscaleStyle');
  const ultraKey = written(ultraStyle);
  if (!ultraKey || !certainly(ultraStyle, isString)) return;
  const style = body.state('upscalerStyle');
  if (!certainly(style, isString)) return;
  const styleName = body.name('upscalerStyle');
  const styleKey = written(style);
  if (styleKey) {
    report({
      message: `'${styleName}' cannot be used with 'ultraUpscaleStyle': keep one.`,
      detail: 'The API rejects a request with both.',
      span: styleKey.keySpan,
      fixes: [dropFix(body, 'upscalerStyle', styleKey), { title: "Remove 'ultraUpscaleStyle'", edits: [removeProperty(ultraKey)] }],
    });
  } else if (style.sent === 'yes' && style.source === 'sdk-default') {
    report({
      message: `'ultraUpscaleStyle' cannot be used with '${styleName}', which the SDK sends as "GENERAL" unless set to null.`,
      detail: 'The API rejects a request with both.',
      span: ultraKey.keySpan,
      // Certain: the call writes only ultraUpscaleStyle; null only stops the SDK's default style.
      fixes: [{ title: `Add ${q(`${styleName}: null`)}`, edits: [insertProperty(body.object, styleName, 'null')], preferred: true, reads: [body.object.span] }],
    });
  }
}
