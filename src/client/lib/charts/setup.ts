import { BarController, BarElement, CategoryScale, Chart, Filler, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip } from 'chart.js';

/**
 * Colours that stay apart under the common colour-vision deficiencies
 * (Okabe–Ito blue, ColorBrewer's orange–blue diverging scale); every chart
 * also says in words what its colours mean.
 */
export const PALETTE = {
  ink: '#1f2933',
  muted: '#52606d',
  grid: '#e4e7eb',
  current: '#0072b2',
  // 3.6:1 against the white plot, as a bar must be (WCAG 1.4.11), and still lighter than this round's.
  previous: '#7b8794',
  band: 'rgba(0, 114, 178, 0.16)',
  mark: '#8a4a03',
  /** From "strongly disagree" (orange) through a neutral grey to "strongly agree" (blue). */
  scale: ['#b35806', '#f1a340', '#c9c9c9', '#92c5de', '#2166ac'],
};

/** Only what the charts use, so the bundle leaves the rest of Chart.js out. */
export function setUpCharts(): void {
  Chart.register(BarController, BarElement, CategoryScale, LinearScale, LineController, LineElement, PointElement, Filler, Legend, Tooltip);
  Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
  Chart.defaults.font.size = 13;
  Chart.defaults.color = PALETTE.ink;
  Chart.defaults.borderColor = PALETTE.grid;
  Chart.defaults.locale = document.documentElement.lang;
  // Calm pages, and a chart that is complete the moment it appears.
  Chart.defaults.animation = false;
  Chart.defaults.maintainAspectRatio = false;
}

/** Colours for an answer scale of any length, picked evenly from the diverging ramp. */
export function scaleColours(count: number): string[] {
  const last = PALETTE.scale.length - 1;
  return Array.from({ length: count }, (_, i) => PALETTE.scale[count === 1 ? last : Math.round((i * last) / (count - 1))]!);
}

/**
 * Bar charts grow with their rows so that labels are never squeezed. Setting
 * the height through the CSSOM is not an inline style attribute.
 */
export function fitHeight(canvas: HTMLCanvasElement, pixels: number): void {
  canvas.parentElement!.style.height = `${Math.round(pixels)}px`;
}

/** Wraps a long label into lines that fit the width the chart has: narrow on a phone. A rule's number stays with the word after it. */
export function wrapLabel(text: string, canvas: HTMLCanvasElement): string[] {
  const max = isNarrow(canvas) ? 16 : 28;
  const words = text.split(' ');
  if (words.length > 1 && /^\d+\.$/.test(words[0]!)) words.splice(0, 2, `${words[0]} ${words[1]}`);
  const lines: string[] = [];
  for (const word of words) {
    const last = lines.at(-1);
    if (last !== undefined && last.length + word.length + 1 <= max) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

export const isNarrow = (canvas: HTMLCanvasElement) => canvas.parentElement!.clientWidth < 480;
