import { nextPageSearch } from './contact-filters';
import { queueOf, queueQueryOf, queueSearch } from './work-queue';

describe('the agent’s work queue', () => {
  it('asks for each queue soonest due first', () => {
    expect(queueQueryOf(new URLSearchParams(queueSearch('unassigned')))).toEqual({ limit: 25, unassigned: 'true', sort: 'dueOn' });
    expect(queueQueryOf(new URLSearchParams(queueSearch('mine')))).toEqual({
      limit: 25,
      assignedTo: 'me',
      status: 'UNDER_INVESTIGATION',
      sort: 'dueOn',
    });
    expect(queueQueryOf(new URLSearchParams(queueSearch('overdue')))).toEqual({ limit: 25, overdue: 'true', sort: 'dueOn' });
  });

  it('starts with the contacts nobody has taken, whatever the address says', () => {
    expect(queueOf(new URLSearchParams('')).name).toBe('unassigned');
    expect(queueOf(new URLSearchParams('queue=everything')).name).toBe('unassigned');
  });

  it('keeps its queue from page to page', () => {
    const second = new URLSearchParams(nextPageSearch(new URLSearchParams(queueSearch('mine')), 'cursor-2'));
    expect(queueQueryOf(second)).toEqual(expect.objectContaining({ assignedTo: 'me', cursor: 'cursor-2' }));
  });
});
