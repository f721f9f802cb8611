import type { EditableColumns } from './common';

export interface GroupRow extends EditableColumns {
  name: string;
  family: string;
  kind: string;
  landlord_id: string | null;
  area_id: string | null;
  target_meetings_per_year: number | null;
  cadence_note: string | null;
  commitment: string | null;
  description: string | null;
  starts_on: string | null;
  ends_on: string | null;
  min_tenants_per_partner: number | null;
  exclude_board_members: number;
  min_age: number | null;
  max_age: number | null;
}

export interface GroupMembershipRow extends EditableColumns {
  group_id: string;
  customer_id: string;
  role: string;
  joined_on: string;
  left_on: string | null;
  selection_method: string | null;
  selection_notes: string | null;
  role_description_agreed_on: string | null;
  code_of_conduct_signed_on: string | null;
  override_reason: string | null;
}

export interface TrainingCourseRow extends EditableColumns {
  name: string;
  description: string | null;
  provider: string | null;
}

export interface ActivityRow extends EditableColumns {
  kind: string;
  title: string;
  status: string;
  group_id: string | null;
  course_id: string | null;
  starts_at: string;
  ends_at: string;
  venue_kind: string;
  venue_name: string | null;
  venue_address: string | null;
  agenda: string | null;
  notes: string | null;
}

export interface ActivityActionRow extends EditableColumns {
  activity_id: string;
  description: string;
  owner: string | null;
  due_on: string | null;
  done_on: string | null;
}

export interface AttendanceRow extends EditableColumns {
  activity_id: string;
  customer_id: string | null;
  staff_id: string | null;
  is_member: number;
  status: string | null;
  minutes_given: number | null;
  satisfaction_opportunity: number | null;
  satisfaction_involvement: number | null;
  satisfaction_comment: string | null;
}

export interface SkillsAuditRow extends EditableColumns {
  customer_id: string;
  audited_on: string;
  /** JSON: `[{ skill, level }]`. */
  skills: string;
  notes: string | null;
}

export interface GroupsTables {
  groups: GroupRow;
  group_memberships: GroupMembershipRow;
  training_courses: TrainingCourseRow;
  activities: ActivityRow;
  activity_actions: ActivityActionRow;
  attendance: AttendanceRow;
  skills_audits: SkillsAuditRow;
}
