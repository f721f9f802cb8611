import { AsyncLocalStorage } from 'node:async_hooks';
import type {
  KyselyPlugin,
  PluginTransformQueryArgs,
  PluginTransformResultArgs,
  QueryResult,
  RootOperationNode,
  UnknownRow,
} from 'kysely';

const insideWrite = new AsyncLocalStorage<true>();

/** Runs `work` marked as inside a write transaction, for the guard below. */
export function markWrite<R>(work: () => Promise<R>): Promise<R> {
  return insideWrite.run(true, work);
}

/**
 * SQLite has one connection: a query through the app's database handle while
 * a write transaction holds it would wait forever. This plugin sits on that
 * handle only (write transactions are started from a handle without it), so
 * such a query is refused at once with a message that says what to use.
 */
export class WriteGuardPlugin implements KyselyPlugin {
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    if (insideWrite.getStore()) {
      throw new Error(
        'A query inside a write transaction used the database handle instead of the transaction (w.trx).',
      );
    }
    return args.node;
  }

  transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return Promise.resolve(args.result);
  }
}
