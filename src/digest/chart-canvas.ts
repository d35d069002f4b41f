import { createRequire } from 'node:module';
import { createCanvas, GlobalFonts } from '@napi-rs/canvas';
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Filler,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Title,
  type ChartConfiguration,
  type Plugin,
} from 'chart.js';

export type ChartSize = { width: number; height: number };

/** Twice the CSS size, so a chart shown 600 px wide stays sharp on high-density screens. */
const PIXEL_RATIO = 2;

const FONT_FAMILY = 'Verkostopulssi Sans';
const FONT_FILES = ['dejavu-sans-latin-400-normal.woff2', 'dejavu-sans-latin-700-normal.woff2'];

let ready = false;

/**
 * A server may have no system fonts at all, so the font comes from an npm
 * package; only the controllers and elements the digest draws are registered.
 * Chart.js keeps its registry and defaults per process, and this module is the
 * only server-side user of it.
 */
function prepare(): void {
  if (ready) return;
  const require = createRequire(import.meta.url);
  for (const file of FONT_FILES) {
    // Without the font every label would silently vanish from the charts; better to fail loudly.
    if (!GlobalFonts.registerFromPath(require.resolve(`@fontsource/dejavu-sans/files/${file}`), FONT_FAMILY)) throw new Error(`chart font ${file} could not be loaded`);
  }
  Chart.register(LineController, LineElement, PointElement, BarController, BarElement, CategoryScale, LinearScale, Filler, Legend, Title);
  Chart.defaults.font.family = FONT_FAMILY;
  Chart.defaults.font.size = 13;
  Chart.defaults.color = '#1f2933';
  ready = true;
}

/** Mail clients in dark mode would show a transparent chart's dark text on a dark background. */
const whiteBackground: Plugin = {
  id: 'whiteBackground',
  beforeDraw(chart) {
    const { ctx, width, height } = chart;
    ctx.save();
    ctx.globalCompositeOperation = 'destination-over';
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, width, height);
    ctx.restore();
  },
};

/** Draws one chart, synchronously and without animation, and encodes it as a PNG of PIXEL_RATIO × the size. */
export async function renderPng(config: ChartConfiguration, size: ChartSize): Promise<Buffer> {
  prepare();
  const canvas = createCanvas(size.width, size.height);
  const options = { ...config.options, animation: false as const, responsive: false, devicePixelRatio: PIXEL_RATIO };
  // Chart.js accepts any object with the canvas API; @napi-rs/canvas implements it without the DOM types.
  const chart = new Chart(canvas as unknown as HTMLCanvasElement, { ...config, options, plugins: [...(config.plugins ?? []), whiteBackground] } as ChartConfiguration);
  try {
    return await canvas.encode('png');
  } finally {
    chart.destroy();
  }
}
