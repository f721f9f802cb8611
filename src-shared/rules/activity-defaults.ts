import { activityKindLabels, type ActivityKind } from '../domain/meetings';

/** How long a new activity runs until someone says otherwise. */
export const DEFAULT_ACTIVITY_HOURS = 2;

/**
 * The title a new activity starts with, from what it is and whose it is:
 * "Customer Council meeting", "Chairing meetings with confidence session",
 * "Roadshow". The coordinator can type over it.
 */
export function defaultActivityTitle(a: {
  kind: ActivityKind;
  groupName: string | null;
  courseName: string | null;
}): string {
  if (a.kind === 'training_session' && a.courseName) return `${a.courseName} session`;
  const kind = activityKindLabels[a.kind];
  if (!a.groupName) return kind;
  const lower = kind.charAt(0).toLowerCase() + kind.slice(1);
  return `${a.groupName} ${a.kind === 'open_day' ? kind : lower}`;
}
