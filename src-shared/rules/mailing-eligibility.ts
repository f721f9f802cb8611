import type { ConsentRecord, ContactMethod, CustomerStatus } from '../domain/customer';
import { contactMethods } from '../domain/customer';
import { readableDate } from './working-days';

/** How a mailing can reach someone: the register's contact methods a mail-merge can use. */
export const mailingChannels = ['email', 'post', 'text'] as const;
export type MailingChannel = (typeof mailingChannels)[number];
export const mailingChannelLabels: Record<MailingChannel, string> = {
  email: 'Email',
  post: 'Letter',
  text: 'Text message',
};

export const exclusionReasons = [
  'left',
  'paused',
  'no_consent',
  'consent_withdrawn',
  'no_preference',
  'channel_not_wanted',
  'missing_details',
] as const;
export type ExclusionReason = (typeof exclusionReasons)[number];
export const exclusionReasonLabels: Record<ExclusionReason, string> = {
  left: 'Has left the register',
  paused: 'Has paused their involvement',
  no_consent: 'Has not agreed to be contacted',
  consent_withdrawn: 'Withdrew consent to be contacted',
  no_preference: 'Has not said how they want to be contacted',
  channel_not_wanted: 'Does not want to be contacted this way',
  missing_details: 'The register lacks the details to reach them',
};

/** What the rule needs of a customer on the register. */
export interface MailingCandidate {
  status: CustomerStatus;
  contactMethods: readonly ContactMethod[];
  consents: readonly Pick<ConsentRecord, 'purpose' | 'givenOn' | 'withdrawnOn'>[];
  hasEmail: boolean;
  hasMobile: boolean;
  /** A first line and a postcode: enough for a letter to arrive. */
  hasAddress: boolean;
}

export interface MailingOptions {
  /** The ways this mailing goes out, in the order to try them. */
  channels: readonly MailingChannel[];
  /** Whether customers who paused their involvement still receive it (a newsletter, say). */
  includePaused: boolean;
  today: string;
}

export type MailingDecision =
  | { included: true; channel: MailingChannel }
  | { included: false; reason: ExclusionReason; detail: string };

const channelWords = (list: readonly MailingChannel[]) =>
  joinWords(list.map((c) => mailingChannelLabels[c].toLowerCase() + (c === 'post' ? 's' : '')));

function joinWords(words: string[]): string {
  if (words.length <= 1) return words[0] ?? '';
  return `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}

function hasDetails(c: MailingCandidate, channel: MailingChannel): boolean {
  if (channel === 'email') return c.hasEmail;
  if (channel === 'text') return c.hasMobile;
  return c.hasAddress;
}

const missingWords: Record<MailingChannel, string> = {
  email: 'Wants email but has no email address on the register',
  text: 'Wants text messages but has no mobile number on the register',
  post: 'Wants letters but has no full postal address (first line and postcode) on the register',
};

/**
 * Whether a customer receives a mailing, and how; or why not, in words an
 * officer can act on. Consent to contact is the `contact` purpose standing
 * on the day; the channel is the first of the mailing's ways that the
 * customer asked for and the register can reach them by.
 */
export function decideMailing(c: MailingCandidate, options: MailingOptions): MailingDecision {
  if (c.status === 'left')
    return { included: false, reason: 'left', detail: exclusionReasonLabels.left };
  if (c.status === 'paused' && !options.includePaused)
    return { included: false, reason: 'paused', detail: exclusionReasonLabels.paused };

  const contact = c.consents.filter((k) => k.purpose === 'contact' && k.givenOn <= options.today);
  const standing = contact.some((k) => k.withdrawnOn === null || k.withdrawnOn > options.today);
  if (!standing) {
    const withdrawn = contact
      .map((k) => k.withdrawnOn)
      .filter((d): d is string => d !== null)
      .sort()
      .pop();
    return withdrawn
      ? {
          included: false,
          reason: 'consent_withdrawn',
          detail: `Withdrew consent to be contacted on ${readableDate(withdrawn)}`,
        }
      : { included: false, reason: 'no_consent', detail: exclusionReasonLabels.no_consent };
  }

  if (c.contactMethods.length === 0)
    return {
      included: false,
      reason: 'no_preference',
      detail: exclusionReasonLabels.no_preference,
    };
  const wanted = options.channels.filter((ch) => c.contactMethods.includes(ch));
  if (wanted.length === 0) {
    const prefers = joinWords(c.contactMethods.map((m) => contactMethods.labels[m].toLowerCase()));
    return {
      included: false,
      reason: 'channel_not_wanted',
      detail: `Does not want ${channelWords(options.channels)}: prefers ${prefers}`,
    };
  }
  const reachable = wanted.find((ch) => hasDetails(c, ch));
  if (!reachable)
    return { included: false, reason: 'missing_details', detail: missingWords[wanted[0]!] };
  return { included: true, channel: reachable };
}
