/**
 * Demo users: one Local Security Officer per organisation (`<code>.lso`), who is also its
 * SUPERVISOR where there is contact work so that a demo can give and transfer it, one working user per shipper, DN and IGT
 * (`<code>.user`), and a CDSP agent and administrator (`cds.agent`, `cds.admin`).
 * People's names are fictional; e-mail addresses use the reserved `.example` domain.
 */
import { demoOrganisations, type DemoOrganisation } from './organisations';
import { CDSP_ADMIN, CDSP_AGENT, CONTACT_USER, LSO, type Role, SUPERVISOR, TRANSPORTER_USER } from './roles';

/**
 * DEMO ONLY. The one password of every demo user, so a demo can log in as anyone. Never use demo
 * users outside a demo or test environment.
 */
export const DEMO_PASSWORD = 'Demo-Password-2026';

export interface DemoUser {
  /** Login; never changes once created. */
  userId: string;
  displayName: string;
  email: string;
  organisationShortCode: string;
  roles: Role[];
  /** DEMO ONLY: always DEMO_PASSWORD. */
  password: string;
}

/** Fictional people, handed out in order so every run gives the same names. */
const PEOPLE = [
  'Amelia Hart', 'Owen Pritchard', 'Isla Fraser', 'Rahul Mistry', 'Grace Okafor', 'Callum Reid',
  'Megan Lloyd', 'Tomasz Nowak', 'Chloe Bennett', 'Daniel Hughes', 'Priya Chauhan', 'Liam Doherty',
  'Sophie Walsh', 'Ewan MacLeod', 'Hannah Price', 'Samuel Adeyemi', 'Ruby Clarke', 'Jamie Morgan',
  'Zara Iqbal', 'Ben Fletcher', 'Eilidh Ross', 'Noah Jenkins', 'Freya Collins', 'Arjun Patel',
  'Lucy Turner', 'Rhys Evans', 'Niamh Kelly', 'George Whitfield', 'Maya Shah', 'Harry Dawson',
];

function domainOf(org: DemoOrganisation): string {
  return `${org.name.toLowerCase().replace(/&/g, 'and').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}.example`;
}

/** All demo users (32): organisation by organisation, LSO first. */
export function demoUsers(): DemoUser[] {
  const users: DemoUser[] = [];
  let person = 0;
  const add = (org: DemoOrganisation, suffix: string, roles: Role[]) => {
    const userId = `${org.shortCode.toLowerCase()}.${suffix}`;
    users.push({
      userId,
      displayName: PEOPLE[person++ % PEOPLE.length],
      email: `${userId}@${domainOf(org)}`,
      organisationShortCode: org.shortCode,
      roles,
      password: DEMO_PASSWORD,
    });
  };
  for (const org of demoOrganisations()) {
    // The LSO also supervises where there is contact work: `<code>.lso` gives `<code>.user` a
    // contact, or takes it over (in the CDSP, gives `cds.agent` one to investigate). A DMSP, MRA or
    // UIP works no DTL or ISO contact: its LSO is its one demo user.
    const worksContacts = org.type === 'SHIPPER' || org.type === 'DN' || org.type === 'IGT' || org.type === 'CDSP';
    add(org, 'lso', worksContacts ? [LSO, SUPERVISOR] : [LSO]);
    switch (org.type) {
      case 'SHIPPER':
        add(org, 'user', [CONTACT_USER]);
        break;
      case 'DN':
      case 'IGT':
        add(org, 'user', [TRANSPORTER_USER]);
        break;
      case 'CDSP':
        add(org, 'agent', [CDSP_AGENT]);
        add(org, 'admin', [CDSP_ADMIN]);
        break;
    }
  }
  return users;
}
