import { describeHistoryEntry, words, type HistoryEntry, type Names } from './contact-words';

const names: Names = {
  organisation: (id) =>
    ({ 'org-cds': 'Central Data Service Provider', 'org-cad': 'Cadent Gas', 'org-bwe': 'Brightwater Energy' })[
      id ?? ''
    ] ?? 'an organisation',
  meterPointStatus: (code) => ({ LI: 'Live', DE: 'Dead' })[code ?? ''] ?? code ?? 'unknown',
};

const entry = (action: string, detail: Record<string, unknown>, actor?: [string, string]): HistoryEntry => ({
  at: '2026-11-20T10:00:00Z',
  action,
  actorUserId: actor?.[0] ?? null,
  actorOrganisationId: actor?.[1] ?? null,
  detail,
});

describe('the timeline in words', () => {
  it('names who acted, or CMS itself', () => {
    expect(
      describeHistoryEntry(
        entry('LOGGED', { contactType: 'DTL', requestedStatus: 'LI' }, ['bwe.user', 'org-bwe']),
        names,
      ),
    ).toEqual({
      title: 'DTL logged',
      by: 'bwe.user, Brightwater Energy',
      lines: ['Asks for the meter point to be Live.'],
    });
    expect(describeHistoryEntry(entry('CONTACT_OVERDUE', { dueOn: '2026-12-18' }), names)).toEqual({
      title: 'Resolution overdue',
      by: 'CMS',
      lines: ['Was due on 18 Dec 2026.'],
    });
    const referred = { ...entry('SITE_VISIT_ACCEPTED', {}), actorUserId: 'cds.agent' };
    expect(describeHistoryEntry(referred, names).by).toBe('cds.agent');
  });

  it('shows a clarification’s question and whom it waits on', () => {
    const raised = entry(
      'CLARIFICATION_RAISED',
      {
        kind: 'DC',
        addressedTo: 'ORIGINATOR',
        addressedToOrganisationId: 'org-bwe',
        question: 'Which meter?',
        dueOn: '2026-11-27',
      },
      ['cds.agent', 'org-cds'],
    );
    expect(describeHistoryEntry(raised, names)).toEqual({
      title: 'DC asked of Brightwater Energy',
      by: 'cds.agent, Central Data Service Provider',
      lines: ['Which meter?', 'Answer due on 27 Nov 2026.'],
    });
    const message = entry(
      'CLARIFICATION_MESSAGE',
      { kind: 'DC', text: 'The one in the hall.', waitingOnOrganisationId: 'org-cds', dueOn: '2026-12-04' },
      ['bwe.user', 'org-bwe'],
    );
    expect(describeHistoryEntry(message, names).lines).toEqual([
      'The one in the hall.',
      'Now waiting on Central Data Service Provider, due on 4 Dec 2026.',
    ]);
  });

  it('shows a site visit, its finding and the register’s change', () => {
    expect(
      describeHistoryEntry(
        entry('SITE_VISIT_REFERRED', {
          transporterOrganisationId: 'org-cad',
          confirmStatus: 'LI',
          dueOn: '2026-12-04',
        }),
        names,
      ),
    ).toEqual({
      title: 'Referred to Cadent Gas for a site visit',
      by: 'CMS',
      lines: ['To confirm the meter point is Live.', 'Finding due on 4 Dec 2026.'],
    });
    expect(
      describeHistoryEntry(
        entry('SITE_VISIT_FINDING', { confirmed: true, visitedOn: '2026-11-30', notes: 'Gas flowing.' }),
        names,
      ),
    ).toEqual(
      expect.objectContaining({
        title: 'Site visit finding: confirmed',
        lines: ['Visited on 30 Nov 2026.', 'Gas flowing.'],
      }),
    );
    expect(
      describeHistoryEntry(
        entry('METER_POINT_STATUS_CHANGED', { mprn: '1', previousStatus: 'DE', status: 'LI' }),
        names,
      ).lines,
    ).toEqual(['Dead to Live.']);
  });

  it('shows an automatic closure as such', () => {
    expect(
      describeHistoryEntry(
        entry('RESOLVED', { outcome: 'INVALID', reason: 'No response to data clarification', automatic: true }),
        names,
      ),
    ).toEqual({
      title: 'Resolved INVALID',
      by: 'CMS',
      lines: ['No response to data clarification', 'Closed automatically: no response to a data clarification.'],
    });
  });

  it('still shows an action it does not know, with its details', () => {
    expect(describeHistoryEntry(entry('SOMETHING_NEW', { count: 2, note: 'hello', nested: { a: 1 } }), names)).toEqual({
      title: 'Something new',
      by: 'CMS',
      lines: ['count: 2', 'note: hello'],
    });
  });

  it('reads codes as words', () => {
    expect(words('UNDER_INVESTIGATION')).toBe('Under investigation');
  });
});
