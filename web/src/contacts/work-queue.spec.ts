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

  it('finds a contact in the queue by its CRN or MPRN, and takes none of the list’s other filters', () => {
    expect(queueSearch('unassigned', ' c000001234 ')).toBe('?queue=unassigned&q=c000001234');
    expect(queueQueryOf(new URLSearchParams(queueSearch('unassigned', 'c000001234')))).toEqual({
      limit: 25,
      crn: 'C000001234',
      unassigned: 'true',
      sort: 'dueOn',
    });
    expect(queueQueryOf(new URLSearchParams('queue=mine&q=3938424403&status=RESOLVED&type=ISO'))).toEqual({
      limit: 25,
      mprn: '3938424403',
      assignedTo: 'me',
      status: 'UNDER_INVESTIGATION',
      sort: 'dueOn',
    });
  });

  it('keeps its queue from page to page', () => {
    const second = new URLSearchParams(nextPageSearch(new URLSearchParams(queueSearch('mine')), 'cursor-2'));
    expect(queueQueryOf(second)).toEqual(expect.objectContaining({ assignedTo: 'me', cursor: 'cursor-2' }));
  });
});
