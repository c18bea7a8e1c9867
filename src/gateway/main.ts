import type { Config } from '../config.ts';
import { createDb, createPool } from '../infra/db.ts';
import { buildGateway } from './app.ts';

/**
 * The sandbox payment gateway process (PortOne-v2-style API). It uses its own tables in the same
 * database server; a real provider would have its own storage.
 */
export async function startGateway(config: Config): Promise<() => Promise<void>> {
  const pool = createPool({ url: config.DATABASE_URL, poolSize: 10, applicationName: 'ct-gateway' });
  const db = createDb(pool);
  const gateway = await buildGateway({
    db,
    apiSecret: config.PAYMENT_GATEWAY_SECRET,
    webhookSecret: config.PAYMENT_WEBHOOK_SECRET,
    webhookUrl: config.PAYMENT_WEBHOOK_URL,
    logLevel: config.LOG_LEVEL,
  });
  await gateway.app.listen({ port: config.GATEWAY_PORT, host: config.HOST });
  return async () => {
    await gateway.close();
    await db.destroy();
  };
}
