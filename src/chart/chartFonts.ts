import { createRequire } from 'node:module';
import { GlobalFonts } from '@napi-rs/canvas';

/**
 * The font the timeline picture is drawn in: DejaVu Sans, from the dejavu-fonts-ttf package, so
 * text draws the same on a machine without any system font. Registered once, under a family name
 * of its own (no system font of the same name can stand in for it).
 */

export const CHART_FONT_FAMILY = 'TimelineChartSans';

const FONT_FILES = ['dejavu-fonts-ttf/ttf/DejaVuSans.ttf', 'dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'];

let registered = false;

/** Registers the chart's font (regular and bold) on first call; throws, naming the file, when one cannot be loaded. */
export function ensureChartFont(): void {
  if (registered) return;
  const require = createRequire(import.meta.url);
  for (const file of FONT_FILES) {
    let path: string;
    try {
      path = require.resolve(file);
    } catch (error) {
      throw new Error(`the timeline picture's font ${file} is not installed (npm package dejavu-fonts-ttf)`, { cause: error });
    }
    if (GlobalFonts.registerFromPath(path, CHART_FONT_FAMILY) === null)
      throw new Error(`could not load the timeline picture's font from ${path}`);
  }
  registered = true;
}
