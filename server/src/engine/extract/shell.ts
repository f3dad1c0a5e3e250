// Shell scripts (.sh, .bash, .zsh, or a shell shebang): every curl command to Leonardo's API is a
// request. Variables assigned earlier in the script (`API=https://cloud.leonardo.ai/api/rest/v1`)
// are resolved in URLs; anything else that comes from a variable is unknown and never flagged.

import type { Catalogue } from '../../api/types.js';
import type { LintDocument, RequestSite } from '../types.js';
import { curlRequest, resolveVariables } from './curl.js';
import type { Extraction } from './index.js';
import { lexShell, type ShellCommand } from './text/shell-lexer.js';

export function extractFromShell(doc: LintDocument, catalogue: Catalogue): Extraction {
  // A byte-order mark is not part of the script (editors hide it; the CLI reads it from the file).
  const start = doc.text.charCodeAt(0) === 0xfeff ? 1 : 0;
  return { requests: curlRequestsIn(doc.text, lexShell(doc.text, start), catalogue) };
}

const DECLARATION = /^(?:export|local|readonly|declare|typeset)$/;

/** The curl requests among commands, with the variables assigned before each (in document order). */
export function curlRequestsIn(docText: string, commands: readonly ShellCommand[], catalogue: Catalogue): RequestSite[] {
  const ordered = [...commands].sort((a, b) => a.span.start - b.span.start);
  const variables = new Map<string, string>();
  const requests: RequestSite[] = [];
  for (const command of ordered) {
    const site = curlRequest(command, docText, catalogue, variables);
    if (site) requests.push(site);
    else recordAssignments(command, variables);
  }
  return requests;
}

/** `NAME=value` words of an assignment command (`export NAME=value` too): known values only. */
function recordAssignments(command: ShellCommand, variables: Map<string, string>): void {
  const words = command.words;
  const start = words[0] && DECLARATION.test(words[0].value.text) ? 1 : 0;
  for (const word of words.slice(start)) {
    const m = /^([A-Za-z_]\w*)=/.exec(word.value.text);
    if (!m) {
      if (start === 0) return;
      continue;
    }
    const name = m[1];
    const value = resolveVariables(word, variables);
    if (value.unknown.length === 0) variables.set(name, value.text.slice(m[0].length));
    else variables.delete(name);
  }
}
