import type { ActivityGroup, ActivityOut } from '@ansinh/domain';
import type { ActivityRow } from './repo/activities.repo.js';

/** The groups stored as JSON text; a damaged value shows as no groups rather than failing the list. */
function groupsOf(json: string): ActivityGroup[] {
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v)
      ? v.filter(
          (g): g is ActivityGroup =>
            typeof g === 'object' && g !== null && typeof g.group === 'string' && typeof g.count === 'number',
        )
      : [];
  } catch {
    return [];
  }
}

/** Row -> response body. Activities hold no personal data (participants are counts). */
export function presentActivity(a: ActivityRow): ActivityOut {
  return {
    id: a.id,
    areaCode: a.commune_code ?? a.district_code ?? a.province_code,
    provinceCode: a.province_code,
    kind: a.kind,
    topic: a.topic,
    title: a.title,
    startDate: a.start_date,
    endDate: a.end_date,
    place: a.place,
    organiser: a.organiser,
    targetGroup: a.target_group,
    participantsTotal: a.participants_total,
    participantsFemale: a.participants_female,
    groups: groupsOf(a.participant_groups),
    cost: a.cost,
    note: a.note,
    createdBy: a.created_by,
  };
}
