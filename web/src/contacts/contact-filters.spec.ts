import {
  filterFieldOf,
  filtersOf,
  listQueryOf,
  nextPageSearch,
  pagesBefore,
  previousPageSearch,
  searchOf,
} from './contact-filters';

describe('the contact list’s filters and pages', () => {
  it('reads a CRN or an MPRN from the search, and every filter', () => {
    expect(
      listQueryOf(
        new URLSearchParams(
          'q=c000001234&type=DTL&status=LOGGED&sort=dueOn&waitingOnMe=true&overdue=true&assignedTo=me&unassigned=true',
        ),
      ),
    ).toEqual({
      limit: 25,
      crn: 'C000001234',
      type: 'DTL',
      status: 'LOGGED',
      sort: 'dueOn',
      waitingOnMe: 'true',
      overdue: 'true',
      assignedTo: 'me',
      unassigned: 'true',
    });
    expect(listQueryOf(new URLSearchParams('q=+3938424403+'))).toEqual({ limit: 25, mprn: '3938424403' });
    expect(listQueryOf(new URLSearchParams(''))).toEqual({ limit: 25 });
  });

  it('writes the filters into the address, leaving out what is not set, and back', () => {
    const filters = {
      q: ' 3938424403 ',
      type: 'ISO',
      status: '',
      sort: '',
      waitingOnMe: true,
      overdue: false,
      assignedToMe: true,
      unassigned: false,
    };
    const search = searchOf(filters);
    expect(search).toBe('?q=3938424403&type=ISO&waitingOnMe=true&assignedTo=me');
    expect(filtersOf(new URLSearchParams(search))).toEqual({ ...filters, q: '3938424403' });
    expect(searchOf({ ...filters, q: '', type: '', waitingOnMe: false, assignedToMe: false })).toBe('');
  });

  it('pages forward with the API’s cursor and back without asking it', () => {
    const first = new URLSearchParams('type=DTL');
    const second = new URLSearchParams(nextPageSearch(first, 'abc_1'));
    const third = new URLSearchParams(nextPageSearch(second, 'def-2'));
    expect([pagesBefore(first), pagesBefore(second), pagesBefore(third)]).toEqual([[], ['abc_1'], ['abc_1', 'def-2']]);
    expect(listQueryOf(third).cursor).toBe('def-2');
    expect(previousPageSearch(third)).toBe(`?${second.toString()}`);
    expect(previousPageSearch(second)).toBe('?type=DTL');
    expect(previousPageSearch(new URLSearchParams('pages=x'))).toBe('');
  });

  it('puts the API’s refusal of a parameter on the filter it came from', () => {
    expect([
      filterFieldOf('crn'),
      filterFieldOf('mprn'),
      filterFieldOf('assignedTo'),
      filterFieldOf('status'),
      filterFieldOf('cursor'),
      filterFieldOf(undefined),
    ]).toEqual(['q', 'q', 'assignedToMe', 'status', undefined, undefined]);
  });
});
