import { Rejections } from './rejection';

describe('rejection messages', () => {
  it('sends a shipper with an unknown MPRN to the MNC process', () => {
    expect(Rejections.mprnNotFound('123', true).message).toBe(
      'MPRN 123 is not in the meter point register. If this is a new meter point, raise an MPRN ' +
        'creation request (the MNC process) instead of a DTL or ISO contact.',
    );
  });

  it('sends a shipper with an extinct meter point to the MNC process', () => {
    expect(Rejections.mprnExtinct('123').message).toContain(
      'raise an MPRN creation request (the MNC process) instead of a DTL or ISO contact',
    );
  });

  it('names the open contact by its CRN only to an organisation involved in it', () => {
    expect(Rejections.openContactExists('123', { crn: 'CRN-000042', visibleToOriginator: true })).toEqual({
      code: 'OPEN_CONTACT_EXISTS',
      field: 'mprn',
      message:
        'Contact CRN-000042 is already open for MPRN 123. Only one DTL or ISO contact may be open per MPRN: follow that contact instead.',
    });
    expect(Rejections.openContactExists('123', { crn: 'CRN-000042', visibleToOriginator: false })).toEqual({
      code: 'OPEN_CONTACT_EXISTS',
      field: 'mprn',
      message:
        'A contact raised by another organisation is already open for MPRN 123. Only one DTL or ISO contact may be open per MPRN; that one is not shown to your organisation.',
    });
  });

  it('leaves the field out of a mandatory-field rejection about the whole submission', () => {
    expect(Rejections.mandatoryField(undefined, 'The submission must be a JSON object.')).toEqual({
      code: 'MANDATORY_FIELD',
      message: 'The submission must be a JSON object.',
    });
  });

  it('says which organisation types may raise the contact type', () => {
    expect(Rejections.orgNotPermitted('DN', 'DTL', ['SHIPPER']).message).toBe(
      'A DN organisation may not raise DTL contacts; only SHIPPER may.',
    );
  });
});
