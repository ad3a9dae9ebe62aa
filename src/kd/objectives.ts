/**
 * Every objective a learner can minimize, by id (as torchdistill registers losses by name). A new
 * distillation method is one file in objectives/ with its tests, its entry in objectiveCatalog.ts
 * (what the page shows), one line here, and a recipe.
 */
import type { Objective, ObjectiveId } from './objective.ts';
import { hardLabelObjective } from './objectives/hardLabel.ts';
import { hintonObjective } from './objectives/hintonKd.ts';

export const OBJECTIVES: Partial<Record<ObjectiveId, Objective>> = {
  hard: hardLabelObjective,
  hinton: hintonObjective,
};

export function objectiveById(id: ObjectiveId): Objective {
  const objective = OBJECTIVES[id];
  if (!objective) throw new Error(`No objective "${id}" is registered in kd/objectives.ts.`);
  return objective;
}
