import { describeDemoCounts } from '../../../../src-shared/domain/demo';
import { useApiMutation } from '../../api/hooks';
import { Notice } from '../../components/PageHeader';
import { PageHeader } from '../../components/PageHeader';
import { useSession } from '../../session';
import { Attention } from './Attention';

export function Home() {
  const session = useSession();
  const demo = useApiMutation('demo.load');
  const template = useApiMutation('organisation.applyTemplate');
  const busy = demo.isPending || template.isPending;
  return (
    <>
      <PageHeader
        title="Home"
        subtitle={`${session.organisationName ?? 'Your organisation'} · signed in as ${session.staff!.name}`}
      />
      {session.databaseEmpty ? (
        <section className="panel" aria-labelledby="get-started">
          <h2 id="get-started">Get started</h2>
          <p>This database is empty. Choose how to begin:</p>
          <div className="button-row">
            <button
              type="button"
              className="button"
              disabled={busy}
              onClick={() => demo.mutate({ customers: 300, seed: 13 })}
            >
              Load demo data
            </button>
            <button
              type="button"
              className="button button--secondary"
              disabled={busy}
              onClick={() => template.mutate({})}
            >
              Start with the default organisation
            </button>
          </div>
          <p className="muted">
            Demo data sets up a sample landlord group with about 300 made-up customers, so you can
            try everything safely. The default organisation sets up the landlords and areas only;
            you can change them under Settings.
          </p>
          {busy ? <p role="status">Setting up…</p> : null}
          {demo.error ? <Notice tone="error">{demo.error.message}</Notice> : null}
          {template.error ? <Notice tone="error">{template.error.message}</Notice> : null}
        </section>
      ) : (
        <Attention />
      )}
      {demo.data ? (
        <Notice tone="success">Demo data loaded: {describeDemoCounts(demo.data)}.</Notice>
      ) : null}
    </>
  );
}
