import type { Infra } from '../../container.ts';
import type { AuditPort } from '../../infra/audit.ts';
import type { ContentScreen } from '../../infra/content-screen.ts';
import { adminInquiriesRoutes } from './admin-inquiries.routes.ts';
import { InquiriesRepository } from './inquiries.repository.ts';
import { inquiriesRoutes } from './inquiries.routes.ts';
import { InquiriesService } from './inquiries.service.ts';
import type { InquiryPeople, InquiryReservations } from './ports.ts';
import './inquiries.tables.ts';

export type { InquiryPeople, InquiryReservations } from './ports.ts';

/**
 * 1:1 inquiries: a buyer's thread with the box office, the support desk, and `inquiry.answered`
 * events the notifications module turns into INQUIRY_ANSWERED. Reservations are checked through
 * checkout's port, names come from users, text is screened by moderation.
 */
export function createInquiriesModule(
  infra: Pick<Infra, 'config' | 'db' | 'clock'>,
  ports: {
    reservations: InquiryReservations;
    people: InquiryPeople;
    screen: ContentScreen;
    audit: AuditPort;
  },
) {
  const service = new InquiriesService({
    db: infra.db,
    repo: new InquiriesRepository(),
    reservations: ports.reservations,
    people: ports.people,
    screen: ports.screen,
    audit: ports.audit,
    clock: infra.clock,
  });
  const limits = {
    opensPerHour: infra.config.INQUIRY_OPENS_PER_HOUR,
    messagesPerHour: infra.config.INQUIRY_MESSAGES_PER_HOUR,
  };
  return { service, routes: [inquiriesRoutes({ service, limits }), adminInquiriesRoutes({ service })] };
}

export type InquiriesModule = ReturnType<typeof createInquiriesModule>;
