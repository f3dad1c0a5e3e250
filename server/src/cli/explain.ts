// `leonardo-lint explain '<error JSON or message>'` and `leonardo-lint explain -` (stdin): prints the
// catalogue entry that explains an API error. Exit 0 with an answer (also the generic one or the
// candidates of a bare status), 1 when the text is not an error response at all, 2 for bad usage.

import { getCatalogue } from '../api/catalogue.js';
import { explainError, formatExplanation } from '../engine/knowledge/index.js';

export interface ExplainIo {
  stdin: () => Promise<string>;
  out: (text: string) => void;
}

const USAGE = `Usage: leonardo-lint explain '<error JSON or message>'
       leonardo-lint explain -          (read the error from standard input)

Explains a Leonardo.Ai API error response: its cause, the fix, and the rules that catch it.
Accepts the JSON body ({"error": …} or {"errors": [...]}), with HTTP status lines or log text around it,
or the bare message ("invalid dimensions").
Exit status: 0 with an explanation, 1 when the text is not an error response, 2 for bad usage.
`;

export async function runExplain(args: string[], io: ExplainIo): Promise<number> {
  if (args.length === 1 && (args[0] === '-h' || args[0] === '--help')) {
    io.out(USAGE);
    return 0;
  }
  const input = args.length === 1 && args[0] === '-' ? await io.stdin() : args.join(' ');
  if (args.length === 0 || input.trim() === '') {
    io.out(USAGE);
    return 2;
  }
  const match = explainError(input, getCatalogue());
  io.out(formatExplanation(match.entry, match, 'plain'));
  return match.notAnError ? 1 : 0;
}
