/** Role names of the demo users (string constants, stored as plain strings). */

/** Local Security Officer: creates and suspends its organisation's users, sets permissions, resets passwords. */
export const LSO = 'LSO';
/** Shipper staff: raise DTL/ISO contacts, answer clarifications, withdraw. */
export const CONTACT_USER = 'CONTACT_USER';
/** DN or IGT staff: accept site visits, report findings, ask originator clarifications. */
export const TRANSPORTER_USER = 'TRANSPORTER_USER';
/** CDSP agent: investigate, ask data clarifications, refer site visits, resolve. */
export const CDSP_AGENT = 'CDSP_AGENT';
/** CDSP administrator: reference data and configuration. */
export const CDSP_ADMIN = 'CDSP_ADMIN';
/** Gives and transfers its organisation's work to its users; sees who they are. */
export const SUPERVISOR = 'SUPERVISOR';

export const ROLES = Object.freeze([LSO, CONTACT_USER, TRANSPORTER_USER, CDSP_AGENT, CDSP_ADMIN, SUPERVISOR] as const);
export type Role = (typeof ROLES)[number];
