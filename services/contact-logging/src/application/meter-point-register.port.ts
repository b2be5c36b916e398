/** What logging needs to know of a meter point, from the register. */
export interface RegisteredMeterPoint {
  mprn: string;
  status: string;
  registeredShipperId: string | null;
  transporterId: string;
  /** Its Local Distribution Zone: which working-day calendar counts a contact's clocks. */
  ldz: string | null;
}

/**
 * Port: the meter point register (the meter-points service), asked synchronously at logging time,
 * on behalf of the caller of the request being served.
 */
export interface MeterPointRegister {
  /** The meter point, or null when the register has no such MPRN; a ProblemException (503) when it cannot be asked. */
  find(mprn: string): Promise<RegisteredMeterPoint | null>;
}

export const METER_POINT_REGISTER = Symbol('METER_POINT_REGISTER');
