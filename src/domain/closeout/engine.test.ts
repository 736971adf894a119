import { describe, expect, it } from 'vitest';
import {
  atTicketReview,
  CLIENT_TICKETS,
  engineContext,
  NOW,
  openedCloseout,
  refusal,
  taskByKey,
} from '../../../test/support/closeout-scenarios.js';
import { applyCloseoutAction } from './engine.js';
import { acknowledgeNotice, addSipAction, assignOwner, decideRetention } from './retention.js';
import { pullTickets } from './ticket-review.js';

describe('applyCloseoutAction', () => {
  it('moves the version on by one', () => {
    const context = engineContext();
    const opened = openedCloseout('client_notice', context);
    const { closeout } = applyCloseoutAction(opened, (c) => acknowledgeNotice(c, context), context);
    expect(opened.version).toBe(1);
    expect(closeout.version).toBe(2);
    const { closeout: again } = applyCloseoutAction(
      closeout,
      (c) => assignOwner(c, 'user-te'),
      context,
    );
    expect(again.version).toBe(3);
  });

  it('reports only the fields and collection entries that changed', () => {
    const context = engineContext();
    const opened = openedCloseout('client_notice', context);
    const before = taskByKey(opened, 't02');
    const { closeout, change } = applyCloseoutAction(
      opened,
      (c) => acknowledgeNotice(c, context),
      context,
    );
    const after = taskByKey(closeout, 't02');
    expect(change).toEqual({
      before: { acknowledgedAt: null, tasks: { [before.id]: before } },
      after: { acknowledgedAt: NOW, tasks: { [after.id]: after } },
    });
    expect(after).toMatchObject({ status: 'done', completedBy: 'Closeout' });
  });

  it('reports added entries against nothing, beside the tasks they generated', () => {
    const context = engineContext();
    const attempting = applyCloseoutAction(
      openedCloseout('client_notice', context),
      (c) => decideRetention(c, { decision: 'attempt_retention', rationale: 'Try.' }, context),
      context,
    );
    expect(Object.keys(attempting.change.after)).toEqual(['retention', 'tasks']);
    const t07 = taskByKey(attempting.closeout, 't07');
    const t09 = taskByKey(attempting.closeout, 't09');
    const t10 = taskByKey(attempting.closeout, 't10');
    expect(attempting.change.before.tasks).toEqual({
      [t07.id]: expect.objectContaining({ status: 'open' }),
      [t09.id]: null,
      [t10.id]: null,
    });

    const { closeout, change } = applyCloseoutAction(
      attempting.closeout,
      (c) =>
        addSipAction(c, { description: 'Weekly review', ownerUserId: null, dueOn: null }, context),
      context,
    );
    const action = closeout.sipActions[0]!;
    expect(change).toEqual({
      before: { sipActions: { [action.id]: null } },
      after: { sipActions: { [action.id]: action } },
    });
  });

  it('keys ticket reviews by ticket', () => {
    const context = engineContext();
    const { change } = applyCloseoutAction(
      atTicketReview({ context }),
      (c) => pullTickets(c, CLIENT_TICKETS, context),
      context,
    );
    expect(Object.keys(change.after)).toEqual(['ticketsPulledAt', 'ticketReviews', 'tasks']);
    expect(Object.keys(change.after.ticketReviews as object)).toEqual(['tk-1', 'tk-2']);
  });

  it('refuses an action that changes nothing', () => {
    const context = engineContext();
    const opened = openedCloseout('client_notice', context);
    const error = refusal(() =>
      applyCloseoutAction(opened, (c) => assignOwner(c, opened.ownerUserId), context),
    );
    expect(error.code).toBe('conflict');
    expect(error.message).toBe('Nothing to change: the closeout already says this.');
  });
});
