// Suppression comments (`leonardo-lint-disable-next-line <rules>`, `-disable-line`, file-level
// `leonardo-lint-disable <rules>`). Owned by the editor issue; findings pass through until then.

import type { LintConfig } from './config.js';
import type { Finding, LintDocument } from './types.js';

export function applySuppressions(_doc: LintDocument, findings: Finding[], _config: LintConfig): Finding[] {
  return findings;
}
