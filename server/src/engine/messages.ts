// How findings word their one-line messages. The Problems panel shows a message as plain text, one
// line, cut at its width: a message leads with what is wrong and the fix, about 100 characters and
// never over MAX_MESSAGE_LENGTH, and quotes code 'like this' and string values as JSON ("like this"),
// never in Markdown backticks. What else there is to say (why, the API's own error text, a caveat of
// the catalogue) goes to the finding's `detail` and `apiError`, which the hover shows.

/** The longest message a finding may have (the rule tests and the examples' test check it). */
export const MAX_MESSAGE_LENGTH = 140;

/** A name from code, as a message quotes it: `'sd_version'`. */
export function q(name: string): string {
  return `'${name}'`;
}

/** The first of the candidate messages that fits in MAX_MESSAGE_LENGTH (the last one regardless). */
export function fitMessage(...candidates: string[]): string {
  return candidates.find((c) => c.length <= MAX_MESSAGE_LENGTH) ?? candidates[candidates.length - 1];
}

/** Text written for Markdown, as a message says it: each `code span` quoted 'like this'. */
export function plainCode(text: string): string {
  return text.replace(/`([^`]*)`/g, "'$1'");
}
