// ineffective-option: a field the API ignores because its companion is not enabled, `sd_version`
// next to a `modelId`, and a `presetStyle` meant for the other alchemy setting. A companion that is
// conditional, unknown, or possibly behind unknown keys counts as possibly enabled: nothing is said. A
// field added on some paths only is reported where it is written: wherever it is sent, it has no effect.

import {
  BodyFacts,
  bodiesOf,
  certainly,
  certainlyNot,
  certainlySet,
  isSet,
  isTrue,
  literalValues,
  type FieldState,
  type Literal,
} from '../body/facts.js';
import { ruleDocsUrl } from '../rule-docs.js';
import { insertProperty, removeProperty } from '../fix/builders.js';
import type { Fix, Property, Rule } from '../types.js';
import type { Catalogue } from '../../api/types.js';
import { endpointLabel } from '../body/walk.js';
import { q } from '../messages.js';
import { perObject } from '../per-object.js';

/** A field that only works when its companion is enabled (wire names). */
interface Dependency {
  operationId: string;
  field: string;
  companion: string;
  /** What "enabled" means for the companion: `true`, or (for a list) set. */
  enabled: (value: Literal) => boolean;
}

const DEPENDENCIES: Dependency[] = [
  ...['promptMagicStrength', 'promptMagicVersion'].map((field) => ({
    operationId: 'createGeneration',
    field,
    companion: 'promptMagic',
    enabled: isTrue,
  })),
  {
    operationId: 'createGeneration',
    field: 'enhancePromptInstruction',
    companion: 'enhancePrompt',
    enabled: isTrue,
  },
  {
    operationId: 'createGeneration',
    field: 'imagePromptWeight',
    companion: 'imagePrompts',
    enabled: isSet,
  },
  {
    operationId: 'createGeneration',
    field: 'unzoomAmount',
    companion: 'unzoom',
    enabled: isTrue,
  },
  ...['photoRealStrength', 'photoRealVersion'].map((field) => ({
    operationId: 'createGeneration',
    field,
    companion: 'photoReal',
    enabled: isTrue,
  })),
  ...['createTextToVideoGeneration', 'createImageToVideoGeneration'].map((operationId) => ({
    operationId,
    field: 'promptEnhanceInstruction',
    companion: 'promptEnhance',
    enabled: isTrue,
  })),
];

/** presetStyle values by alchemy setting (SDK description of `presetStyle`). */
const ALCHEMY_OFF_STYLES = ['LEONARDO', 'NONE'];
const ALCHEMY_ON_STYLES = [
  'ANIME', 'CREATIVE', 'DYNAMIC', 'ENVIRONMENT', 'GENERAL', 'ILLUSTRATION', 'PHOTOGRAPHY', 'RAYTRACED',
  'RENDER_3D', 'SKETCH_BW', 'SKETCH_COLOR', 'NONE',
];

/** The names (wire and SDK) of DEPENDENCIES' fields, once per catalogue. */
const dependentNames = perObject((catalogue: Catalogue): ReadonlySet<string> => {
  const names = new Set<string>();
  for (const d of DEPENDENCIES) {
    names.add(d.field);
    const field = catalogue.byOperationId(d.operationId)?.fields.find((f) => f.wire === d.field);
    if (field) names.add(field.sdk);
  }
  return names;
});

/** The operations DEPENDENCIES speaks of. */
const OPERATIONS = [...new Set(DEPENDENCIES.map((d) => d.operationId))];

export const rule: Rule = {
  meta: {
    id: 'ineffective-option',
    defaultSeverity: 'warning',
    description: 'A field the API ignores: its companion option is not enabled, or another field overrides it.',
    docsUrl: ruleDocsUrl('ineffective-option'),
    fixable: true,
  },
  check(ctx) {
    for (const body of bodiesOf(ctx.requests, ctx.catalogue, OPERATIONS)) {
      const report = (property: Property, message: string, fixes: Fix[], detail?: string): void =>
        ctx.report({ message, detail, span: property.keySpan, fixes, endpoint: endpointLabel(body.request) });
      const operationId = body.request.endpoint!.operationId;
      const names = dependentNames(ctx.catalogue);
      // Most bodies have none of the dependent fields: one look at their keys, not a look-up per dependency.
      const anyDependent = body.object.properties.some((p) => names.has(p.key));
      for (const dependency of anyDependent ? DEPENDENCIES : []) {
        if (dependency.operationId !== operationId) continue;
        const property = writtenSet(body.state(dependency.field));
        if (!property || !companionOff(body, dependency)) continue;
        const name = body.name(dependency.field);
        const companion = body.name(dependency.companion);
        const condition = dependency.enabled === isSet ? `'${companion}'` : `'${companion}: true'`;
        report(property, `'${name}' has no effect without ${condition}: the API ignores it.`, [
          removeFix(name, property),
        ]);
      }
      if (operationId === 'createGeneration') {
        sdVersionWithModel(body, report);
        presetStyleForAlchemy(body, report);
      }
    }
  },
};

/**
 * Why a field has no effect in this body, judged on its other fields only (so also for a field not yet
 * written under its right name), as the end of "… has no effect …": `without photoReal: true`,
 * `when modelId is set`. Undefined when it may take effect. The rules whose fix would otherwise lead
 * to this rule's finding read it: unknown-field's rename of `sd_Version` says it and offers the removal,
 * and out-of-range offers no clamp for a value the API ignores (this rule's removal is the fix).
 * (presetStyle depends on its own value: not said here.)
 */
export function noEffect(body: BodyFacts, wire: string): string | undefined {
  const operationId = body.request.endpoint?.operationId;
  for (const dependency of DEPENDENCIES) {
    if (dependency.operationId !== operationId || dependency.field !== wire || !companionOff(body, dependency)) continue;
    const companion = body.name(dependency.companion);
    return dependency.enabled === isSet ? `without ${companion}` : `without ${companion}: true`;
  }
  if (wire === 'sd_version' && operationId === 'createGeneration') {
    const modelId = body.state('modelId');
    if (!certainlySet(modelId)) return undefined;
    return modelId.sent === 'yes' && modelId.source === 'sdk-default' ? 'unless modelId is null (the SDK sends a default one)' : 'when modelId is set';
  }
  return undefined;
}

/**
 * The property of a field written with known values other than null (null already means "not
 * set"; an unknown value may be `undefined`, which JSON.stringify leaves out).
 */
function writtenSet(state: FieldState): Property | undefined {
  // (Added on some paths only, `if (c) body.photoRealStrength = 0.5`: wherever it is sent, it has no effect.)
  if (state.sent === 'maybe') {
    const property = state.property;
    return property?.conditional && literalValues(property.value)?.every(isSet) ? property : undefined;
  }
  return state.sent === 'yes' && state.source === 'literal' && certainly(state, isSet) ? state.property : undefined;
}

/** The companion is certainly not enabled: absent, null, false (or `[]` for a list). */
function companionOff(body: BodyFacts, dependency: Dependency): boolean {
  const state = body.state(dependency.companion);
  if (state.sent === 'yes' && state.property && isEmptyList(state.property)) return true;
  return certainlyNot(state, dependency.enabled);
}

function isEmptyList(property: Property): boolean {
  const value = property.value;
  return value.kind === 'array' && value.elements.length === 0 && !value.hasUnknownElements;
}

/**
 * Never preferred (RULES.md "Preferred means certain"): the user may have meant to enable the
 * companion rather than drop the field, so `--fix` leaves the choice to them.
 */
function removeFix(name: string, property: Property): Fix {
  return { title: `Remove ${q(name)}`, edits: [removeProperty(property)] };
}

type Report = (property: Property, message: string, fixes: Fix[], detail?: string) => void;

/** sd_version only picks a base model when no modelId is given (the SDK sends its default modelId). */
function sdVersionWithModel(body: BodyFacts, report: Report): void {
  const property = writtenSet(body.state('sd_version'));
  if (!property) return;
  const modelId = body.state('modelId');
  if (!certainlySet(modelId)) return;
  const name = body.name('sd_version');
  if (modelId.sent === 'yes' && modelId.source === 'sdk-default') {
    report(
      property,
      `'${name}' has no effect: the SDK sends its default 'modelId' (set 'modelId: null'), and the API uses the model's version.`,
      [
        removeFix(name, property),
        { title: `Add ${q('modelId: null')}`, edits: [insertProperty(body.object, 'modelId', 'null')] },
      ],
    );
    return;
  }
  report(property, `'${name}' has no effect when 'modelId' is set: the API uses the model's own base version.`, [
    removeFix(name, property),
  ]);
}

/**
 * A presetStyle listed only for the other alchemy setting. Alchemy omitted counts as its default
 * (true) in raw requests and SDK calls alike. photoReal and ultra have their own style lists, so a
 * body where either may be on is not judged; neither is a value outside the enum (invalid-enum).
 */
function presetStyleForAlchemy(body: BodyFacts, report: Report): void {
  const style = body.state('presetStyle');
  const property = writtenSet(style);
  if (!property || style.sent !== 'yes' || !style.literals) return;
  if (!certainlyNot(body.state('photoReal'), isTrue) || !certainlyNot(body.state('ultra'), isTrue)) return;
  const alchemy = body.state('alchemy', { apiDefault: true });
  const on = certainly(alchemy, isTrue);
  const off = certainly(alchemy, (v) => v === false);
  if (!on && !off) return;
  const listed = on ? ALCHEMY_ON_STYLES : ALCHEMY_OFF_STYLES;
  const other = on ? ALCHEMY_OFF_STYLES : ALCHEMY_ON_STYLES;
  const misplaced = style.literals.filter(
    (v): v is string => typeof v === 'string' && !listed.includes(v) && other.includes(v),
  );
  if (misplaced.length === 0) return;
  const name = body.name('presetStyle');
  const setting = on
    ? alchemy.sent === 'yes' && alchemy.source !== 'literal'
      ? 'alchemy is on (its default)'
      : 'alchemy is on'
    : 'alchemy is off';
  report(
    property,
    `presetStyle "${misplaced[0]}" applies only with alchemy ${on ? 'off' : 'on'}, and ${setting}: the API does not apply it.`,
    [removeFix(name, property)],
    `With alchemy ${on ? 'on' : 'off'} use one of ${listed.map((v) => `\`${v}\``).join(', ')}.`,
  );
}
