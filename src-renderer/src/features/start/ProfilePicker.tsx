import { useState } from 'react';
import type { SignInProfile } from '../../../../src-shared/domain/sign-in';
import { roleLabels } from '../../../../src-shared/rules/permissions';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { Loading, Notice } from '../../components/PageHeader';
import { ChoosePassphrase, TypePassphrase } from './PassphraseForms';

/** Who is at the keyboard: a profile, then its passphrase (or, on first use, a new one). */
export function ProfilePicker() {
  const profiles = useApiQuery('session.profiles', {});
  const [chosen, setChosen] = useState<SignInProfile | null>(null);
  if (chosen) return <SignInAs profile={chosen} onBack={() => setChosen(null)} />;
  return (
    <main className="centred" id="main">
      <div className="card card--narrow">
        <h1>Who is using Involvement Desk?</h1>
        {profiles.isPending ? <Loading /> : null}
        {profiles.error ? <Notice tone="error">{profiles.error.message}</Notice> : null}
        <ul className="profile-list">
          {profiles.data?.map((p) => (
            <li key={p.id}>
              <button type="button" className="button button--block" onClick={() => setChosen(p)}>
                {p.name} — {roleLabels[p.role]}
              </button>
            </li>
          ))}
        </ul>
        <p className="muted">Not listed? Ask an administrator to add your profile.</p>
      </div>
    </main>
  );
}

function SignInAs({ profile, onBack }: { profile: SignInProfile; onBack(): void }) {
  const signIn = useApiMutation('session.signIn');
  const choose = useApiMutation('session.setPassphrase');
  return (
    <main className="centred" id="main">
      <div className="card card--narrow">
        <h1>{profile.passphraseSet ? `Sign in as ${profile.name}` : `Choose a passphrase`}</h1>
        <p>
          {profile.passphraseSet
            ? roleLabels[profile.role]
            : `${profile.name} — ${roleLabels[profile.role]}`}
        </p>
        {profile.passphraseSet ? (
          <TypePassphrase
            id="sign-in"
            submitLabel="Sign in"
            busy={signIn.isPending}
            error={signIn.error}
            onSubmit={(passphrase) => signIn.mutate({ staffId: profile.id, passphrase })}
          />
        ) : (
          <>
            <p>
              This profile has no passphrase yet. Choose one now: you will type it each time you
              sign in, and nobody else can read it.
            </p>
            <ChoosePassphrase
              id="choose"
              submitLabel="Save passphrase and sign in"
              busy={choose.isPending}
              error={choose.error}
              onSubmit={(chosen) => choose.mutate({ staffId: profile.id, ...chosen })}
            />
          </>
        )}
        <p>
          <button type="button" className="button button--quiet" onClick={onBack}>
            Choose another profile
          </button>
        </p>
      </div>
    </main>
  );
}
