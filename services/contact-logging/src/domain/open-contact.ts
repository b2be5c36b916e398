/** The open (LOGGED or UNDER_INVESTIGATION) DTL or ISO contact on a meter point. */
export interface OpenContact {
  readonly crn: string;
  /**
   * Whether the organisation submitting a new contact is involved in this one (its originator, a
   * transporter referred to it, or CDSP): only then may it learn the CRN.
   */
  readonly visibleToOriginator: boolean;
}
