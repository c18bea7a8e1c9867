/**
 * The one configuration schema. Every environment variable the project reads is declared here,
 * parsed once at start and frozen. A bad value stops the process with a message naming the variable.
 */

type Parser<T> = (raw: string, name: string) => T;

class ConfigError extends Error {
  constructor(name: string, message: string) {
    super(`Invalid configuration: ${name} ${message}`);
    this.name = 'ConfigError';
  }
}

const str: Parser<string> = (raw) => raw;

const int =
  (min: number, max: number): Parser<number> =>
  (raw, name) => {
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      throw new ConfigError(name, `must be an integer between ${min} and ${max}, got "${raw}"`);
    }
    return value;
  };

const bool: Parser<boolean> = (raw, name) => {
  if (['true', '1', 'yes'].includes(raw.toLowerCase())) return true;
  if (['false', '0', 'no'].includes(raw.toLowerCase())) return false;
  throw new ConfigError(name, `must be true or false, got "${raw}"`);
};

const url =
  (...protocols: string[]): Parser<string> =>
  (raw, name) => {
    let parsed: URL;
    try {
      parsed = new URL(raw);
    } catch {
      throw new ConfigError(name, `must be a URL, got "${raw}"`);
    }
    if (!protocols.includes(parsed.protocol)) {
      throw new ConfigError(name, `must use ${protocols.join(' or ')}, got "${parsed.protocol}"`);
    }
    return raw;
  };

const oneOf =
  <T extends string>(...values: T[]): Parser<T> =>
  (raw, name) => {
    if (!(values as string[]).includes(raw)) {
      throw new ConfigError(name, `must be one of ${values.join(', ')}, got "${raw}"`);
    }
    return raw as T;
  };

const list: Parser<string[]> = (raw) =>
  raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

const email: Parser<string> = (raw, name) => {
  if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(raw)) throw new ConfigError(name, `must be an email address`);
  return raw.toLowerCase();
};

/** Development defaults for secrets. Production refuses to start while any of them is in use. */
export const DEV_SECRETS = {
  JWT_SECRET: 'dev-only-jwt-secret-change-me-0123456789',
  PAYMENT_GATEWAY_SECRET: 'dev-only-gateway-secret',
  /** Standard Webhooks form, like PortOne's: `whsec_` and base64 of the key's bytes. */
  PAYMENT_WEBHOOK_SECRET: 'whsec_ZGV2LW9ubHktd2ViaG9vay1zZWNyZXQtY3VsdHVyZS10aWNrZXQ=',
  TICKET_SIGNING_SECRET: 'dev-only-ticket-signing-secret',
  ADMIN_PASSWORD: 'Admin!2345',
} as const;

interface Entry<T> {
  parse: Parser<T>;
  default?: string;
  optional?: boolean;
  doc: string;
}

function entry<T>(parse: Parser<T>, doc: string, def?: string): Entry<T> {
  return { parse, doc, default: def };
}
function optional<T>(parse: Parser<T>, doc: string): Entry<T> {
  return { parse, doc, optional: true };
}

export const CONFIG_SCHEMA = {
  NODE_ENV: entry(oneOf('development', 'production', 'test'), 'Runtime mode', 'development'),
  HOST: entry(str, 'Interface the HTTP servers bind to', '127.0.0.1'),
  PORT: entry(int(0, 65535), 'API port', '3000'),
  GATEWAY_PORT: entry(int(0, 65535), 'Sandbox payment gateway port', '3001'),
  PUBLIC_URL: entry(url('http:', 'https:'), 'Public base URL of the API/web app', 'http://localhost:3000'),
  LOG_LEVEL: entry(oneOf('fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'), 'pino level', 'info'),
  DATABASE_URL: entry(
    url('postgres:', 'postgresql:'),
    'PostgreSQL primary',
    'postgres://postgres@127.0.0.1:5432/culture_ticket',
  ),
  DATABASE_REPLICA_URL: optional(url('postgres:', 'postgresql:'), 'PostgreSQL read replica (optional)'),
  DATABASE_POOL_SIZE: entry(int(1, 200), 'Connections per process', '20'),
  DATABASE_PREPARED_STATEMENTS: entry(
    bool,
    "Send the purchase path's hot statements as named prepared statements (false behind a pooler without prepared-statement support, such as PgBouncer in transaction mode before 1.21)",
    'true',
  ),
  DATABASE_TEXT_SEARCH_POOL_SIZE: entry(
    int(0, 200),
    'Connections per process for catalogue text search (opened on first use; their sessions price sequential scans out); 0: search uses the main pools, one transaction per search (behind a pooler that does not pass startup options)',
    '10',
  ),
  SEARCH_CACHE_MS: entry(
    int(0, 60_000),
    'How long an instance reuses a public search page (the same query, filters, page and size); 0: every search reads the database',
    '3000',
  ),
  SEARCH_INDEX: entry(
    bool,
    'Answer text searches from a copy of the search table held in each API instance (docs/performance.md "Search in process"); false: every search reads the database',
    'true',
  ),
  SEARCH_INDEX_REFRESH_MS: entry(
    int(100, 60_000),
    'How often an API instance reads what changed in the search table (its counters, the sort keys, follow within this)',
    '1000',
  ),
  READ_YOUR_WRITES_SECONDS: entry(
    int(1, 300),
    'After a write, that user reads from the primary for this long (covers replica lag)',
    '5',
  ),
  REDIS_URL: entry(url('redis:', 'rediss:'), 'Redis', 'redis://127.0.0.1:6379'),
  REDIS_CLUSTER_NODES: optional(list, 'Comma-separated host:port list; switches to Redis Cluster'),
  REDIS_KEY_PREFIX: entry(str, 'Prefix for every Redis key (isolates environments and tests)', 'ct:'),
  AMQP_URL: entry(url('amqp:', 'amqps:'), 'RabbitMQ', 'amqp://guest:guest@127.0.0.1:5672'),
  AMQP_EXCHANGE: entry(str, 'Topic exchange for domain events', 'culture-ticket.events'),
  AMQP_QUEUE_PREFIX: entry(
    str,
    'Prefix of every queue name (isolates environments and tests)',
    'culture-ticket',
  ),
  PAYMENT_GATEWAY_URL: entry(url('http:', 'https:'), 'Payment gateway base URL', 'http://127.0.0.1:3001'),
  PAYMENT_GATEWAY_SECRET: entry(
    str,
    'API secret for the payment gateway',
    DEV_SECRETS.PAYMENT_GATEWAY_SECRET,
  ),
  PAYMENT_WEBHOOK_SECRET: entry(
    str,
    'Webhook secret as PortOne shows it (whsec_<base64>); the HMAC key is the decoded bytes',
    DEV_SECRETS.PAYMENT_WEBHOOK_SECRET,
  ),
  JWT_SECRET: entry(str, 'HMAC secret for access and admission tokens (32+ chars)', DEV_SECRETS.JWT_SECRET),
  ACCESS_TOKEN_TTL_SECONDS: entry(int(60, 900), 'Access token lifetime (max 15 minutes)', '900'),
  REFRESH_TOKEN_TTL_SECONDS: entry(int(3600, 90 * 86400), 'Refresh token lifetime', String(14 * 86400)),
  REFRESH_REUSE_GRACE_SECONDS: entry(
    int(0, 60),
    'A refresh token presented again this soon after its rotation (two tabs at once) rotates again instead of revoking the session; 0 = never',
    '10',
  ),
  TICKET_SIGNING_SECRET: entry(str, 'Key for ticket codes', DEV_SECRETS.TICKET_SIGNING_SECRET),
  TICKET_SIGNING_KID: entry(str, 'Key id of TICKET_SIGNING_SECRET, written into every new ticket code', 'k1'),
  TICKET_SIGNING_KEYS: optional(list, 'Other keys still accepted at check-in (rotation): "kid:secret,..."'),
  TICKET_ISSUE_MAX_ATTEMPTS: entry(int(1, 100), 'Attempts at issuing tickets before dead-lettering', '5'),
  TICKET_ISSUE_RETRY_DELAY_MS: entry(
    int(10, 600_000),
    'Delay before a failed issuance is tried again',
    '1000',
  ),
  OUTBOX_RELAY_BATCH_SIZE: entry(int(1, 5000), 'Outbox rows published per batch', '200'),
  OUTBOX_RELAY_POLL_MS: entry(int(5, 60_000), 'Pause of the outbox relay when nothing is pending', '25'),
  ADMIN_EMAIL: entry(email, 'Admin account ensured at start', 'admin@culture-ticket.local'),
  ADMIN_PASSWORD: entry(str, 'Password of that admin account', DEV_SECRETS.ADMIN_PASSWORD),
  REQUIRE_EMAIL_VERIFICATION: entry(bool, 'Signup needs an email verification token', 'true'),
  SMTP_URL: optional(url('smtp:', 'smtps:'), 'SMTP server for mail; mail is logged when unset'),
  MAIL_FROM: entry(str, 'Sender address of mail', 'Culture Ticket <no-reply@culture-ticket.local>'),
  // Account recovery and mail (the mail queue the worker sends from).
  MAIL_POLL_MS: entry(int(50, 60_000), 'How often the worker looks for queued mail', '1000'),
  MAIL_MAX_ATTEMPTS: entry(int(1, 50), 'Tries of one queued mail before it is given up', '6'),
  MAIL_RETRY_DELAY_MS: entry(
    int(10, 3_600_000),
    'Wait before the first retry of a failed mail; each later one waits twice as long (up to an hour)',
    '30000',
  ),
  MAIL_BATCH_SIZE: entry(int(1, 5000), 'Queued mails the sender claims per transaction', '500'),
  MAIL_SEND_CONCURRENCY: entry(int(1, 500), 'Mails the sender has in flight at once', '32'),
  MAIL_SMTP_MAX_CONNECTIONS: entry(int(1, 100), 'Pooled SMTP connections per process', '8'),
  MAIL_DRAIN_BUDGET_MS: entry(
    int(100, 120_000),
    'One sender run claims batch after batch for about this long, then yields until the next poll',
    '5000',
  ),
  BANNED_WORDS_CHECK_MS: entry(
    int(0, 60_000),
    'How often (ms) each instance asks Redis whether the banned-words list changed: the bound on how stale a list an instance screens with (docs/moderation.md)',
    '1000',
  ),
  INQUIRY_OPENS_PER_HOUR: entry(
    int(1, 10_000),
    '1:1 inquiries one user may open per hour (then 429 RATE_LIMITED)',
    '10',
  ),
  INQUIRY_MESSAGES_PER_HOUR: entry(
    int(1, 10_000),
    'Messages one user may add to inquiries per hour (then 429 RATE_LIMITED)',
    '60',
  ),
  MAIL_DAILY_CAP: entry(
    int(0, 1000),
    'Non-transactional notification mails per user per Korean calendar day (booking mail is never capped); 0 = none',
    '10',
  ),
  NOTIFICATION_READ_RETENTION_DAYS: entry(
    int(1, 3650),
    'Read notifications older than this many days are purged',
    '90',
  ),
  NOTIFICATION_RETENTION_DAYS: entry(
    int(1, 3650),
    'Any notification older than this many days is purged, read or not',
    '365',
  ),
  NOTIFICATION_MAIL_RESEND_AFTER_HOURS: entry(
    int(1, 720),
    'Notification mail given up on is queued once more after this many hours',
    '6',
  ),
  UNSUBSCRIBE_SECRET: optional(
    str,
    'HMAC key of the unsubscribe links in notification mail (16+ chars; derived from JWT_SECRET when unset); changing it voids every sent link',
  ),
  CORS_ORIGINS: entry(
    list,
    'Allowed CORS origins (comma-separated)',
    'http://localhost:3000,http://localhost:5173',
  ),
  TRUST_PROXY: entry(str, 'Proxy addresses trusted for X-Forwarded-For (e.g. 127.0.0.1); empty = none', ''),
  BODY_LIMIT_BYTES: entry(int(1024, 50 * 1024 * 1024), 'Largest accepted request body', String(1024 * 1024)),
  FAST_LANE: entry(
    bool,
    'Answer steady polls and holds without admission before Fastify, exactly as the routes would (docs/performance.md)',
    'true',
  ),
  RATE_LIMIT_PER_MINUTE: entry(int(1, 1_000_000), 'Default requests per minute per client', '6000'),
  HOLD_TTL_SECONDS: entry(int(1, 3600), 'How long a seat hold lasts', '600'),
  RESERVATION_TTL_SECONDS: entry(int(60, 3600), 'How long an unpaid reservation lasts', '600'),
  PAYMENT_GATEWAY_TIMEOUT_MS: entry(int(50, 60_000), 'Timeout of one payment gateway call', '3000'),
  PAYMENT_GATEWAY_RETRIES: entry(int(0, 10), 'Retries of an idempotent gateway call after a failure', '2'),
  PAYMENT_WEBHOOK_URL: entry(
    url('http:', 'https:'),
    'Where the sandbox gateway sends its webhooks',
    'http://127.0.0.1:3000/api/v1/payments/webhook',
  ),
  PAYMENT_WEBHOOK_TOLERANCE_SECONDS: entry(int(10, 3600), 'Accepted age of a webhook timestamp', '300'),
  PAYMENT_STORE_ID: entry(str, "PortOne store id (storeId) of the theatre's store", 'store-sandbox'),
  PAYMENT_CHANNEL_KEY: entry(
    str,
    'PortOne channel key used for a payment method without its own key (PAYMENT_CHANNEL_KEYS)',
    'channel-key-sandbox',
  ),
  PAYMENT_CHANNEL_KEYS: entry(
    list,
    'PortOne channel keys per method, comma-separated METHOD=key (CARD, TRANSFER, VIRTUAL_ACCOUNT, KAKAOPAY, TOSSPAY, NAVERPAY)',
    '',
  ),
  PAYMENT_VIRTUAL_ACCOUNT_HOURS: entry(
    int(1, 168),
    'How long a virtual account waits for its deposit (never past the show); the reservation holds its seats as long',
    '24',
  ),
  PAYMENT_VIRTUAL_ACCOUNT_BANK: entry(str, 'Bank code (PortOne Bank) of issued virtual accounts', 'SHINHAN'),
  REFUND_POLICY: entry(
    str,
    'Refund percent by whole days before the show: days:percent,… (the show day is not cancellable)',
    '10:100,7:90,3:80,1:70',
  ),
  ONSALE_ALERTS_INTERVAL_MS: entry(
    int(100, 600_000),
    'How often the sales-open alert, reminder and review-invitation jobs look for due showtimes',
    '15000',
  ),
  ONSALE_ALERT_PAGE_SIZE: entry(int(1, 10_000), 'Subscribers per fan-out broker message', '1000'),
  CHECKOUT_RECOVERY_INTERVAL_MS: entry(int(100, 600_000), 'How often the checkout recovery job runs', '5000'),
  WORKER_METRICS_PORT: entry(int(0, 65535), 'Port of the worker /metrics endpoint', '9464'),
  METRICS_PORT: optional(
    int(0, 65535),
    'Port of the API /metrics endpoint, bound to HOST (production: 9465 when unset; the API port never serves metrics there)',
  ),
  VIEW_FLUSH_INTERVAL_MS: entry(
    int(100, 3_600_000),
    'How often view counts go from Redis to PostgreSQL',
    '60000',
  ),
  VIEW_COUNT_PER_ADDRESS_PER_MINUTE: entry(
    int(1, 100_000),
    'Performances whose views one anonymous client address can raise per minute',
    '30',
  ),
  QUEUE_OPENS_BEFORE_SALES_MINUTES: entry(
    int(0, 10080),
    'A waiting room accepts entries this long before sales open (a showtime may set its own)',
    '30',
  ),
  QUEUE_POW_DIFFICULTY: entry(
    int(1000, 10_000_000),
    'Default proof-of-work difficulty of a waiting room (ALTCHA maxnumber; about half as many SHA-256 hashes to solve)',
    '20000',
  ),
  QUEUE_POW_SPIKE_PER_SECOND: entry(
    int(1, 100_000),
    'Challenges per second from one address (a /24 or /48 prefix counts 4x this) above which the difficulty doubles per doubling of the rate',
    '5',
  ),
  QUEUE_POW_CHALLENGE_SECONDS: entry(int(10, 3600), 'How long a proof-of-work challenge stays valid', '300'),
  STREAM_LIMIT_PER_USER: entry(int(1, 1000), 'Concurrent event streams per user, across instances', '10'),
  STREAM_LIMIT_PER_ADDRESS: entry(
    int(1, 1_000_000),
    'Concurrent event streams per client address, across instances',
    '50',
  ),
  STREAM_LIMIT_PER_INSTANCE: entry(int(1, 1_000_000), 'Concurrent event streams per API process', '20000'),
  REVIEW_WRITES_PER_HOUR: entry(int(1, 10_000), 'Reviews one user can post per hour (docs/reviews.md)', '10'),
  REVIEW_VOTES_PER_MINUTE: entry(
    int(1, 10_000),
    'Helpful votes (and their undos) one user can cast per minute',
    '60',
  ),
  REVIEW_REPORTS_PER_HOUR: entry(int(1, 10_000), 'Review reports one user can file per hour', '20'),
  // Fan chat (docs/chat.md): limits of the WebSocket rooms, per API process unless said otherwise.
  CHAT_MAX_CONNECTIONS_PER_INSTANCE: entry(
    int(1, 1_000_000),
    'Open chat WebSockets one API process accepts; one more is closed with 1013',
    '10000',
  ),
  CHAT_AUTH_TIMEOUT_MS: entry(
    int(100, 60_000),
    'How long a chat socket may wait before its auth frame',
    '5000',
  ),
  CHAT_HEARTBEAT_MS: entry(
    int(100, 600_000),
    'Ping interval of chat sockets; a socket that missed the previous pong is dropped',
    '30000',
  ),
  CHAT_MAX_BUFFERED_BYTES: entry(
    int(1024, 64 * 1024 * 1024),
    'Bytes a chat socket may have unsent before it is dropped as too slow (close 4008)',
    String(1024 * 1024),
  ),
  CHAT_RATE_LIMIT_MESSAGES: entry(int(1, 10_000), 'Chat messages one user may send per window', '5'),
  CHAT_RATE_LIMIT_WINDOW_SECONDS: entry(int(1, 3600), 'The chat message rate window', '10'),
  CHAT_PRESENCE_INTERVAL_MS: entry(
    int(50, 600_000),
    'How often each API process writes its chat presence to Redis (one write per process, not per user)',
    '5000',
  ),
  CHAT_ACTIVITY_DELAY_MS: entry(
    int(10, 3_600_000),
    'How long after a room gets messages its away members are looked up for CHAT_ACTIVITY',
    '30000',
  ),
  CHAT_IMAGE_UPLOADS_PER_MINUTE: entry(
    int(1, 10_000),
    'Chat image uploads one user may make per minute',
    '10',
  ),
  // Uploaded images (docs/uploads.md): the store is local disk by default, S3-compatible in production.
  STORAGE_DRIVER: entry(oneOf('local', 's3'), 'Where uploaded images are stored', 'local'),
  UPLOADS_DIR: entry(str, 'Directory of the local store (STORAGE_DRIVER=local)', 'var/uploads'),
  S3_BUCKET: optional(str, 'Bucket of the S3 store (required when STORAGE_DRIVER=s3)'),
  S3_REGION: entry(str, 'Region of the S3 bucket', 'us-east-1'),
  S3_ENDPOINT: optional(url('http:', 'https:'), 'S3-compatible endpoint (MinIO, R2, …); unset means AWS'),
  S3_FORCE_PATH_STYLE: entry(bool, 'Path-style bucket URLs (most S3-compatible servers need it)', 'false'),
  S3_PREFIX: entry(str, 'Prefix of every object key, e.g. "prod/"', ''),
  UPLOAD_MAX_BYTES: entry(
    int(1024, 50 * 1024 * 1024),
    'Largest accepted image upload',
    String(5 * 1024 * 1024),
  ),
  UPLOAD_MAX_PIXELS: entry(
    int(1, 500_000_000),
    'Largest accepted image in pixels (width × height): a decompression bomb is refused before decoding',
    String(40_000_000),
  ),
  // The AI assistant (docs/assistant.md): any OpenAI-compatible chat-completions server. It is on
  // when AI_MODEL is set with AI_BASE_URL or AI_API_KEY; otherwise POST /assistant/messages is 503.
  AI_BASE_URL: optional(
    url('http:', 'https:'),
    'Chat-completions server base URL, e.g. http://127.0.0.1:11434/v1 (Ollama), http://127.0.0.1:8000/v1 (vLLM); unset with AI_API_KEY set means OpenAI',
  ),
  AI_API_KEY: optional(str, 'API key of the model server (OpenAI needs one; Ollama and vLLM usually not)'),
  AI_MODEL: optional(
    str,
    'Model name, e.g. gpt-4o-mini, qwen2.5:7b-instruct; the assistant is off while unset',
  ),
  AI_TIMEOUT_MS: entry(
    int(500, 600_000),
    'Timeout of one model call until its answer starts, and the longest silence inside a streamed answer',
    '20000',
  ),
  AI_MAX_RETRIES: entry(int(0, 5), 'Retries of a model call that failed before any answer arrived', '1'),
  AI_MAX_TOOL_ROUNDS: entry(int(1, 10), 'Model calls with tools per question before it must answer', '4'),
  AI_MAX_OUTPUT_TOKENS: entry(int(64, 16_000), 'Largest answer of one model call, in tokens', '800'),
  AI_HISTORY_MESSAGES: entry(
    int(2, 200),
    'Earlier messages of a conversation sent with a new question (older ones are left out)',
    '20',
  ),
  AI_DAILY_MESSAGES_PER_USER: entry(
    int(1, 100_000),
    'Questions one user may ask per Korean calendar day, across instances',
    '50',
  ),
  AI_TOKENS_PER_MINUTE: entry(
    int(100, 100_000_000),
    'Model tokens (prompt + answer) the whole service may use per minute, across instances',
    '200000',
  ),
  // Social sign-in (docs/accounts-social.md). A provider shows only when its client id and secret are
  // set. The endpoint overrides exist for a local OAuth server (tests, e2e); production leaves them unset.
  OAUTH_KAKAO_CLIENT_ID: optional(str, 'Kakao REST API key; Kakao sign-in shows when set with its secret'),
  OAUTH_KAKAO_CLIENT_SECRET: optional(str, 'Kakao client secret (카카오 로그인 > 보안)'),
  OAUTH_KAKAO_REDIRECT_URI: optional(
    url('http:', 'https:'),
    'Kakao redirect URI (default PUBLIC_URL/api/v1/auth/oauth/kakao/callback)',
  ),
  OAUTH_KAKAO_ENDPOINTS: optional(list, "Local test only: authorize,token,userinfo URLs replacing Kakao's"),
  OAUTH_NAVER_CLIENT_ID: optional(str, 'Naver client id; Naver sign-in shows when set with its secret'),
  OAUTH_NAVER_CLIENT_SECRET: optional(str, 'Naver client secret'),
  OAUTH_NAVER_REDIRECT_URI: optional(
    url('http:', 'https:'),
    'Naver callback URL (default PUBLIC_URL/api/v1/auth/oauth/naver/callback)',
  ),
  OAUTH_NAVER_ENDPOINTS: optional(list, "Local test only: authorize,token,userinfo URLs replacing Naver's"),
  OAUTH_GOOGLE_CLIENT_ID: optional(
    str,
    'Google OAuth client id; Google sign-in shows when set with its secret',
  ),
  OAUTH_GOOGLE_CLIENT_SECRET: optional(str, 'Google OAuth client secret'),
  OAUTH_GOOGLE_REDIRECT_URI: optional(
    url('http:', 'https:'),
    'Google authorized redirect URI (default PUBLIC_URL/api/v1/auth/oauth/google/callback)',
  ),
  OAUTH_GOOGLE_ENDPOINTS: optional(
    list,
    "Local test only: authorize,token,userinfo URLs replacing Google's (the issuer is the authorize URL's origin)",
  ),
} satisfies Record<string, Entry<unknown>>;

/** Variables that hold secrets: none may keep a development default in production. */
const SECRET_VARIABLES = [
  'JWT_SECRET',
  'PAYMENT_GATEWAY_SECRET',
  'PAYMENT_WEBHOOK_SECRET',
  'TICKET_SIGNING_SECRET',
  'ADMIN_PASSWORD',
] as const satisfies readonly (keyof typeof CONFIG_SCHEMA)[];

type Schema = typeof CONFIG_SCHEMA;
export type Config = {
  readonly [K in keyof Schema]: Schema[K] extends { optional: true }
    ? ReturnType<Schema[K]['parse']> | undefined
    : ReturnType<Schema[K]['parse']>;
};

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const out: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(CONFIG_SCHEMA) as [string, Entry<unknown>][]) {
    const raw = env[name];
    if (raw === undefined || raw === '') {
      out[name] = spec.default === undefined ? undefined : spec.parse(spec.default, name);
      continue;
    }
    out[name] = spec.parse(raw, name);
  }
  const config = Object.freeze(out) as Config;
  if (config.JWT_SECRET.length < 32) throw new ConfigError('JWT_SECRET', 'must be at least 32 characters');
  if (config.UNSUBSCRIBE_SECRET !== undefined && config.UNSUBSCRIBE_SECRET.length < 16) {
    throw new ConfigError('UNSUBSCRIBE_SECRET', 'must be at least 16 characters');
  }
  if (config.TICKET_SIGNING_SECRET.length < 16) {
    throw new ConfigError('TICKET_SIGNING_SECRET', 'must be at least 16 characters');
  }
  if (config.STORAGE_DRIVER === 's3' && !config.S3_BUCKET) {
    throw new ConfigError('S3_BUCKET', 'is required when STORAGE_DRIVER=s3');
  }
  const extraTicketKeys = ticketKeyRing(config.TICKET_SIGNING_KEYS);
  if (config.NODE_ENV === 'production') {
    // A secret equal to ANY development default is refused, whichever default it was copied from:
    // the webhook secret defaults to the gateway's, and a rotated-out ticket key may be the dev one.
    const devValues = new Set<string>(Object.values(DEV_SECRETS));
    for (const name of SECRET_VARIABLES) {
      if (devValues.has(config[name])) {
        throw new ConfigError(name, 'uses a development default; set a real secret in production');
      }
    }
    // Optional: unset derives from JWT_SECRET (checked above); set, it must not be a dev default.
    if (config.UNSUBSCRIBE_SECRET !== undefined && devValues.has(config.UNSUBSCRIBE_SECRET)) {
      throw new ConfigError(
        'UNSUBSCRIBE_SECRET',
        'uses a development default; set a real secret in production',
      );
    }
    for (const { kid, secret } of extraTicketKeys) {
      if (devValues.has(secret)) {
        throw new ConfigError(
          'TICKET_SIGNING_KEYS',
          `key "${kid}" uses a development default; remove it or set a real secret in production`,
        );
      }
    }
  }
  return config;
}

/** TICKET_SIGNING_KEYS as key id and secret pairs; an entry that is not "kid:secret" is refused. */
export function ticketKeyRing(items: readonly string[] | undefined): { kid: string; secret: string }[] {
  return (items ?? []).map((item) => {
    const at = item.indexOf(':');
    if (at <= 0 || at === item.length - 1) {
      throw new ConfigError('TICKET_SIGNING_KEYS', 'entries must be "kid:secret"');
    }
    return { kid: item.slice(0, at), secret: item.slice(at + 1) };
  });
}

export { ConfigError };
