// The JSON schemas that make the configuration easy to get right in the editor: the one for
// `leonardo-lint.config.json` (contributed through `jsonValidation`, so VS Code's JSON language
// service completes and checks it) and the `leonardoLint.rules` setting in package.json (rule-id
// completion and an unknown-id warning in settings.json). Both are derived from the rule list, so a new
// rule appears in both: `npm run gen:schema` writes them; test/api/config-schema.test.ts fails when
// they are stale.

import { DEFAULT_MAX_FILE_SIZE } from '../server/src/engine/config/lint-config.js';
import { allRuleMetas } from '../server/src/engine/rules/index.js';

export const CONFIG_SCHEMA_FILE = 'schemas/leonardo-lint.config.schema.json';

const SEVERITIES = ['off', 'information', 'warning', 'error'];
const ENDPOINT_PATTERN = '^(GET|POST|PUT|PATCH|DELETE) /';

type Schema = Record<string, unknown>;

/** Rule id -> a severity schema whose description says what the rule flags and its default. */
function ruleProperties(): Record<string, Schema> {
  const out: Record<string, Schema> = {};
  for (const r of [...allRuleMetas].sort((a, b) => a.id.localeCompare(b.id))) {
    out[r.id] = {
      type: 'string',
      enum: SEVERITIES,
      markdownDescription: `${r.description} Default: \`${r.defaultSeverity}\`. [Documentation](${r.docsUrl})`,
    };
  }
  return out;
}

/** The `rules` object, shared by the config file and the setting. */
export function rulesSchema(): Schema {
  return {
    type: 'object',
    properties: ruleProperties(),
    additionalProperties: false,
  };
}

export function configSchema(): Schema {
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'Leonardo Lint configuration (leonardo-lint.config.json)',
    type: 'object',
    additionalProperties: false,
    properties: {
      $schema: { type: 'string' },
      rules: { ...rulesSchema(), markdownDescription: 'Severity per rule id: `off`, `information`, `warning` or `error`.' },
      requestFiles: {
        type: 'object',
        additionalProperties: { type: 'string', pattern: ENDPOINT_PATTERN, patternErrorMessage: 'An endpoint: METHOD /path, e.g. "POST /generations".' },
        markdownDescription:
          'JSON files that are request bodies: glob (relative to this file) -> endpoint, e.g. `{"requests/*.json": "POST /generations"}`.',
      },
      ignores: {
        type: 'array',
        items: { type: 'string' },
        markdownDescription: 'Globs (relative to this file) of files the CLI skips.',
      },
      maxFileSize: {
        type: 'integer',
        minimum: 1,
        default: DEFAULT_MAX_FILE_SIZE,
        markdownDescription: `Files larger than this many bytes are skipped (default ${DEFAULT_MAX_FILE_SIZE}, 2 MB).`,
      },
      reportUnusedDisableDirectives: {
        type: 'boolean',
        default: true,
        markdownDescription: 'Report `leonardo-lint-disable` comments that suppress nothing.',
      },
    },
  };
}

/** The `leonardoLint.rules` setting as package.json contributes it. */
export function rulesSettingSchema(): Schema {
  return {
    type: 'object',
    default: {},
    scope: 'resource',
    ...rulesSchema(),
    markdownDescription:
      'Severity per rule id (`off`, `information`, `warning`, `error`), e.g. `{"content-moderation": "off"}`. Overrides `leonardo-lint.config.json` rule by rule.',
  };
}
