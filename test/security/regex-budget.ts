// Run by regex.test.ts in a child Node process whose V8 counts each regular expression's backtracks:
// past the budget it hands the match to its breadth-first engine and says so on stdout ("Experimental
// execution … of regexp <String[n]: #source>"). Every such line is a pattern that did more work than
// the budget on one input: an exact count, where a stopwatch would depend on the machine's load.
//   literals: every regex literal of server/src (its `i` flag dropped, which the other engine lacks;
//             the inputs spell the pattern's words as it does) on adversarial inputs.
//   documents: 100 KB adversarial documents of every kind through `analyze`, so the expressions built
//             at run time and every path reading document text are run too.
// V8 counts a backtrack where a path of the match is given up, not each character a greedy loop
// gives back: the budget (10 per input character) catches exponential work, and a pattern that is
// only quadratic is the bench's figure (bench/regex.ts). A canary runs first (an exponential pattern):
// the parent fails if it is not reported, so a V8 that stopped counting cannot pass the test.
import { analyze } from '../../server/src/engine/analyze.js';
import { adversarialDocuments } from './adversarial-documents.js';
import { CANARY, inputs, lengthFor, scan } from './regex-literals.js';

/** A literal the breadth-first engine can run once its `i` flag is dropped (no lookaround, no backreference). */
function budgeted(source: string, flags: string): RegExp | undefined {
  try {
    new RegExp(source, `${flags.replace('i', '')}l`);
    return new RegExp(source, flags.replace('i', ''));
  } catch {
    return undefined;
  }
}

/** Runs a pattern on one input as the code does: every match for a global pattern, one test otherwise. */
function exercise(regex: RegExp, input: string): void {
  if (regex.global) input.replace(regex, '');
  else regex.test(input);
}

exercise(new RegExp(CANARY), 'a'.repeat(40));

if (process.argv[2] === 'literals') {
  let unbudgeted = 0;
  for (const literal of scan().literals) {
    const regex = budgeted(literal.source, literal.flags);
    if (!regex) {
      unbudgeted++;
      continue;
    }
    for (const input of inputs(literal.source, lengthFor(literal))) exercise(new RegExp(regex.source, regex.flags), input);
  }
  console.log(`unbudgeted literals: ${unbudgeted}`);
} else {
  for (const doc of adversarialDocuments()) analyze(doc);
  console.log('documents: done');
}
