import type {
  KyselyPlugin,
  PluginTransformQueryArgs,
  PluginTransformResultArgs,
  QueryResult,
  RootOperationNode,
  UnknownRow,
} from 'kysely';
import type { Counter } from 'prom-client';

/**
 * Counts every query the catalogue sends to PostgreSQL (exported as `catalog_db_queries_total`).
 * Operators see how well the caches shield the database; tests use it to prove single-flight.
 */
export class QueryCounterPlugin implements KyselyPlugin {
  constructor(private readonly counter: Counter) {}

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    this.counter.inc();
    return args.node;
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }
}
