import { GlobalFonts } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { CHART_MAX_EVENTS, timelineChart, type ChartRow, type TimelineChart } from '../../src/answer/timelineChart.js';
import { CHART_FONT_FAMILY } from '../../src/chart/chartFonts.js';
import { CHART_COLORS, CHART_ROWS, CHART_WIDTH, chartHeight, drawTimelinePng } from '../../src/chart/timelinePng.js';
import { DISCORD_LIMITS } from '../../src/discord/limits.js';
import { countColor, decodePng, PNG_SIGNATURE } from '../support/png.js';
import { timelineEngine } from '../support/timelineCorpus.js';

function row(i: number, overrides: Partial<ChartRow> = {}): ChartRow {
  return {
    dateLabel: `${i + 1} Mar 2026`,
    text: 'The ministers met in Geneva to sign the accord',
    kind: 'day',
    from: i / 40,
    to: (i + 1) / 40,
    firstDay: 20_500 + i,
    lastDay: 20_500 + i,
    placed: false,
    differingGroup: null,
    ...overrides,
  };
}

function chartOf(rows: ChartRow[], overrides: Partial<TimelineChart> = {}): TimelineChart {
  return {
    title: 'Timeline: accord',
    rows,
    ticks: [0, 0.25, 0.5, 0.75].map((at, i) => ({ at, label: `${1 + i * 10} Mar` })),
    axis: { firstDay: 20_500, lastDay: 20_539 },
    uses: { kinds: ['day'], placed: false, differing: rows.some((r) => r.differingGroup !== null) },
    notShown: { dated: 0, undated: 0 },
    note: null,
    ...overrides,
  };
}

/** The band of the picture where the rows are (not the title, the axis's labels or the legend). */
function rowsBox(rows: number) {
  return { x0: 0, y0: CHART_ROWS.top, x1: CHART_WIDTH, y1: CHART_ROWS.top + rows * CHART_ROWS.height };
}

describe('the timeline picture', () => {
  it('is a PNG that decodes whole: signature, IHDR of the chart’s size, every chunk’s CRC, all image data', async () => {
    const chart = chartOf(Array.from({ length: 6 }, (_, i) => row(i)));
    const png = await drawTimelinePng(chart);
    expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    expect(png.toString('latin1', 12, 16)).toBe('IHDR');
    expect(png.readUInt32BE(16)).toBe(CHART_WIDTH);
    expect(png.readUInt32BE(20)).toBe(chartHeight(6));
    const decoded = decodePng(png);
    expect([decoded.width, decoded.height]).toEqual([CHART_WIDTH, chartHeight(6)]);
    // Text and marks were drawn: the purple of the marks, and dark text on the white background.
    expect(countColor(decoded, CHART_COLORS.mark)).toBeGreaterThan(100);
    expect(countColor(decoded, CHART_COLORS.text, { tolerance: 40 })).toBeGreaterThan(500);
    // The text is drawn in the bundled font, registered under its own name (no system font is asked for).
    expect(GlobalFonts.has(CHART_FONT_FAMILY)).toBe(true);
  });

  it('draws the versions of an event that articles date differently in their own colour, and only those', async () => {
    const plain = decodePng(await drawTimelinePng(chartOf([row(0), row(1), row(2)])));
    const differing = decodePng(await drawTimelinePng(chartOf([row(0), row(1, { differingGroup: 0 }), row(2, { differingGroup: 0 })])));
    expect(countColor(plain, CHART_COLORS.differing)).toBe(0);
    // In the rows of the two versions (their marks, their date labels and the line between them), not in the first row.
    const band = rowsBox(3);
    expect(countColor(differing, CHART_COLORS.differing, { box: { ...band, y1: band.y0 + CHART_ROWS.height } })).toBe(0);
    expect(countColor(differing, CHART_COLORS.differing, { box: { ...band, y0: band.y0 + CHART_ROWS.height } })).toBeGreaterThan(100);
  });

  it('draws a range as a bar as wide as its days, a day as a dot', async () => {
    const dot = decodePng(await drawTimelinePng(chartOf([row(0, { from: 0.5, to: 0.5 + 1 / 40 })])));
    const bar = decodePng(await drawTimelinePng(chartOf([row(0, { kind: 'range', from: 0.25, to: 0.75 })])));
    // A bar over half the axis is hundreds of pixels of the marks' colour; a dot, a few dozen.
    const [barPixels, dotPixels] = [
      countColor(bar, CHART_COLORS.mark, { box: rowsBox(1) }),
      countColor(dot, CHART_COLORS.mark, { box: rowsBox(1) }),
    ];
    expect(dotPixels).toBeGreaterThan(20);
    expect(barPixels).toBeGreaterThan(10 * dotPixels);
  });

  it('stays small with the most events it shows: within 1600 × 1000 pixels and far under Discord’s upload limit', async () => {
    const rows = Array.from({ length: CHART_MAX_EVENTS }, (_, i) =>
      row(i, { text: 'W'.repeat(48), dateLabel: 'wks 29 Dec 2025 – 23 Feb 2026' }),
    );
    const png = await drawTimelinePng(
      chartOf(rows, { note: '400 more dated events not shown · 12 undated events (no place on the axis)' }),
    );
    const decoded = decodePng(png);
    expect(decoded.width).toBeLessThanOrEqual(1600);
    expect(decoded.height).toBeLessThanOrEqual(1000);
    expect(png.length).toBeLessThan(DISCORD_LIMITS.attachmentBytes / 10);
  });

  it('draws a timeline the core made, differing datings and a placed event included', async () => {
    const timeline = await timelineEngine().timeline(null);
    const chart = timelineChart(timeline);
    expect(chart.uses.differing).toBe(true);
    const decoded = decodePng(await drawTimelinePng(chart));
    expect(decoded.height).toBe(chartHeight(chart.rows.length));
    expect(countColor(decoded, CHART_COLORS.differing)).toBeGreaterThan(100);
  });
});
