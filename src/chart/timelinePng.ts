import { createCanvas, type SKRSContext2D } from '@napi-rs/canvas';
import type { ChartMarkKind, ChartRow, TimelineChart } from '../answer/timelineChart.js';
import { CHART_FONT_FAMILY, ensureChartFont } from './chartFonts.js';

/**
 * Draws a timeline's drawing data (src/answer/timelineChart.ts) as a PNG: a row per event, its date
 * and a few words on the left, its mark on a time axis on the right (a dot for a day, a bar for a
 * range, a pale bar for a week or month, hollow when placed by its article's other date), the
 * versions of an event that articles date differently in orange and joined, a legend and a note
 * of what is left out at the bottom. The size is fixed by the row count: at most
 * CHART_MAX_EVENTS rows, so drawing takes a bounded time and the file stays small.
 */

export const CHART_WIDTH = 1200;
const PAD = 24;
const TITLE_HEIGHT = 44;
const AXIS_HEIGHT = 30;
const ROW_HEIGHT = 26;
const FOOTER_HEIGHT = 56;
/** Left column: date label, then words. */
const DATE_WIDTH = 196;
const TEXT_WIDTH = 344;
const PLOT_LEFT = PAD + DATE_WIDTH + TEXT_WIDTH + 16;
const PLOT_RIGHT = CHART_WIDTH - PAD - 8;
const MARK_HEIGHT = 12;
const DOT_RADIUS = 5;
/** The narrowest a bar is drawn (a range of a few days on an axis of years). */
const MIN_BAR = 6;

export const CHART_COLORS = {
  background: '#ffffff',
  stripe: '#f5f3ff',
  text: '#1f2937',
  muted: '#6b7280',
  grid: '#e5e7eb',
  mark: '#7c3aed',
  pale: '#ddd6fe',
  differing: '#ea580c',
  differingPale: '#fed7aa',
} as const;

function font(size: number, bold = false): string {
  return `${bold ? 'bold ' : ''}${size}px ${CHART_FONT_FAMILY}`;
}

/** The text cut (with an ellipsis) to fit `width` pixels in the context's font. Bounded: the labels are short already. */
function fitted(ctx: SKRSContext2D, text: string, width: number): string {
  if (ctx.measureText(text).width <= width) return text;
  const chars = [...text];
  while (chars.length > 0 && ctx.measureText(`${chars.join('')}…`).width > width) chars.pop();
  return `${chars.join('').trimEnd()}…`;
}

/** Where the rows are drawn: the top of the first, and each one's height (pixels). */
export const CHART_ROWS = { top: PAD + TITLE_HEIGHT + AXIS_HEIGHT, height: ROW_HEIGHT } as const;

/** The height of the picture for a chart of `rows` rows. */
export function chartHeight(rows: number): number {
  return PAD + TITLE_HEIGHT + AXIS_HEIGHT + Math.max(1, rows) * ROW_HEIGHT + FOOTER_HEIGHT;
}

/** Room at either end of the axis, so that a mark at its very start or end is drawn whole. */
const AXIS_INSET = 8;

function xOf(at: number): number {
  return PLOT_LEFT + AXIS_INSET + at * (PLOT_RIGHT - PLOT_LEFT - 2 * AXIS_INSET);
}

/** How a mark is drawn: its kind, hollow and dashed when placed, orange when differing. */
type MarkStyle = Pick<ChartRow, 'kind' | 'placed'> & { differing: boolean };

/** A mark between `from` and `to` (pixels) on the line `y`; returns its centre. */
function drawMark(ctx: SKRSContext2D, mark: MarkStyle, from: number, to: number, y: number): { x: number; y: number } {
  const color = mark.differing ? CHART_COLORS.differing : CHART_COLORS.mark;
  const pale = mark.differing ? CHART_COLORS.differingPale : CHART_COLORS.pale;
  const middle = (from + to) / 2;
  ctx.lineWidth = 2;
  ctx.setLineDash(mark.placed ? [3, 3] : []);
  if (mark.kind === 'day') {
    ctx.beginPath();
    ctx.arc(middle, y, DOT_RADIUS, 0, Math.PI * 2);
    ctx.fillStyle = mark.placed ? CHART_COLORS.background : color;
    ctx.fill();
    ctx.strokeStyle = color;
    ctx.stroke();
  } else {
    const width = Math.max(MIN_BAR, to - from);
    const left = Math.min(middle - width / 2, PLOT_RIGHT - width);
    ctx.beginPath();
    ctx.roundRect(left, y - MARK_HEIGHT / 2, width, MARK_HEIGHT, 3);
    ctx.fillStyle = mark.placed ? CHART_COLORS.background : mark.kind === 'range' ? color : pale;
    ctx.fill();
    ctx.strokeStyle = color;
    ctx.stroke();
  }
  ctx.setLineDash([]);
  return { x: middle, y };
}

/** Dashed lines joining the marks of each event's differing versions. */
function joinVersions(ctx: SKRSContext2D, rows: readonly ChartRow[], marks: ReadonlyArray<{ x: number; y: number }>): void {
  ctx.strokeStyle = CHART_COLORS.differing;
  ctx.lineWidth = 1.5;
  ctx.setLineDash([4, 3]);
  for (let i = 1; i < rows.length; i++) {
    const group = rows[i]!.differingGroup;
    if (group === null || rows[i - 1]!.differingGroup !== group) continue;
    const [a, b] = [marks[i - 1]!, marks[i]!];
    ctx.beginPath();
    ctx.moveTo(a.x, a.y + DOT_RADIUS);
    ctx.lineTo(b.x, b.y - DOT_RADIUS);
    ctx.stroke();
  }
  ctx.setLineDash([]);
}

const LEGEND: Record<ChartMarkKind, string> = { day: 'a day', range: 'a range of days', period: 'a week, month or year' };

function drawLegend(ctx: SKRSContext2D, chart: TimelineChart, top: number): void {
  let x = PAD;
  const y = top + 16;
  ctx.font = font(12);
  ctx.textBaseline = 'middle';
  const item = (draw: () => void, label: string) => {
    draw();
    ctx.fillStyle = CHART_COLORS.muted;
    ctx.fillText(label, x + 22, y);
    x += 22 + ctx.measureText(label).width + 18;
  };
  const sample = (style: MarkStyle) => () => drawMark(ctx, style, x + 2, x + 16, y);
  for (const kind of chart.uses.kinds) item(sample({ kind, placed: false, differing: false }), LEGEND[kind]);
  if (chart.uses.placed) item(sample({ kind: 'day', placed: true, differing: false }), 'placed by its article’s date');
  if (chart.uses.differing) item(sample({ kind: 'day', placed: false, differing: true }), '≠ articles give different dates');
  if (chart.note !== null) {
    ctx.font = font(12);
    ctx.fillStyle = CHART_COLORS.muted;
    ctx.fillText(fitted(ctx, chart.note, CHART_WIDTH - 2 * PAD), PAD, y + 22);
  }
}

/** The chart as a PNG (at most CHART_MAX_EVENTS rows: 1200 × about 900 pixels). */
export async function drawTimelinePng(chart: TimelineChart): Promise<Buffer> {
  ensureChartFont();
  const height = chartHeight(chart.rows.length);
  const canvas = createCanvas(CHART_WIDTH, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = CHART_COLORS.background;
  ctx.fillRect(0, 0, CHART_WIDTH, height);

  ctx.textBaseline = 'middle';
  ctx.fillStyle = CHART_COLORS.text;
  ctx.font = font(20, true);
  ctx.fillText(fitted(ctx, chart.title, CHART_WIDTH - 2 * PAD), PAD, PAD + TITLE_HEIGHT / 2 - 6);

  const rowsTop = CHART_ROWS.top;
  const rowsBottom = rowsTop + chart.rows.length * ROW_HEIGHT;
  // Stripes, then the axis's grid and tick labels over them.
  chart.rows.forEach((_, i) => {
    if (i % 2 === 1) return;
    ctx.fillStyle = CHART_COLORS.stripe;
    ctx.fillRect(PAD, rowsTop + i * ROW_HEIGHT, CHART_WIDTH - 2 * PAD, ROW_HEIGHT);
  });
  ctx.font = font(12);
  // A tick's label is left out where it would run into the one before it (the grid line stays).
  let labelsEnd = -Infinity;
  for (const tick of chart.ticks) {
    const x = xOf(tick.at);
    ctx.strokeStyle = CHART_COLORS.grid;
    ctx.lineWidth = 1;
    ctx.beginPath();
    ctx.moveTo(x, rowsTop - 6);
    ctx.lineTo(x, rowsBottom);
    ctx.stroke();
    const width = ctx.measureText(tick.label).width;
    const left = Math.min(x - width / 2, CHART_WIDTH - PAD - width);
    if (left < labelsEnd + 8) continue;
    ctx.fillStyle = CHART_COLORS.muted;
    ctx.fillText(tick.label, left, rowsTop - 14);
    labelsEnd = left + width;
  }

  const marks = chart.rows.map((row, i) => {
    const y = rowsTop + i * ROW_HEIGHT + ROW_HEIGHT / 2;
    const differing = row.differingGroup !== null;
    ctx.fillStyle = differing ? CHART_COLORS.differing : CHART_COLORS.text;
    ctx.font = font(13, true);
    ctx.fillText(fitted(ctx, `${differing ? '≠ ' : ''}${row.dateLabel}`, DATE_WIDTH - 8), PAD + 6, y);
    ctx.fillStyle = CHART_COLORS.text;
    ctx.font = font(13);
    ctx.fillText(fitted(ctx, row.text, TEXT_WIDTH - 8), PAD + DATE_WIDTH, y);
    return drawMark(ctx, { ...row, differing }, xOf(row.from), xOf(row.to), y);
  });
  joinVersions(ctx, chart.rows, marks);
  drawLegend(ctx, chart, rowsBottom + 8);
  return canvas.encode('png');
}
