/** One color per model, everywhere on the page (bars, curves, swatches: see styles.css too). */
export const MODEL_COLORS = {
  teacher: '#5b5bd6',
  distilled: '#0e9f85',
  control: '#e07a2f',
} as const;
