// Text decoded from a document (a shell word without its quotes and escapes, a JSON string's
// content, a template with its variables) together with where each character came from, so that a
// span in the decoded text maps back to the exact characters in the document.

import type { Span } from '../../types.js';
import { appendAll, appendCopies } from '../../arrays.js';

export interface MappedText {
  /** The decoded text. */
  readonly text: string;
  /** `starts[i]`/`ends[i]`: the document span that produced character i (`\"` gives 2 characters). */
  readonly starts: readonly number[];
  readonly ends: readonly number[];
  /** Ranges of `text` whose value cannot be known (`$VAR`, `{{var}}`, `$(cmd)`), in order. */
  readonly unknown: readonly Span[];
}

export class MappedTextBuilder {
  private text = '';
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  private readonly unknown: Span[] = [];

  get length(): number {
    return this.text.length;
  }

  /** One decoded character written at [start, end) in the document. */
  push(char: string, start: number, end: number = start + char.length): this {
    if (char.length > 16) {
      // A long expansion (a variable's value).
      appendCopies(this.starts, char.length, start);
      appendCopies(this.ends, char.length, end);
    } else {
      for (let i = 0; i < char.length; i++) {
        this.starts.push(start);
        this.ends.push(end);
      }
    }
    this.text += char;
    return this;
  }

  /** Characters copied verbatim from the document starting at `start`. */
  pushVerbatim(text: string, start: number): this {
    const starts = this.starts;
    const ends = this.ends;
    const from = starts.length;
    // Sized once, then filled: a long verbatim run (a 100 KB curl line) without a push per character.
    starts.length = ends.length = from + text.length;
    for (let i = 0; i < text.length; i++) {
      starts[from + i] = start + i;
      ends[from + i] = start + i + 1;
    }
    this.text += text;
    return this;
  }

  /**
   * Text whose value is not known (an expansion written at [start, end)): every character maps to the
   * whole expansion, and the range is marked unknown unless `known` (a resolved variable).
   */
  pushExpansion(text: string, start: number, end: number, known = false): this {
    const from = this.text.length;
    this.push(text, start, end);
    if (!known && text.length > 0) this.unknown.push({ start: from, end: this.text.length });
    return this;
  }

  /** Mark the built characters [start, end) unknown. */
  markUnknown(start: number, end: number): this {
    if (end > start) this.unknown.push({ start, end });
    return this;
  }

  /** Another mapped text appended, with its unknown ranges. */
  pushMapped(other: MappedText): this {
    const from = this.text.length;
    this.text += other.text;
    appendAll(this.starts, other.starts);
    appendAll(this.ends, other.ends);
    for (const u of other.unknown) this.unknown.push({ start: u.start + from, end: u.end + from });
    return this;
  }

  build(): MappedText {
    const sorted = [...this.unknown].sort((a, b) => a.start - b.start);
    return { text: this.text, starts: this.starts, ends: this.ends, unknown: mergeRanges(sorted) };
  }
}

function mergeRanges(ranges: Span[]): Span[] {
  const out: Span[] = [];
  for (const r of ranges) {
    const last = out[out.length - 1];
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else out.push({ ...r });
  }
  return out;
}

/** The document text [start, end) as a mapped text (identity mapping). */
export function verbatim(docText: string, start: number, end: number): MappedText {
  return new MappedTextBuilder().pushVerbatim(docText.slice(start, end), start).build();
}

/** Document offset of the position before decoded character `p` (p may be text.length). */
export function mapPoint(m: MappedText, p: number): number {
  if (m.text.length === 0) return m.starts[0] ?? 0;
  if (p <= 0) return m.starts[0];
  if (p >= m.text.length) return m.ends[m.text.length - 1];
  return m.starts[p];
}

/** The document span of decoded characters [start, end). */
export function mapSpan(m: MappedText, start: number, end: number): Span {
  const s = Math.max(0, Math.min(start, m.text.length));
  const e = Math.max(s, Math.min(end, m.text.length));
  if (e === s) {
    const at = mapPoint(m, s);
    return { start: at, end: at };
  }
  return { start: m.starts[s], end: m.ends[e - 1] };
}

/** The decoded characters [start, end) with their mapping and unknown ranges. */
export function sliceMapped(m: MappedText, start: number, end: number): MappedText {
  const unknown: Span[] = [];
  for (const u of m.unknown) {
    const s = Math.max(u.start, start);
    const e = Math.min(u.end, end);
    if (s < e) unknown.push({ start: s - start, end: e - start });
  }
  return {
    text: m.text.slice(start, end),
    starts: m.starts.slice(start, end),
    ends: m.ends.slice(start, end),
    unknown,
  };
}

/** Whether decoded range [start, end) overlaps an unknown range. */
export function overlapsUnknown(m: MappedText, start: number, end: number): boolean {
  return m.unknown.some((u) => u.start < Math.max(end, start + 1) && u.end > start);
}

/**
 * Whether decoded characters [start, end) are written in the document exactly as decoded, one
 * character each, side by side: then an edit of that document span is an edit of that text.
 */
export function isVerbatim(m: MappedText, start: number, end: number, docText: string): boolean {
  if (end <= start || overlapsUnknown(m, start, end)) return false;
  const span = mapSpan(m, start, end);
  return span.end - span.start === end - start && docText.slice(span.start, span.end) === m.text.slice(start, end);
}

/** The decoded text with each unknown range written as `{…}` (how RequestUrl.text shows unknown parts). */
export function withPlaceholders(m: MappedText): { text: string; toDecoded: number[] } {
  let text = '';
  const toDecoded: number[] = [];
  let i = 0;
  // Known runs are copied a slice at a time (a character at a time built a 100 KB string of 100,000 pieces).
  for (const u of m.unknown) {
    text += m.text.slice(i, u.start);
    for (; i < u.start; i++) toDecoded.push(i);
    appendCopies(toDecoded, '{…}'.length, u.start);
    text += '{…}';
    i = u.end;
  }
  text += m.text.slice(i);
  for (; i < m.text.length; i++) toDecoded.push(i);
  toDecoded.push(m.text.length);
  return { text, toDecoded };
}
