/**
 * Colours for members the page draws before the worker's roster names theirs (the pretrained
 * teacher's preview in the first second). Once the roster has come, `entry.color` is the colour
 * of a member everywhere: bars, curves, swatches.
 */
export const PROVISIONAL_COLORS = ['#5b5bd6', '#0e9f85', '#e07a2f', '#c2417a', '#2f7fe0'] as const;
