import type { RawTextItem } from './pdf-thread';

/** A line of a PDF's text layer, in reading order. */
export interface PdfTextLine {
  /** Words separated by single spaces. */
  text: string;
  /** Approximate box in points from the top left of the upright page. */
  bbox: { x0: number; y0: number; x1: number; y1: number };
  /** Direction of the text in degrees, clockwise (0 = normal, -90 = running up the page). */
  angle: number;
}

/** Runs whose vertical extents overlap by this share of the smaller one sit on one line. */
const SAME_LINE = 0.5;
/** A run's extent above and below its baseline, in font sizes. */
const ASCENT = 0.8;
const DESCENT = 0.2;
/** A gap wider than this share of the font size between two runs is a word space. */
const WORD_GAP = 0.18;
/** Angles are grouped in steps of this many degrees. */
const ANGLE_STEP = 5;

interface Placed {
  item: RawTextItem;
  /** Position along the reading direction. */
  u: number;
  /** Position across it (downwards in the text's own frame). */
  v: number;
}

/**
 * Puts pdf.js text runs back into lines: runs whose vertical extents overlap form a line, ordered
 * left to right; lines are ordered top to bottom. Text at other angles (a
 * sideways margin note, a rotated stamp) is grouped the same way in its own frame and follows
 * the horizontal text, so it never interleaves with it. A run drawn twice on the same spot (fake
 * bold) counts once.
 */
export function groupLines(items: readonly RawTextItem[]): PdfTextLine[] {
  const byAngle = new Map<number, RawTextItem[]>();
  for (const item of dedupe(items)) {
    let key = Math.round(item.angle / ANGLE_STEP) * ANGLE_STEP;
    if (key <= -180) key += 360;
    const group = byAngle.get(key);
    if (group) group.push(item);
    else byAngle.set(key, [item]);
  }
  // Horizontal text first, then the other directions in the order they first appear.
  const angles = [...byAngle.keys()].sort((a, b) => (a === 0 ? -1 : b === 0 ? 1 : 0));
  return angles.flatMap((angle) => linesAt(byAngle.get(angle)!, angle));
}

function dedupe(items: readonly RawTextItem[]): RawTextItem[] {
  const out: RawTextItem[] = [];
  for (const item of items) {
    const twin = out.some((o) => o.str === item.str && Math.abs(o.x - item.x) <= 1 && Math.abs(o.y - item.y) <= 1 && o.angle === item.angle);
    if (!twin) out.push(item);
  }
  return out;
}

function linesAt(items: RawTextItem[], angle: number): PdfTextLine[] {
  const rad = (angle * Math.PI) / 180;
  const cos = Math.cos(rad);
  const sin = Math.sin(rad);
  const placed: Placed[] = items
    .map((item) => ({ item, u: item.x * cos + item.y * sin, v: -item.x * sin + item.y * cos }))
    .sort((a, b) => a.v - b.v || a.u - b.u);

  // A run joins the line when their vertical extents (ascent to descent) overlap by at least half
  // of the smaller one: baseline jitter, mixed sizes and raised or lowered runs stay on the line,
  // the next line (whose extent starts below this one's) does not.
  const lines: Placed[][] = [];
  let current: Placed[] = [];
  let top = 0;
  let bottom = 0;
  for (const p of placed) {
    const h = p.item.h > 0 ? p.item.h : 1;
    const itemTop = p.v - ASCENT * h;
    const itemBottom = p.v + DESCENT * h;
    const overlap = Math.min(bottom, itemBottom) - Math.max(top, itemTop);
    if (current.length > 0 && overlap >= SAME_LINE * Math.min(itemBottom - itemTop, bottom - top)) {
      current.push(p);
      top = Math.min(top, itemTop);
      bottom = Math.max(bottom, itemBottom);
      continue;
    }
    if (current.length > 0) lines.push(current);
    current = [p];
    top = itemTop;
    bottom = itemBottom;
  }
  if (current.length > 0) lines.push(current);

  return lines
    .filter((line) => line.some((p) => p.item.str.trim() !== ''))
    .map((line) => toLine(line, angle, cos, sin));
}

function toLine(line: Placed[], angle: number, cos: number, sin: number): PdfTextLine {
  line.sort((a, b) => a.u - b.u);
  let text = '';
  let end = Number.NEGATIVE_INFINITY;
  let prevH = 0;
  for (const p of line) {
    const h = p.item.h > 0 ? p.item.h : 1;
    if (p.item.str.trim() === '') {
      // A space run breaks words, but its width is often nonsense (stretched over a filled-in field).
      text += ' ';
      continue;
    }
    if (text !== '' && p.u - end > WORD_GAP * Math.min(h, prevH)) text += ' ';
    text += p.item.str;
    end = Math.max(end, p.u + p.item.w);
    prevH = h;
  }
  const xs: number[] = [];
  const ys: number[] = [];
  for (const { item } of line) {
    if (item.str.trim() === '') continue;
    // Corners of the run: along the baseline by its advance, up by the ascent, down by the descent.
    for (const along of [0, item.w]) {
      for (const across of [-ASCENT * item.h, DESCENT * item.h]) {
        xs.push(item.x + along * cos - across * sin);
        ys.push(item.y + along * sin + across * cos);
      }
    }
  }
  const r = (n: number) => Math.round(n * 10) / 10;
  return {
    text: text.replace(/\s+/g, ' ').trim(),
    bbox: { x0: r(Math.min(...xs)), y0: r(Math.min(...ys)), x1: r(Math.max(...xs)), y1: r(Math.max(...ys)) },
    angle,
  };
}

/** Letters, digits, punctuation and symbols: not spaces, not U+FFFD, not private-use glyph codes. */
const MEANINGFUL = /[\p{L}\p{N}\p{P}\p{S}]/gu;
const NOT_MEANINGFUL = /[\uFFFD\p{Co}]/u;

/** How many characters of a page's text carry meaning (a font without a usable encoding yields junk). */
export function meaningfulChars(text: string): number {
  let n = 0;
  for (const m of text.matchAll(MEANINGFUL)) if (!NOT_MEANINGFUL.test(m[0])) n++;
  return n;
}
