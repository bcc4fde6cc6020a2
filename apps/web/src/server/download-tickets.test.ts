import { describe, expect, it } from 'vitest';
import { createDownloadTickets, MAX_TICKETS, TICKET_ROUTE } from './download-tickets';

const ticketOf = (url: string): string => url.slice(TICKET_ROUTE.length);

describe('download tickets', () => {
  it('redeem once, for the file they were minted for', () => {
    const tickets = createDownloadTickets();
    const a = ticketOf(tickets.mint(7).url);
    const b = ticketOf(tickets.mint(8).url);
    expect(a).not.toBe(b);
    expect(tickets.redeem(b)).toEqual({ fileId: 8, inline: false });
    expect(tickets.redeem(b)).toBeUndefined();
    expect(tickets.redeem(a)).toEqual({ fileId: 7, inline: false });
    expect(tickets.redeem('unknown')).toBeUndefined();
  });

  it('expire, and expired ones are dropped when the next is minted', () => {
    let time = 0;
    const tickets = createDownloadTickets({ now: () => time, lifetimeMs: 100 });
    const old = ticketOf(tickets.mint(1).url);
    time = 100;
    expect(tickets.size()).toBe(0);
    tickets.mint(2);
    expect(tickets.size()).toBe(1);
    expect(tickets.redeem(old)).toBeUndefined();
  });

  it(`keep at most ${MAX_TICKETS}, dropping the oldest`, () => {
    const tickets = createDownloadTickets();
    const first = ticketOf(tickets.mint(1).url);
    for (let i = 0; i < MAX_TICKETS; i++) tickets.mint(2);
    expect(tickets.size()).toBe(MAX_TICKETS);
    expect(tickets.redeem(first)).toBeUndefined();
  });
});
