import { z } from 'zod';
import type { Role } from '../rules/permissions';
import { idSchema, type Id } from './common';

export const PASSPHRASE_MIN = 10;
/** Long enough for any phrase anyone types; bounded so nobody can make the backend hash a book. */
export const PASSPHRASE_MAX = 256;

/** Minutes of no keyboard or mouse use before a window locks, unless the organisation says otherwise. */
export const DEFAULT_IDLE_MINUTES = 15;
export const IDLE_MINUTES_MAX = 240;

/** A profile as the sign-in screen lists it. */
export interface SignInProfile {
  id: Id;
  name: string;
  role: Role;
  /** False until the person chooses one (first use, or after an administrator's reset). */
  passphraseSet: boolean;
}

/** Typed to sign in or unlock: checked against the hash, never against rules. */
const typedPassphrase = z
  .string({ error: 'Type your passphrase.' })
  .min(1, { error: 'Type your passphrase.' })
  .max(PASSPHRASE_MAX, { error: 'That passphrase is not right.' });

export const signInInput = z.object({ staffId: idSchema, passphrase: typedPassphrase });

export const unlockInput = z.object({ passphrase: typedPassphrase });

/** A new passphrase, typed twice. Spaces count: a phrase of words is the point. */
export const newPassphraseFields = {
  passphrase: z
    .string({ error: 'Choose a passphrase.' })
    .max(PASSPHRASE_MAX, { error: `Keep the passphrase under ${PASSPHRASE_MAX} characters.` })
    // Spaces at the ends are easy to type by mistake, so they do not count towards the length.
    .refine((p) => p.trim().length >= PASSPHRASE_MIN, {
      error: `Choose a passphrase of at least ${PASSPHRASE_MIN} characters: a few words you will remember.`,
    }),
  confirmation: z.string({ error: 'Type the passphrase again.' }),
};

export const setPassphraseInput = z
  .object({ staffId: idSchema, ...newPassphraseFields })
  .refine((v) => v.confirmation === v.passphrase, {
    error: 'The two passphrases are not the same. Type it again.',
    path: ['confirmation'],
  });

export const resetPassphraseInput = z.object({ staffId: idSchema });

export const idleMinutesInput = z.object({
  minutes: z
    .number({ error: 'Give the minutes as a number.' })
    .int({ error: 'Give whole minutes.' })
    .min(1, { error: 'Lock after at least 1 minute.' })
    .max(IDLE_MINUTES_MAX, { error: `Lock after at most ${IDLE_MINUTES_MAX} minutes.` }),
});
