import {
  mailingChannelLabels,
  type MailingChannel,
} from '../../../../src-shared/rules/mailing-eligibility';

export const channelLabel = (c: MailingChannel) => mailingChannelLabels[c];

export const rhythmStateLabels = {
  done: 'Done',
  due: 'Due',
  overdue: 'Missed',
  upcoming: 'Coming up',
} as const;

export const rhythmStateTone = {
  done: 'green',
  due: 'amber',
  overdue: 'red',
  upcoming: 'grey',
} as const;
