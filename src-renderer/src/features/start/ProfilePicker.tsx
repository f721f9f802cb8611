import { roleLabels } from '../../../../src-shared/rules/permissions';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { Loading, Notice } from '../../components/PageHeader';

export function ProfilePicker() {
  const staff = useApiQuery('staff.list', {});
  const signIn = useApiMutation('session.signIn');
  return (
    <main className="centred" id="main">
      <div className="card card--narrow">
        <h1>Who is using Involvement Desk?</h1>
        {staff.isPending ? <Loading /> : null}
        {signIn.error ? <Notice tone="error">{signIn.error.message}</Notice> : null}
        <ul className="profile-list">
          {staff.data
            ?.filter((s) => s.active)
            .map((s) => (
              <li key={s.id}>
                <button
                  type="button"
                  className="button button--block"
                  onClick={() => signIn.mutate({ staffId: s.id })}
                >
                  {s.name} — {roleLabels[s.role]}
                </button>
              </li>
            ))}
        </ul>
        <p className="muted">Not listed? Ask an administrator to add your profile.</p>
      </div>
    </main>
  );
}
