import type { Position, Range } from './types';

/** Maps 0-based UTF-16 offsets of a source text to 1-based line:column positions. */
export class LineIndex {
  /** Offset at which each line starts. */
  readonly starts: number[];
  /** Offset at which each line's content ends (before its line ending). */
  readonly ends: number[];
  readonly length: number;

  constructor(readonly text: string) {
    const starts = [0];
    const ends: number[] = [];
    const n = text.length;
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 /* \n */) {
        ends.push(i);
        starts.push(i + 1);
      } else if (c === 13 /* \r */) {
        ends.push(i);
        if (i + 1 < n && text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      }
    }
    ends.push(n);
    this.starts = starts;
    this.ends = ends;
    this.length = n;
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** 0-based line number that holds `offset`. */
  lineOf(offset: number): number {
    const starts = this.starts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1; // lo < mid <= hi: a line of the text
      if ((starts[mid] ?? Number.POSITIVE_INFINITY) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** Offset at which 0-based line `line` starts (a RangeError past the last line). */
  startOfLine(line: number): number {
    const start = this.starts[line];
    if (start === undefined) throw new RangeError(`The text has no line ${line} (it has ${this.starts.length}, from 0).`);
    return start;
  }

  /** Offset at which the content of 0-based line `line` ends, before its line ending (a RangeError past the last line). */
  endOfLine(line: number): number {
    const end = this.ends[line];
    if (end === undefined) throw new RangeError(`The text has no line ${line} (it has ${this.ends.length}, from 0).`);
    return end;
  }

  position(offset: number): Position {
    const o = Math.max(0, Math.min(this.length, Math.floor(offset) || 0));
    const line = this.lineOf(o);
    // An offset inside a line ending (the \n of \r\n) is shown at the end of that line.
    const column = Math.min(o, this.endOfLine(line)) - this.startOfLine(line) + 1;
    return { line: line + 1, column, offset: o };
  }

  range(start: number, end: number): Range {
    const s = this.position(start);
    const e = this.position(Math.max(start, end));
    return { start: s, end: e };
  }

  /** Offset of the start of the line that holds `offset`. */
  lineStartOf(offset: number): number {
    return this.startOfLine(this.lineOf(offset));
  }

  /** Offset of the end of the content of the line that holds `offset`. */
  lineEndOf(offset: number): number {
    return this.endOfLine(this.lineOf(offset));
  }

  /** Offset of a 1-based line:column, clamped to the text. */
  offsetAt(line: number, column: number): number {
    const l = Math.max(0, Math.min(this.starts.length - 1, Math.floor(line) - 1 || 0));
    const c = Math.max(0, Math.floor(column) - 1 || 0);
    return Math.min(this.startOfLine(l) + c, this.endOfLine(l));
  }

  /**
   * A diagnostic's span, clamped to the text and made non-empty where the text allows: a span
   * that starts at the end of a line covers that line's last character instead.
   */
  span(start: number, end: number): Range {
    let s = Math.max(0, Math.min(this.length, Math.floor(start) || 0));
    let e = Math.max(s, Math.min(this.length, Math.floor(end) || 0));
    if (e === s) {
      const line = this.lineOf(s);
      const lineEnd = this.endOfLine(line);
      const nextStart = this.starts[line + 1];
      if (s < lineEnd) e = s + 1;
      else if (s > this.startOfLine(line)) {
        s = lineEnd - 1;
        e = lineEnd;
      } else if (nextStart !== undefined) {
        e = nextStart;
      }
    }
    return this.range(s, e);
  }
}
