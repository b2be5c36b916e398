import type { ReferralDetails } from '../domain';

/** What the referral carries of the contact, from the services that hold it. */
export interface ContactToVisit {
  crn: string;
  mprn: string;
}

/**
 * Port: the details a transporter needs on site (supply address, alternative address, the
 * originator's contact details, the description and evidence), asked at referral from
 * contact-logging and the meter point register on behalf of the agent referring, and kept on the
 * visit. Throws a ProblemException (503) when they cannot be asked.
 */
export interface ReferralDetailsSource {
  detailsOf(contact: ContactToVisit): Promise<ReferralDetails>;
}

export const REFERRAL_DETAILS = Symbol('REFERRAL_DETAILS');
