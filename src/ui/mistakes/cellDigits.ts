/** Test digits behind one confusion-matrix cell: true class `trueClass`, predicted `predictedClass`. */
export function cellDigits(
  predicted: ArrayLike<number>,
  labels: ArrayLike<number>,
  trueClass: number,
  predictedClass: number,
): number[] {
  const out: number[] = [];
  for (let i = 0; i < labels.length; i++) {
    if (labels[i] === trueClass && predicted[i] === predictedClass) out.push(i);
  }
  return out;
}
