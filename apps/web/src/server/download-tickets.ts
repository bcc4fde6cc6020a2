import { createExpiringTokens } from '@pandesk/backend';
import { ok } from '@pandesk/contract';
import type { DownloadLink, FileId, PanDeskApi } from '@pandesk/contract';

/**
 * Tickets for browser downloads: `app.downloadLink` (over the authorised WebSocket) mints one
 * for one file; `GET /api/dl/<ticket>` redeems it once, within {@link TICKET_LIFETIME_MS}.
 * A ticket (the back end's expiring tokens) is unguessable and worthless once used or expired,
 * so the browser's download history, a drag payload or a screenshot of the URL give nothing
 * away; the launch key never appears in a URL. Tickets live in memory only.
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
  const tokens = createExpiringTokens<TicketGrant>({
    lifetimeMs: options.lifetimeMs ?? TICKET_LIFETIME_MS,
    max: MAX_TICKETS,
    ...(options.now === undefined ? {} : { now: options.now }),
  });
  return {
    mint(fileId, inline = false) {
      const { token, expiresAt } = tokens.mint({ fileId, inline });
      return { url: `${TICKET_ROUTE}${token}`, expiresAt };
    },
    redeem: (ticket) => tokens.take(ticket),
    size: () => tokens.size(),
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
