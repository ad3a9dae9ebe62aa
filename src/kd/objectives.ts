/**
 * Every objective a learner can minimize, by id (as torchdistill registers losses by name). A new
 * distillation method is one file in objectives/ with its tests, its entry in objectiveCatalog.ts
 * (what the page shows), one line here, and a recipe.
 */
import type { Objective, ObjectiveId } from './objective.ts';
import { decoupledKdObjective } from './objectives/decoupledKd.ts';
import { hardLabelObjective } from './objectives/hardLabel.ts';
import { hintObjective } from './objectives/hint.ts';
import { hintonObjective } from './objectives/hintonKd.ts';
import { logitMatchingObjective } from './objectives/logitMatching.ts';
import { softTargetCeObjective } from './objectives/softTargetCe.ts';

export const OBJECTIVES: Record<ObjectiveId, Objective> = {
  hard: hardLabelObjective,
  hinton: hintonObjective,
  'soft-ce': softTargetCeObjective,
  'logit-mse': logitMatchingObjective,
  dkd: decoupledKdObjective,
  hint: hintObjective,
};

export function objectiveById(id: ObjectiveId): Objective {
  const objective = OBJECTIVES[id];
  if (!objective) throw new Error(`No objective "${id}" is registered in kd/objectives.ts.`);
  return objective;
}
