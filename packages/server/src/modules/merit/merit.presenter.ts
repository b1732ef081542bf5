import {
  benefitState,
  paymentContinuesFrom,
  sampleClocks,
  sampleStage,
  transferClocks,
  type BenefitDecisionKind,
  type GraveLocation,
  type MartyrInfoStatus,
  type SampleKind,
  type SampleOutcome,
  type StepClock,
  type TransferStatus,
  type WorkCalendar,
} from '@ansinh/domain';
import type {
  MeritDecisionRow,
  MeritIntakeRow,
  MeritRecordRow,
  MeritSampleRow,
  MeritTransferRow,
} from '../../db/schema-merit.js';

const clockOut = (c: StepClock) => ({ step: c.step, due: c.due, done: c.done, state: c.state });

/**
 * Clocks only where NĐ 131/2021's limits were in force (from 15/02/2022): earlier records (the
 * 2021 demo year) show none rather than limits of a decree that did not yet apply.
 */
function clocksOrNone(f: () => StepClock[]): StepClock[] {
  try {
    return f();
  } catch {
    return [];
  }
}

/** Row -> response bodies of the merit module. Registry person details stay in the registry. */
export const meritPresenter = {
  record(r: MeritRecordRow, decisions: { kind: string; effective_month: string }[]) {
    return {
      id: Number(r.id),
      personId: Number(r.person_id),
      fullName: r.full_name,
      category: r.category,
      degree: r.degree,
      dossierCode: r.dossier_code,
      custodian: r.custodian,
      retention: r.retention,
      state: r.state,
      benefitState: benefitState(
        decisions.map((d) => ({ kind: d.kind as BenefitDecisionKind, effectiveMonth: d.effective_month })),
      ),
      communeCode: r.commune_code,
      dossierId: r.dossier_id == null ? null : Number(r.dossier_id),
    };
  },
  decision(d: MeritDecisionRow) {
    return {
      id: Number(d.id),
      kind: d.kind as BenefitDecisionKind,
      effectiveMonth: d.effective_month,
      decisionNo: d.decision_no,
      decisionDate: d.decision_date,
      form: d.form,
      monthlyAmount: Number(d.monthly_amount),
      reason: d.reason,
      dossierId: d.dossier_id === null ? null : Number(d.dossier_id),
    };
  },
  transfer(t: MeritTransferRow, cal: WorkCalendar, today: string) {
    const clocks = clocksOrNone(() =>
      t.direction === 'out'
        ? transferClocks(
            cal,
            { requestedOn: t.requested_on, slipOn: t.slip_on, receivedOn: null, registeredOn: null },
            today,
          )
        : transferClocks(
            cal,
            {
              requestedOn: t.requested_on,
              slipOn: t.slip_on ?? t.requested_on,
              receivedOn: t.received_on,
              registeredOn: t.registered_on ?? t.returned_on,
            },
            today,
          ).slice(1),
    );
    return {
      id: Number(t.id),
      recordId: t.record_id === null ? null : Number(t.record_id),
      direction: t.direction as 'out' | 'in',
      otherProvinceCode: t.other_province_code,
      personName: t.person_name,
      dossierCode: t.dossier_code,
      state: t.state as TransferStatus,
      requestedOn: t.requested_on,
      slipNo: t.slip_no,
      slipOn: t.slip_on,
      postedOn: t.posted_on,
      receivedOn: t.received_on,
      registeredOn: t.registered_on,
      returnedOn: t.returned_on,
      returnReason: t.return_reason,
      paymentFrom: t.slip_on ? paymentContinuesFrom(t.slip_on) : null,
      clocks: clocks.map(clockOut),
    };
  },
  grave(g: {
    id: number;
    martyr_id: number | null;
    cemetery_id: number | null;
    location: string;
    position: string;
    identified: number;
    headstone: string;
    commune_code: string | null;
    full_name: string | null;
    info_status: string | null;
    hometown: string | null;
    death_year: number | null;
    cemetery_name: string | null;
  }) {
    return {
      id: Number(g.id),
      martyrId: g.martyr_id === null ? null : Number(g.martyr_id),
      martyrName: g.full_name || 'Liệt sĩ chưa xác định được thông tin',
      infoStatus: (g.info_status ?? 'none') as MartyrInfoStatus,
      hometown: g.hometown ?? '',
      deathYear: g.death_year,
      cemeteryId: g.cemetery_id === null ? null : Number(g.cemetery_id),
      cemeteryName: g.cemetery_name,
      location: g.location as GraveLocation,
      position: g.position,
      identified: !!g.identified,
      headstone: g.headstone,
      communeCode: g.commune_code,
    };
  },
  intake(i: MeritIntakeRow) {
    return {
      id: Number(i.id),
      team: i.team,
      receivedOn: i.received_on,
      remainsCount: i.remains_count,
      identifiedCount: i.identified_count,
      handoverForm: i.handover_form,
      reburiedOn: i.reburied_on,
    };
  },
  sample(s: MeritSampleRow, cal: WorkCalendar, today: string) {
    const dates = {
      takenOn: s.taken_on,
      dispatchedOn: s.dispatched_on,
      resultOn: s.result_on,
      returnedOn: s.returned_on,
    };
    return {
      id: Number(s.id),
      code: s.code,
      kind: s.kind as SampleKind,
      intakeId: s.intake_id === null ? null : Number(s.intake_id),
      graveId: s.grave_id === null ? null : Number(s.grave_id),
      relativeName: s.relative_name,
      relation: s.relation,
      receivedOn: s.received_on,
      takenOn: s.taken_on,
      dispatchedOn: s.dispatched_on,
      lab: s.lab,
      resultOn: s.result_on,
      outcome: s.outcome as SampleOutcome | null,
      matchedMartyrId: s.matched_martyr_id === null ? null : Number(s.matched_martyr_id),
      returnedOn: s.returned_on,
      stage: sampleStage(dates),
      clocks: clocksOrNone(() => sampleClocks(cal, { ...dates, receivedOn: s.received_on }, today)).map(clockOut),
    };
  },
};
