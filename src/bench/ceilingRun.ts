/**
 * The ceiling measurement in the bench worker: every distinct matrix product of the steps the
 * request names, timed alone at its best (productCeiling.ts), and the microkernels' peak.
 */
import type { MatMul } from '../kernels/denseMatMul.ts';
import type { BenchRequest, BenchResult } from './benchProtocol.ts';
import { measureMicrokernelPeaks } from './microkernelPeak.ts';
import { timeProduct, type ProductTiming } from './productCeiling.ts';
import { benchStepProducts, shapeKey, type Product } from './stepProducts.ts';

export function distinctProducts(request: BenchRequest): Product[] {
  const byKey = new Map<string, Product>();
  for (const batch of request.batchSizes) {
    const steps = [benchStepProducts('teacher', null, batch)];
    for (const size of request.studentSizes) {
      steps.push(benchStepProducts('distilled', size, batch));
      if (request.naive) steps.push(benchStepProducts('naive-distilled', size, batch));
    }
    for (const product of steps.flat())
      if (!byKey.has(shapeKey(product))) byKey.set(shapeKey(product), product);
  }
  return [...byKey.values()];
}

export function measureCeiling(
  request: BenchRequest,
  matMul: MatMul,
): Pick<BenchResult, 'products' | 'microkernel'> {
  const products: ProductTiming[] = distinctProducts(request).map((product) =>
    timeProduct(product, matMul, Math.max(2, request.steps)),
  );
  return { products, microkernel: request.microkernel ? measureMicrokernelPeaks() : undefined };
}
