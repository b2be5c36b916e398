/**
 * Real post towns (with a legacy county and real postcode districts) for each LDZ, plus fictional
 * street and building names. Street names are invented combinations; a match with a real street is
 * chance.
 */
import type { LdzCode } from '@cms/gas-market';

export interface DemoTown {
  postTown: string;
  county?: string;
  /** Real outward codes of the town; the postcode area is their leading letters. */
  districts: string[];
  /** Real districts of the town, used as dependent localities. */
  localities: string[];
  /** Relative share of the LDZ's meter points. */
  weight: number;
}

const range = (prefix: string, from: number, to: number): string[] =>
  Array.from({ length: to - from + 1 }, (_, i) => `${prefix}${from + i}`);

export const TOWNS_BY_LDZ: Readonly<Record<LdzCode, DemoTown[]>> = {
  EA: [
    { postTown: 'Norwich', county: 'Norfolk', districts: range('NR', 1, 7), localities: ['Thorpe Hamlet', 'Eaton'], weight: 3 },
    { postTown: 'Ipswich', county: 'Suffolk', districts: range('IP', 1, 4), localities: [], weight: 2 },
    { postTown: 'Cambridge', county: 'Cambridgeshire', districts: range('CB', 1, 5), localities: ['Cherry Hinton', 'Chesterton'], weight: 2 },
    { postTown: 'Peterborough', county: 'Cambridgeshire', districts: [...range('PE', 1, 4), 'PE7'], localities: [], weight: 2 },
  ],
  EM: [
    { postTown: 'Nottingham', county: 'Nottinghamshire', districts: range('NG', 1, 11), localities: ['Sherwood', 'West Bridgford', 'Beeston'], weight: 4 },
    { postTown: 'Leicester', county: 'Leicestershire', districts: range('LE', 1, 5), localities: ['Aylestone', 'Evington'], weight: 3 },
    { postTown: 'Derby', county: 'Derbyshire', districts: ['DE1', 'DE3', 'DE21', 'DE22', 'DE23', 'DE24'], localities: ['Allestree'], weight: 2 },
    { postTown: 'Lincoln', county: 'Lincolnshire', districts: range('LN', 1, 6), localities: [], weight: 1 },
  ],
  NT: [
    { postTown: 'London', districts: ['N1', 'N4', 'N7', 'N16', 'E2', 'E5', 'E8', 'E17', 'NW1', 'NW5', 'NW6'], localities: [], weight: 6 },
    { postTown: 'Watford', county: 'Hertfordshire', districts: ['WD17', 'WD18', 'WD19', 'WD24', 'WD25'], localities: [], weight: 1 },
    { postTown: 'Chelmsford', county: 'Essex', districts: ['CM1', 'CM2'], localities: ['Springfield'], weight: 1 },
    { postTown: 'Enfield', county: 'Middlesex', districts: range('EN', 1, 3), localities: [], weight: 1 },
  ],
  NW: [
    { postTown: 'Manchester', county: 'Lancashire', districts: ['M1', 'M4', 'M8', 'M9', 'M11', 'M13', 'M14', 'M16', 'M19', 'M20', 'M21', 'M40'], localities: ['Didsbury', 'Chorlton', 'Levenshulme'], weight: 4 },
    { postTown: 'Liverpool', county: 'Merseyside', districts: ['L4', 'L6', 'L8', 'L13', 'L15', 'L17', 'L18', 'L25'], localities: ['Walton', 'Wavertree', 'Allerton'], weight: 3 },
    { postTown: 'Preston', county: 'Lancashire', districts: ['PR1', 'PR2', 'PR4', 'PR5'], localities: ['Fulwood', 'Penwortham'], weight: 2 },
    { postTown: 'Bolton', county: 'Lancashire', districts: range('BL', 1, 3), localities: [], weight: 1 },
  ],
  WM: [
    { postTown: 'Birmingham', county: 'West Midlands', districts: ['B5', 'B10', 'B13', 'B14', 'B17', 'B20', 'B23', 'B29', 'B30', 'B44'], localities: ['Moseley', 'Harborne', 'Erdington'], weight: 5 },
    { postTown: 'Coventry', county: 'West Midlands', districts: range('CV', 1, 6), localities: ['Earlsdon'], weight: 2 },
    { postTown: 'Wolverhampton', county: 'West Midlands', districts: [...range('WV', 1, 6), 'WV10', 'WV11'], localities: [], weight: 2 },
    { postTown: 'Stoke-on-Trent', county: 'Staffordshire', districts: ['ST1', 'ST2', 'ST3', 'ST4', 'ST6'], localities: ['Hanley', 'Burslem'], weight: 1 },
  ],
  NE: [
    { postTown: 'Leeds', county: 'West Yorkshire', districts: [...range('LS', 6, 9), ...range('LS', 11, 17)], localities: ['Headingley', 'Roundhay', 'Chapel Allerton'], weight: 4 },
    { postTown: 'Bradford', county: 'West Yorkshire', districts: range('BD', 1, 10), localities: [], weight: 2 },
    { postTown: 'York', county: 'North Yorkshire', districts: ['YO10', 'YO23', 'YO24', 'YO26', 'YO30', 'YO31'], localities: ['Acomb'], weight: 1 },
    { postTown: 'Hull', county: 'North Humberside', districts: ['HU3', 'HU5', 'HU7', 'HU8', 'HU9'], localities: [], weight: 2 },
  ],
  NO: [
    { postTown: 'Newcastle upon Tyne', county: 'Tyne and Wear', districts: [...range('NE', 1, 7), 'NE15'], localities: ['Jesmond', 'Heaton', 'Gosforth'], weight: 4 },
    { postTown: 'Sunderland', county: 'Tyne and Wear', districts: range('SR', 1, 6), localities: [], weight: 2 },
    { postTown: 'Durham', county: 'County Durham', districts: ['DH1'], localities: [], weight: 1 },
    { postTown: 'Middlesbrough', county: 'Cleveland', districts: range('TS', 1, 8), localities: ['Linthorpe'], weight: 2 },
    { postTown: 'Carlisle', county: 'Cumbria', districts: range('CA', 1, 3), localities: [], weight: 1 },
  ],
  SC: [
    { postTown: 'Glasgow', county: 'Lanarkshire', districts: ['G3', 'G11', 'G12', 'G20', 'G31', 'G32', 'G41', 'G42', 'G51'], localities: ['Partick', 'Shawlands', 'Dennistoun'], weight: 4 },
    { postTown: 'Edinburgh', county: 'Midlothian', districts: [...range('EH', 3, 12), ...range('EH', 15, 17)], localities: ['Leith', 'Morningside', 'Portobello'], weight: 3 },
    { postTown: 'Aberdeen', county: 'Aberdeenshire', districts: [...range('AB', 10, 16), 'AB24', 'AB25'], localities: [], weight: 2 },
    { postTown: 'Dundee', county: 'Angus', districts: range('DD', 1, 5), localities: ['Broughty Ferry'], weight: 1 },
  ],
  SE: [
    { postTown: 'London', districts: ['SE4', 'SE6', 'SE13', 'SE15', 'SE22', 'SE23'], localities: [], weight: 3 },
    { postTown: 'Croydon', county: 'Surrey', districts: ['CR0', 'CR2', 'CR7'], localities: [], weight: 2 },
    { postTown: 'Maidstone', county: 'Kent', districts: range('ME', 14, 17), localities: [], weight: 1 },
    { postTown: 'Canterbury', county: 'Kent', districts: ['CT1', 'CT2'], localities: [], weight: 1 },
    { postTown: 'Brighton', county: 'East Sussex', districts: ['BN1', 'BN2'], localities: ['Hove'], weight: 2 },
  ],
  SO: [
    { postTown: 'Southampton', county: 'Hampshire', districts: range('SO', 14, 19), localities: ['Shirley', 'Portswood'], weight: 3 },
    { postTown: 'Portsmouth', county: 'Hampshire', districts: range('PO', 1, 6), localities: ['Southsea'], weight: 2 },
    { postTown: 'Reading', county: 'Berkshire', districts: ['RG1', 'RG2', 'RG4', 'RG6', 'RG30', 'RG31'], localities: ['Caversham'], weight: 2 },
    { postTown: 'Oxford', county: 'Oxfordshire', districts: range('OX', 1, 4), localities: ['Headington'], weight: 1 },
  ],
  SW: [
    { postTown: 'Bristol', county: 'Avon', districts: [...range('BS', 3, 7), 'BS13', 'BS16'], localities: ['Bedminster', 'Bishopston'], weight: 4 },
    { postTown: 'Exeter', county: 'Devon', districts: ['EX1', 'EX2', 'EX4'], localities: ['Heavitree'], weight: 1 },
    { postTown: 'Plymouth', county: 'Devon', districts: range('PL', 1, 6), localities: ['Plympton'], weight: 2 },
    { postTown: 'Taunton', county: 'Somerset', districts: ['TA1', 'TA2'], localities: [], weight: 1 },
  ],
  WN: [
    { postTown: 'Wrexham', county: 'Clwyd', districts: range('LL', 11, 13), localities: ['Rhosddu'], weight: 3 },
    { postTown: 'Bangor', county: 'Gwynedd', districts: ['LL57'], localities: [], weight: 1 },
    { postTown: 'Llandudno', county: 'Gwynedd', districts: ['LL30'], localities: [], weight: 1 },
    { postTown: 'Aberystwyth', county: 'Dyfed', districts: ['SY23'], localities: [], weight: 1 },
    { postTown: 'Newtown', county: 'Powys', districts: ['SY16'], localities: [], weight: 1 },
  ],
  WS: [
    { postTown: 'Cardiff', county: 'South Glamorgan', districts: ['CF5', 'CF10', 'CF11', 'CF14', 'CF23', 'CF24'], localities: ['Canton', 'Roath', 'Llandaff'], weight: 4 },
    { postTown: 'Swansea', county: 'West Glamorgan', districts: ['SA1', 'SA2', 'SA5', 'SA6'], localities: ['Sketty'], weight: 2 },
    { postTown: 'Newport', county: 'Gwent', districts: ['NP19', 'NP20'], localities: [], weight: 2 },
  ],
};

/** Relative number of meter points per LDZ (roughly by population). */
export const LDZ_WEIGHTS: ReadonlyArray<readonly [LdzCode, number]> = [
  ['EA', 7], ['EM', 9], ['NT', 12], ['NW', 12], ['WM', 10],
  ['NE', 8], ['NO', 6],
  ['SC', 9], ['SE', 9], ['SO', 9],
  ['SW', 6], ['WN', 3], ['WS', 5],
];

export const STREET_WORDS = [
  'Acacia', 'Alder', 'Ashgrove', 'Beechwood', 'Bramble', 'Brookfield', 'Cedar', 'Chestnut', 'Clover',
  'Coppice', 'Elmfield', 'Fernhill', 'Foxglove', 'Glebe', 'Hawthorn', 'Hazel', 'Heather', 'Hollybank',
  'Juniper', 'Laburnum', 'Larch', 'Linden', 'Maple', 'Meadowbank', 'Millbrook', 'Oakfield', 'Orchard',
  'Primrose', 'Quarry', 'Rowan', 'Sandpiper', 'Silverdale', 'Sorrel', 'Springfield', 'Sycamore',
  'Tansy', 'Thornbury', 'Westbrook', 'Willow', 'Woodbine', 'Ashby', 'Belmont', 'Carlton', 'Denholm',
  'Fairview', 'Grantley', 'Holmwood', 'Kingsley', 'Langdale', 'Marlow', 'Norbury', 'Pembroke',
  'Redcliffe', 'Stanmore', 'Tenby', 'Wharfedale',
];
export const STREET_SUFFIXES = ['Road', 'Street', 'Avenue', 'Grove', 'Terrace', 'Crescent', 'Drive', 'Gardens', 'Place', 'Walk'];
export const ESTATE_WORDS = ['Kestrel', 'Skylark', 'Kingfisher', 'Bluebell', 'Wren', 'Goldcrest', 'Heron', 'Lapwing', 'Plover', 'Teal', 'Curlew', 'Linnet'];
export const ESTATE_SUFFIXES = ['Close', 'Way', 'Mews', 'Rise', 'Chase', 'Meadows'];
export const LANE_SUFFIXES = ['Lane', 'Hill', 'Green'];
export const COURT_SUFFIXES = ['Court', 'Yard', 'Row'];
export const HIGH_STREETS = ['High Street', 'Market Street', 'Station Road', 'Church Street', 'Bridge Street', 'Market Place'];

export const HOUSE_NAMES = [
  'Rose Cottage', 'The Willows', 'Hillside', 'Fernlea', 'Orchard House', 'The Old Forge', 'Brackenside',
  'Meadow View', 'The Laurels', 'Honeysuckle Cottage', 'Stonecroft', 'Greenacres', 'The Old Schoolhouse',
  'Ivy House', 'Larkrise', 'Windrush', 'The Coach House', 'Holly Lodge',
];
export const BLOCK_SUFFIXES = ['House', 'Court', 'Lodge', 'Mansions', 'Apartments'];

export const BUSINESS_WORDS = ['Acorn', 'Beacon', 'Copperleaf', 'Harbourlight', 'Lark', 'Millstone', 'Northgate', 'Parkside', 'Quayside', 'Redwing', 'Silverbirch', 'Tollgate'];
export const BUSINESS_KINDS = ['Bakery', 'Dental Practice', 'Garage', 'Café', 'Veterinary Surgery', 'Hardware', 'Launderette', 'Florist', 'Community Centre', 'Pharmacy', 'Bookshop', 'Fish Bar'];
export const PARTNER_SURNAMES = ['Hartley', 'Webb', 'Ashworth', 'Penrose', 'Okoro', 'Lindqvist', 'Marsh', 'Caddick', 'Fenwick', 'Sandhu'];
