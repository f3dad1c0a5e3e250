// Where a rule's documentation lives. One place, so the CLI, hovers and diagnostics agree.

export const REPOSITORY_URL = 'https://github.com/leonardo-lint/leonardo-lint';

export function ruleDocsUrl(ruleId: string): string {
  return `${REPOSITORY_URL}/blob/main/docs/rules/${ruleId}.md`;
}
