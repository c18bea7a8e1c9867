import type { ConsumerHandle } from '../../infra/broker.ts';
import type { Background, Infra } from '../../container.ts';
import { parseEvent } from '../events/event-schemas.ts';
import { Door } from './door.service.ts';
import { noHolders, noShowtimes, type DoorShowtimes, type TicketHolders } from './ports.ts';
import { TicketSigner } from './ticket-code.ts';
import { TicketsRepository } from './tickets.repository.ts';
import { ticketsRoutes } from './tickets.routes.ts';
import { TicketsService } from './tickets.service.ts';
import { UpcomingTickets } from './upcoming-tickets.ts';

/** Queue names (the broker prefixes them with AMQP_QUEUE_PREFIX). */
export const TICKET_QUEUES = { issue: 'tickets.issue', revoke: 'tickets.revoke' } as const;

/**
 * Tickets: routes for owners and door staff, and the worker's consumers — issuance from
 * `reservation.confirmed` (its dead-letter queue records the failure and emits
 * `ticket.issuance_failed`) and revocation from `reservation.cancelled`. The door names the show and
 * the holder through the catalogue and users ports (ports.ts).
 */
export function createTicketsModule(
  infra: Infra,
  ports: { shows?: DoorShowtimes; holders?: TicketHolders } = {},
) {
  const { config, broker } = infra;
  const signer = TicketSigner.fromConfig(config);
  const repo = new TicketsRepository();
  const service = new TicketsService({ ...infra, repo, signer });
  const door = new Door({
    ...infra,
    repo,
    signer,
    shows: ports.shows ?? noShowtimes,
    holders: ports.holders ?? noHolders,
  });

  const handles: ConsumerHandle[] = [];
  const consumers: Background = {
    name: 'tickets-consumers',
    start: async () => {
      handles.push(
        await broker.consume({
          queue: TICKET_QUEUES.issue,
          bindings: ['reservation.confirmed'],
          maxAttempts: config.TICKET_ISSUE_MAX_ATTEMPTS,
          retryDelayMs: config.TICKET_ISSUE_RETRY_DELAY_MS,
          handler: async (body) => {
            await service.issue(parseEvent('reservation.confirmed', body));
          },
          onDeadLetter: (body, msg) => service.recordIssuanceFailure(body, msg),
        }),
        await broker.consume({
          queue: TICKET_QUEUES.revoke,
          bindings: ['reservation.cancelled'],
          retryDelayMs: config.TICKET_ISSUE_RETRY_DELAY_MS,
          handler: async (body) => {
            await service.revoke(parseEvent('reservation.cancelled', body));
          },
        }),
      );
    },
    stop: async () => {
      for (const handle of handles.splice(0)) await handle.cancel();
    },
  };

  const upcoming = new UpcomingTickets(infra.db, repo, ports.shows ?? noShowtimes);
  return { service, door, signer, upcoming, routes: ticketsRoutes(service, door), consumers };
}
