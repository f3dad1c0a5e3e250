// JSDoc of the SDK's model types, read with the TypeScript compiler API: the description and
// `@deprecated` flag of every property of every `export type X = { ... }` in a models folder.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

export interface MemberDoc {
  description?: string;
  deprecated: boolean;
}

/** Type name → property name → JSDoc, for every `.ts` file in `dir`. */
export type TypeDocs = Map<string, Map<string, MemberDoc>>;

export function readTypeDocs(dir: string): TypeDocs {
  const docs: TypeDocs = new Map();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts')).sort()) {
    const path = join(dir, file);
    const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
    for (const statement of source.statements) {
      if (!ts.isTypeAliasDeclaration(statement) || !ts.isTypeLiteralNode(statement.type)) continue;
      const members = new Map<string, MemberDoc>();
      for (const member of statement.type.members) {
        if (!ts.isPropertySignature(member) || !member.name) continue;
        const name = ts.isIdentifier(member.name) || ts.isStringLiteral(member.name) ? member.name.text : undefined;
        if (name !== undefined) members.set(name, memberDoc(member));
      }
      docs.set(statement.name.text, members);
    }
  }
  return docs;
}

function memberDoc(node: ts.Node): MemberDoc {
  const comments = ts.getJSDocCommentsAndTags(node).filter(ts.isJSDoc);
  // The main text, then any `@remarks` (Speakeasy puts multi-line descriptions there).
  const parts = comments.flatMap((doc) => [
    ts.getTextOfJSDocComment(doc.comment) ?? '',
    ...(doc.tags ?? []).filter((tag) => tag.tagName.text === 'remarks').map((tag) => ts.getTextOfJSDocComment(tag.comment) ?? ''),
  ]);
  const text = parts.map((part) => part.trim()).filter(Boolean).join('\n');
  return {
    ...(text ? { description: text } : {}),
    deprecated: ts.getJSDocDeprecatedTag(node) !== undefined,
  };
}

/** The summary line of an exported function's JSDoc (the SDK's `src/funcs/*.ts`). */
export function functionSummary(sourceText: string, fileName: string): string | undefined {
  const source = ts.createSourceFile(fileName, sourceText, ts.ScriptTarget.Latest, true);
  for (const statement of source.statements) {
    if (!ts.isFunctionDeclaration(statement) || !statement.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) {
      continue;
    }
    const doc = ts.getJSDocCommentsAndTags(statement).find(ts.isJSDoc);
    const text = doc ? ts.getTextOfJSDocComment(doc.comment)?.trim() : undefined;
    return text ? text.split('\n')[0].trim() : undefined;
  }
  return undefined;
}
