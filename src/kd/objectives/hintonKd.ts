/**
 * Hinton KD (Hinton, Vinyals & Dean 2015, "Distilling the Knowledge in a Neural Network"):
 *
 *   L = α · CE(y, softmax(z_s)) + (1 − α) · T² · KL(softmax(z_t/T) ‖ softmax(z_s/T))
 *
 * KL averaged over the batch; the T² keeps the soft term's gradient, (1 − α)·T·(q − p)/N, the
 * same size as T changes. The tensors come from kdLoss.ts, unchanged, so runs reproduce exactly.
 */
import type { Objective } from '../objective.ts';
import { OBJECTIVE_CATALOG } from '../objectiveCatalog.ts';
import { kdLoss } from '../kdLoss.ts';

export const hintonObjective: Objective = {
  ...OBJECTIVE_CATALOG.hinton,
  terms: ({ studentLogits, teacherLogits, labels }, { temperature, alpha }) => {
    const { hard, soft, total } = kdLoss(studentLogits, teacherLogits!, labels, temperature, alpha);
    total.dispose();
    return [hard, soft];
  },
};
