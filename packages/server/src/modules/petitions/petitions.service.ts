import { caseStepsUseCases } from './use-cases/case-steps.js';
import { denunciationCheckUseCases } from './use-cases/denunciation-check.js';
import { formsUseCases } from './use-cases/forms.js';
import { hotlineUseCases } from './use-cases/hotline.js';
import { lettersHandlingUseCases } from './use-cases/letters-handling.js';
import { lettersIntakeUseCases } from './use-cases/letters-intake.js';
import { readUseCases } from './use-cases/read.js';
import { receptionBookUseCases } from './use-cases/reception-book.js';
import { receptionUseCases } from './use-cases/reception.js';
import type { PetitionsDeps } from './use-cases/shared.js';
import { reportFormUseCases } from './use-cases/report-form.js';
import { statsUseCases } from './use-cases/stats.js';

/** The petitions service: the use cases, assembled (routes, seeds, benches and tests use it). */
export function createPetitionsService(deps: PetitionsDeps) {
  return {
    ...receptionUseCases(deps),
    ...receptionBookUseCases(deps),
    ...hotlineUseCases(deps),
    ...lettersIntakeUseCases(deps),
    ...lettersHandlingUseCases(deps),
    ...denunciationCheckUseCases(deps),
    ...formsUseCases(deps),
    ...caseStepsUseCases(deps),
    ...readUseCases(deps),
    ...statsUseCases(deps),
    ...reportFormUseCases(deps),
  };
}
export type PetitionsService = ReturnType<typeof createPetitionsService>;
