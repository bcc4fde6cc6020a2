import { randomBytes } from 'node:crypto';
import { ok } from '@pandesk/contract';
import type { DownloadLink, FileId, PanDeskApi } from '@pandesk/contract';

/**
 * Tickets for browser downloads: `app.downloadLink` (over the authorised WebSocket) mints one
 * for one file; `GET /api/dl/<ticket>` redeems it once, within {@link TICKET_LIFETIME_MS}.
 * A ticket is 128 random bits, unguessable, and worthless once used or expired, so the
 * browser's download history, a drag payload or a screenshot of the URL give nothing away; the
 * launch key never appears in a URL. Tickets live in memory only and die with the host.
 */

/** How long a minted ticket can be redeemed: long enough for a drag onto the desktop. */
export const TICKET_LIFETIME_MS = 60_000;
/** Most unredeemed tickets kept; minting more drops the oldest. */
export const MAX_TICKETS = 1000;
/** The route tickets are redeemed at. */
export const TICKET_ROUTE = '/api/dl/';

/** What a ticket was minted for: a file, saved or shown in the tab (`inline`). */
export interface TicketGrant {
  readonly fileId: FileId;
  readonly inline: boolean;
}

export interface DownloadTickets {
  mint(fileId: FileId, inline?: boolean): DownloadLink;
  /** What the ticket was minted for, once; undefined when unknown, used or expired. */
  redeem(ticket: string): TicketGrant | undefined;
  /** Unredeemed, unexpired tickets (tests). */
  size(): number;
}

export interface DownloadTicketOptions {
  readonly now?: () => number;
  readonly lifetimeMs?: number;
}

export function createDownloadTickets(options: DownloadTicketOptions = {}): DownloadTickets {
  const now = options.now ?? Date.now;
  const lifetime = options.lifetimeMs ?? TICKET_LIFETIME_MS;
  const tickets = new Map<string, { grant: TicketGrant; expiresAt: number }>();

  const dropExpired = (): void => {
    const time = now();
    for (const [ticket, entry] of tickets) if (entry.expiresAt <= time) tickets.delete(ticket);
  };
  /** Room for one more: the oldest go first (a Map iterates in insertion order). */
  const makeRoom = (): void => {
    for (const ticket of tickets.keys()) {
      if (tickets.size < MAX_TICKETS) break;
      tickets.delete(ticket);
    }
  };

  return {
    mint(fileId, inline = false) {
      dropExpired();
      makeRoom();
      const ticket = randomBytes(16).toString('base64url');
      const expiresAt = now() + lifetime;
      tickets.set(ticket, { grant: { fileId, inline }, expiresAt });
      return { url: `${TICKET_ROUTE}${ticket}`, expiresAt };
    },
    redeem(ticket) {
      const entry = tickets.get(ticket);
      tickets.delete(ticket);
      return entry !== undefined && entry.expiresAt > now() ? entry.grant : undefined;
    },
    size() {
      dropExpired();
      return tickets.size;
    },
  };
}

/** `api` with `app.downloadLink` answered by minting a ticket. */
export function withDownloadLinks(api: PanDeskApi, tickets: DownloadTickets): PanDeskApi {
  return {
    ...api,
    app: {
      ...api.app,
      downloadLink: async ({ fileId, inline }) => ok(tickets.mint(fileId, inline === true)),
    },
  };
}
