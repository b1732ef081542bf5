import type { PersonEmploymentOut } from '@ansinh/domain';
import type { Actor } from '../../../platform/actor.js';
import { errors } from '../../../platform/errors.js';
import { employmentPolicy } from '../employment.policy.js';
import { presentSupply } from '../employment.presenter.js';
import { abroadRepo } from '../repo/abroad.repo.js';
import { jobsRepo } from '../repo/jobs.repo.js';
import { personsRepo } from '../repo/persons.repo.js';
import { placementsRepo } from '../repo/placements.repo.js';
import { supplyRepo } from '../repo/supply.repo.js';
import { trainingRepo } from '../repo/training.repo.js';
import { abroadOut } from './abroad.js';
import type { EmploymentDeps } from './common.js';
import { placementOut } from './placements.js';
import { enrolmentOut } from './training.js';

/** A person's employment page: the supply record and everything the centre did with them. */
export function personUseCases({ database }: EmploymentDeps) {
  const db = database.db;
  return {
    /** By supply record id, or by registry person id (the page beside the registry page). */
    async personEmployment(actor: Actor, by: { supplyId?: number; personId?: number }): Promise<PersonEmploymentOut> {
      employmentPolicy.guard(actor, 'read');
      let s = by.supplyId ? await supplyRepo.get(db, by.supplyId) : undefined;
      if (by.personId) {
        s = await supplyRepo.byPersonId(db, by.personId);
        if (!s) {
          // Linked by personal ID even when the record predates the registry entry.
          const p = await personsRepo.citizenIdOf(db, by.personId);
          if (p?.citizen_id) s = await supplyRepo.byCitizenId(db, p.citizen_id);
        }
      }
      const abilities = employmentPolicy.abilities(actor);
      if (!s) {
        if (by.supplyId) throw errors.notFound('Hồ sơ cung lao động');
        return { supply: null, counselling: [], placements: [], enrolments: [], abroad: [], jobs: [], abilities };
      }
      employmentPolicy.guard(actor, 'read', s, 'Hồ sơ cung lao động');
      const [counselling, placements, enrolments, abroad, jobs] = await Promise.all([
        placementsRepo.counsellingOf(db, s.id),
        placementsRepo.placementIdsOf(db, s.id),
        trainingRepo.enrolmentIdsOf(db, s.id),
        abroadRepo.idsOf(db, s.id),
        jobsRepo.ofSupply(db, s.id),
      ]);
      return {
        supply: presentSupply(actor, s),
        counselling: counselling.map((c) => ({
          id: c.id,
          supplyId: c.supply_id,
          date: c.date,
          topic: c.topic,
          form: c.form,
          note: c.note,
        })),
        placements: await Promise.all(placements.map((p) => placementOut(db, p.id))),
        enrolments: await Promise.all(enrolments.map((n) => enrolmentOut(db, n.id))),
        abroad: await Promise.all(abroad.map((a) => abroadOut(db, a.id))),
        jobs: jobs.map((j) => ({
          id: j.id,
          supplyId: j.supply_id,
          fullName: j.full_name,
          channel: j.channel,
          date: j.date,
          counted: j.counted === 1,
          communeCode: j.commune_code,
        })),
        abilities,
      };
    },
  };
}
