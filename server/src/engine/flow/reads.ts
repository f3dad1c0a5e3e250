// Every read of a member of a known response in the file: `a.b`, `a?.b`, `a["b"]`, `a[0]`, and the
// keys of destructuring patterns (`const { b } = a`, `({ b }) => ...`), each with the origin of the
// value it reads from. Writes (`a.b = ...`) are not reads.

import ts from 'typescript';
import { skipOuter } from '../extract/ts/scope.js';
import { accessedKey } from '../extract/ts/resolve.js';
import type { Flow } from './analysis.js';
import { propertyNameOf } from './origins.js';
import { responseReach } from './reach.js';
import { itemOf, memberOf } from './shape.js';
import type { ResponseOrigin, UploadOrigin } from './types.js';

const SK = ts.SyntaxKind;

export interface MemberRead {
  /** The member read: a name, or a number for a numeric index. */
  name: string | number;
  /** What it is read from. */
  receiver: ResponseOrigin | UploadOrigin;
  /** The whole read: the access expression, or the binding element of a pattern. */
  node: ts.PropertyAccessExpression | ts.ElementAccessExpression | ts.BindingElement;
  /** Where a finding about the name sits: the name, the index expression, or the pattern key. */
  nameNode: ts.Node;
}

/** The reads of the file in document order (computed once per flow). */
export function memberReads(flow: Flow): MemberRead[] {
  return accessesOf(flow).reads;
}

/** Members the code writes on responses (`data.receivedAt = ...`): reading them back is fine. */
export function memberWrites(flow: Flow): MemberRead[] {
  return accessesOf(flow).writes;
}

/**
 * Whether the code writes member `name` of the response value `receiver` somewhere in the file
 * (`data.receivedAt = Date.now()`): then reading it back is not reading a field the API lacks.
 */
export function writesMember(flow: Flow, receiver: ResponseOrigin | UploadOrigin, name: string | number): boolean {
  const written = flow.derived('member-writes', () => new Set(memberWrites(flow).map((write) => memberKey(write.receiver, write.name))));
  return written.size > 0 && written.has(memberKey(receiver, name));
}

/** Which member of which response value a read or write touches. */
function memberKey(receiver: ResponseOrigin | UploadOrigin, name: string | number): string {
  if (receiver.kind !== 'response') return '';
  return `${valueKey(receiver)}|${name}`;
}

/** Which response value: the endpoint's answer, at a stage, at a path (two reads of one value agree). */
export function valueKey(origin: ResponseOrigin): string {
  return `${origin.endpoint?.operationId}|${origin.stage}|${origin.field?.path ?? ''}`;
}

function accessesOf(flow: Flow): { reads: MemberRead[]; writes: MemberRead[] } {
  return flow.derived('member-reads', () => findAccesses(flow));
}

function findAccesses(flow: Flow): { reads: MemberRead[]; writes: MemberRead[] } {
  const list: MemberRead[] = [];
  const writes: MemberRead[] = [];
  // Only where a response may reach: from each reached value to the access of it, not from each
  // access of the file to the reach (most members a file reads are of other things).
  for (const reached of responseReach(flow)) {
    const access = reached.parent as ts.PropertyAccessExpression | ts.ElementAccessExpression | undefined;
    if (access?.kind !== SK.PropertyAccessExpression && access?.kind !== SK.ElementAccessExpression) continue;
    if (access.expression !== reached) continue;
    const receiver = flow.originOf(access.expression);
    if (!receiver || receiver.kind === 'literal') continue;
    const read = accessRead(access, receiver);
    if (read) (isWrite(access) ? writes : list).push(read);
  }
  const reach = responseReach(flow);
  for (const declaration of flow.facts.patterns) {
    if (!reach.has(declaration)) continue;
    const source = flow.patternSource(declaration);
    if (source && source.kind !== 'literal' && ts.isObjectBindingPattern(declaration.name)) patternReads(declaration.name, source, list);
    else if (source?.kind === 'response' && ts.isArrayBindingPattern(declaration.name)) arrayPatternReads(declaration.name, source, list);
  }
  list.sort(byNamePos);
  return { reads: list, writes };
}

/** Reads in the order their names are written (a module function: see ARCHITECTURE.md, Performance). */
function byNamePos(a: { readonly nameNode: ts.Node }, b: { readonly nameNode: ts.Node }): number {
  return a.nameNode.pos - b.nameNode.pos;
}

function accessRead(access: ts.PropertyAccessExpression | ts.ElementAccessExpression, receiver: ResponseOrigin | UploadOrigin): MemberRead | undefined {
  if (ts.isPropertyAccessExpression(access)) {
    return ts.isPrivateIdentifier(access.name) ? undefined : { name: access.name.text, receiver, node: access, nameNode: access.name };
  }
  const argument = skipOuter(access.argumentExpression);
  const key = accessedKey(access);
  if (key !== undefined) return { name: key, receiver, node: access, nameNode: argument };
  if (ts.isNumericLiteral(argument)) return { name: Number(argument.text), receiver, node: access, nameNode: argument };
  return undefined;
}

function patternReads(pattern: ts.ObjectBindingPattern, source: ResponseOrigin | UploadOrigin, out: MemberRead[]): void {
  for (const element of pattern.elements) {
    if (element.dotDotDotToken) continue;
    const name = propertyNameOf(element);
    if (name === undefined) continue;
    out.push({ name, receiver: source, node: element, nameNode: element.propertyName ?? element.name });
    if (ts.isIdentifier(element.name)) continue;
    const inner = memberAt(source, name);
    if (inner && ts.isObjectBindingPattern(element.name)) patternReads(element.name, inner, out);
    else if (inner?.kind === 'response' && ts.isArrayBindingPattern(element.name)) arrayPatternReads(element.name, inner, out);
  }
}

function arrayPatternReads(pattern: ts.ArrayBindingPattern, source: ResponseOrigin, out: MemberRead[]): void {
  const element = itemOf(source);
  if (!element) return;
  for (const entry of pattern.elements) {
    if (ts.isOmittedExpression(entry) || entry.dotDotDotToken || ts.isIdentifier(entry.name)) continue;
    if (ts.isObjectBindingPattern(entry.name)) patternReads(entry.name, element, out);
  }
}

function memberAt(origin: ResponseOrigin | UploadOrigin, name: string): ResponseOrigin | UploadOrigin | undefined {
  if (origin.kind === 'response') return memberOf(origin, name);
  return origin.stage === 'axios' && name === 'data' ? Object.assign({}, origin, { stage: 'body' }) : undefined;
}

/** `a.b = ...`, `a.b += ...`, `a.b++`, `delete a.b`: the access is written, not read. */
function isWrite(access: ts.Expression): boolean {
  let node: ts.Node = access;
  while (ts.isParenthesizedExpression(node.parent) || ts.isNonNullExpression(node.parent)) node = node.parent;
  const parent = node.parent;
  if (ts.isBinaryExpression(parent) && parent.left === node) {
    const kind = parent.operatorToken.kind;
    return kind === ts.SyntaxKind.EqualsToken || (kind >= ts.SyntaxKind.FirstCompoundAssignment && kind <= ts.SyntaxKind.LastCompoundAssignment);
  }
  if (ts.isDeleteExpression(parent)) return true;
  if ((ts.isPrefixUnaryExpression(parent) || ts.isPostfixUnaryExpression(parent)) && parent.operand === node) {
    return parent.operator === ts.SyntaxKind.PlusPlusToken || parent.operator === ts.SyntaxKind.MinusMinusToken;
  }
  return false;
}

