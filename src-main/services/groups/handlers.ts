import type { groupsApi } from '../../../src-shared/api/groups';
import type { meetingsApi } from '../../../src-shared/api/meetings';
import type { trainingApi } from '../../../src-shared/api/training';
import type { HandlersFor } from '../context';
import { getActivity, listActivities, saveAction, saveActivity } from './activities';
import { removeAction, removeActivity } from './activity-removal';
import { findPeople, markAttendance, recordSatisfaction, roster, walkIn } from './attendance';
import { addMember, checkMember, getGroup, listGroups, saveGroup, updateMember } from './groups';
import { exportIcs } from './ics-export';
import { planSeries, saveSeries } from './series';
import { customerInvolvement, customersWithoutActivity } from './involvement';
import { londonDate } from './mapping';
import { certificateOfAttendance, signInSheet } from './documents';
import { addStaffAttending, removeStaffAttending } from './staff-attendance';
import { planTaskAndFinishDays } from './task-and-finish';
import { getCourse, listCourses, saveAudit, saveCourse, trainingRecord } from './training';

export const groupsHandlers: HandlersFor<typeof groupsApi> = {
  'groups.list': (ctx) => listGroups(ctx),
  'groups.get': (ctx, input) => getGroup(ctx, input.id),
  'groups.save': (ctx, input) => saveGroup(ctx, input),
  'groups.checkMember': (ctx, input) => checkMember(ctx, input),
  'groups.addMember': (ctx, input) => addMember(ctx, input),
  'groups.updateMember': (ctx, input) => updateMember(ctx, input),
  'groups.customerInvolvement': (ctx, input) => customerInvolvement(ctx, input.customerId),
  'groups.planThreeDays': (ctx, input) => planTaskAndFinishDays(ctx, input.groupId),
  'groups.noActivitySince': (ctx, input) =>
    customersWithoutActivity(ctx, input.on ?? londonDate(ctx.clock.now())),
};

export const meetingsHandlers: HandlersFor<typeof meetingsApi> = {
  'activities.planSeries': async (ctx, input) => planSeries(ctx, input),
  'activities.saveSeries': (ctx, input) => saveSeries(ctx, input),
  'activities.list': (ctx, input) => listActivities(ctx, input),
  'activities.get': (ctx, input) => getActivity(ctx, input.id),
  'activities.save': (ctx, input) => saveActivity(ctx, input),
  'activities.saveAction': (ctx, input) => saveAction(ctx, input),
  'activities.remove': (ctx, input) => removeActivity(ctx, input.id, input.reason),
  'activities.removeAction': (ctx, input) => removeAction(ctx, input.id, input.reason),
  'activities.roster': (ctx, input) => roster(ctx, input.id),
  'activities.findPeople': (ctx, input) => findPeople(ctx, input.activityId, input.query),
  'attendance.mark': (ctx, input) => markAttendance(ctx, input),
  'attendance.walkIn': (ctx, input) => walkIn(ctx, input),
  'attendance.satisfaction': (ctx, input) => recordSatisfaction(ctx, input),
  'attendance.addStaff': (ctx, input) => addStaffAttending(ctx, input),
  'attendance.removeStaff': (ctx, input) => removeStaffAttending(ctx, input.attendanceId),
  'activities.signInSheet': (ctx, input) => signInSheet(ctx, input.id),
  'activities.ics': (ctx, input) => exportIcs(ctx, input),
};

export const trainingHandlers: HandlersFor<typeof trainingApi> = {
  'training.courses': (ctx) => listCourses(ctx),
  'training.course': (ctx, input) => getCourse(ctx, input.id),
  'training.saveCourse': (ctx, input) => saveCourse(ctx, input),
  'training.record': (ctx, input) => trainingRecord(ctx, input.customerId),
  'training.saveAudit': (ctx, input) => saveAudit(ctx, input),
  'training.certificate': (ctx, input) => certificateOfAttendance(ctx, input.attendanceId),
};
