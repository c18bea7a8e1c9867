import { DEV_SECRETS, type Config } from './config.ts';

/**
 * What `npm start` prints once everything listens: where to go. The admin password appears only in
 * development and only while it is still the development default (a chosen one is never echoed).
 */
export function welcomeBanner(config: Config): string {
  const site = config.PUBLIC_URL.replace(/\/$/, '');
  const gatewayHost = config.HOST === '0.0.0.0' || config.HOST === '::' ? '127.0.0.1' : config.HOST;
  const showPassword =
    config.NODE_ENV === 'development' && config.ADMIN_PASSWORD === DEV_SECRETS.ADMIN_PASSWORD;
  const admin = showPassword
    ? `${config.ADMIN_EMAIL} / ${config.ADMIN_PASSWORD}   (development password)`
    : `${config.ADMIN_EMAIL} with ADMIN_PASSWORD`;
  const rows: [string, string][] = [
    ['Site', `${site}/`],
    ['API docs', `${site}/docs`],
    ['Admin', `${site}/login?next=/admin`],
    ['  sign in as', admin],
    [
      'Sandbox gateway',
      `http://${gatewayHost}:${config.GATEWAY_PORT}   (test payments; checkout page /checkout/<id>)`,
    ],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  return [
    '',
    'Culture Ticket is running.',
    ...rows.map(([k, v]) => `  ${k.padEnd(width)}  ${v}`),
    '  Stop with Ctrl+C; the database, Redis and RabbitMQ keep running.',
    '',
  ].join('\n');
}
