/**
 * Hard labels only: CE(y, softmax(z_s)) at T = 1, averaged over the batch. The teacher's loss
 * while it trains, and the control learner's: the baseline every distillation is measured against.
 */
import type { Objective } from '../objective.ts';
import { OBJECTIVE_CATALOG } from '../objectiveCatalog.ts';
import { hardLabelLoss } from '../kdLoss.ts';

export const hardLabelObjective: Objective = {
  ...OBJECTIVE_CATALOG.hard,
  terms: ({ studentLogits, labels }) => [hardLabelLoss(studentLogits, labels)],
};
