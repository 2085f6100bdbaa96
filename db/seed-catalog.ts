import type { Role } from './schema';

// The demo company: a home-energy firm (solar panels, heat pumps, batteries) selling to homes,
// small businesses and larger organisations. Names only; volumes and quality live beside them.

export const DEMO_USERS: { email: string; name: string; role: Role; password: string }[] = [
  { email: 'admin@outsidein.test', name: 'Alex Admin', role: 'admin', password: 'demo-admin-pass' },
  { email: 'manager@outsidein.test', name: 'Morgan Manager', role: 'manager', password: 'demo-manager-pass' },
  { email: 'staff@outsidein.test', name: 'Sam Staff', role: 'staff', password: 'demo-staff-pass' },
];

/** Further staff who log interactions and own defects; they share the staff demo password. */
export const EXTRA_STAFF = ['Priya Shah', 'Tom Becker', 'Lena Novak', 'Omar Haddad', 'Grace Kim'];

export const STAGES: { name: string; description: string }[] = [
  { name: 'Awareness', description: 'The customer first learns the company exists.' },
  { name: 'Discovery', description: 'The customer looks into what the company offers.' },
  { name: 'Attraction', description: 'The customer is drawn to consider buying.' },
  { name: 'Interaction', description: 'The customer talks with the company about a purchase.' },
  { name: 'Purchase', description: 'The customer buys.' },
  { name: 'Use', description: 'The customer receives and uses what they bought.' },
  { name: 'Cultivation', description: 'The company keeps the relationship healthy after the sale.' },
  { name: 'Advocacy', description: 'The customer recommends the company to others.' },
];

export type TouchpointKind = 'marketing' | 'sales' | 'service';

export interface SeedTouchpoint {
  name: string;
  stage: string;
  channel: 'in_person' | 'phone' | 'email' | 'web' | 'chat' | 'social' | 'mail' | 'advertising' | 'other';
  kind: TouchpointKind;
  opportunities: number;
  /** Relative daily volume. */
  weight: number;
  /** Mean of experience minus expectation, in score points. */
  quality: number;
  /** Categories a triaged below-expectation defect here is put in, most likely first. */
  causes: string[];
  description: string;
  ruleLowNps?: boolean;
}

export const TOUCHPOINTS: SeedTouchpoint[] = [
  { name: 'TV and radio advert', stage: 'Awareness', channel: 'advertising', kind: 'marketing', opportunities: 1, weight: 2, quality: 0.1, causes: ['Wrong information', 'Other'], description: 'Regional TV and radio campaign.' },
  { name: 'Social media campaign', stage: 'Awareness', channel: 'social', kind: 'marketing', opportunities: 1, weight: 3, quality: 0.0, causes: ['Wrong information', 'Other'], description: 'Paid posts and replies on social networks.' },
  { name: 'Search advert', stage: 'Awareness', channel: 'advertising', kind: 'marketing', opportunities: 1, weight: 2, quality: 0.2, causes: ['Wrong information'], description: 'Paid search results.' },
  { name: 'Website product pages', stage: 'Discovery', channel: 'web', kind: 'marketing', opportunities: 2, weight: 6, quality: 0.1, causes: ['Wrong information', 'Product fault'], description: 'Product, pricing and savings calculator pages.' },
  { name: 'Review sites', stage: 'Discovery', channel: 'other', kind: 'marketing', opportunities: 1, weight: 1, quality: -0.1, causes: ['Other', 'Wrong information'], description: 'Replies to reviews on comparison sites.' },
  { name: 'Showroom visit', stage: 'Attraction', channel: 'in_person', kind: 'sales', opportunities: 3, weight: 3, quality: 0.3, causes: ['Long wait', 'Rude or unhelpful', 'Wrong information'], description: 'Walk-in visit to a showroom.' },
  { name: 'Sales enquiry call', stage: 'Attraction', channel: 'phone', kind: 'sales', opportunities: 2, weight: 5, quality: -0.3, causes: ['Long wait', 'Wrong information', 'Rude or unhelpful'], description: 'Inbound calls to the sales line.' },
  { name: 'Brochure by post', stage: 'Attraction', channel: 'mail', kind: 'marketing', opportunities: 1, weight: 1, quality: 0.0, causes: ['Delivery problem', 'Wrong information'], description: 'Printed brochure sent on request.' },
  { name: 'Live chat with sales', stage: 'Interaction', channel: 'chat', kind: 'sales', opportunities: 2, weight: 5, quality: -0.2, causes: ['Long wait', 'Wrong information'], description: 'Chat on the website with a sales adviser.' },
  { name: 'Home survey visit', stage: 'Interaction', channel: 'in_person', kind: 'sales', opportunities: 4, weight: 3, quality: 0.2, causes: ['Long wait', 'Wrong information', 'Rude or unhelpful'], description: 'A surveyor measures the home and roof.' },
  { name: 'Quote by email', stage: 'Interaction', channel: 'email', kind: 'sales', opportunities: 2, weight: 4, quality: -0.1, causes: ['Wrong information', 'Long wait', 'Billing error'], description: 'Written quotation and follow-up emails.' },
  { name: 'Online checkout', stage: 'Purchase', channel: 'web', kind: 'sales', opportunities: 3, weight: 4, quality: 0.0, causes: ['Product fault', 'Billing error', 'Wrong information'], description: 'Ordering and paying a deposit online.' },
  { name: 'Contract signing', stage: 'Purchase', channel: 'in_person', kind: 'sales', opportunities: 3, weight: 2, quality: 0.3, causes: ['Wrong information', 'Billing error'], description: 'Signing the installation contract.' },
  { name: 'Finance application', stage: 'Purchase', channel: 'web', kind: 'sales', opportunities: 2, weight: 2, quality: -0.4, causes: ['Long wait', 'Wrong information', 'Billing error'], description: 'Applying for instalment finance.' },
  { name: 'Delivery and installation', stage: 'Use', channel: 'in_person', kind: 'service', opportunities: 5, weight: 4, quality: 0.1, causes: ['Delivery problem', 'Long wait', 'Product fault'], description: 'Delivery and fitting by our installers.' },
  { name: 'Onboarding call', stage: 'Use', channel: 'phone', kind: 'service', opportunities: 2, weight: 3, quality: 0.2, causes: ['Wrong information', 'Long wait'], description: 'Welcome call explaining the system and the app.' },
  { name: 'Monitoring app', stage: 'Use', channel: 'web', kind: 'service', opportunities: 2, weight: 4, quality: -0.2, causes: ['Product fault', 'Wrong information'], description: 'The energy monitoring app.' },
  { name: 'Support hotline', stage: 'Cultivation', channel: 'phone', kind: 'service', opportunities: 3, weight: 7, quality: -0.5, causes: ['Long wait', 'Rude or unhelpful', 'Wrong information'], description: 'Phone support for customers.' },
  { name: 'Support chat', stage: 'Cultivation', channel: 'chat', kind: 'service', opportunities: 2, weight: 5, quality: -0.3, causes: ['Long wait', 'Wrong information'], description: 'Chat support in the app and website.' },
  { name: 'Service visit', stage: 'Cultivation', channel: 'in_person', kind: 'service', opportunities: 4, weight: 2, quality: 0.0, causes: ['Long wait', 'Product fault', 'Delivery problem'], description: 'Engineer visit for maintenance or repair.' },
  { name: 'Invoice and billing', stage: 'Cultivation', channel: 'email', kind: 'service', opportunities: 2, weight: 3, quality: -0.4, causes: ['Billing error', 'Wrong information'], description: 'Invoices, statements and billing questions.' },
  { name: 'Annual account review', stage: 'Cultivation', channel: 'phone', kind: 'sales', opportunities: 2, weight: 1, quality: 0.3, causes: ['Wrong information'], description: 'A yearly review of usage, savings and upgrades.', ruleLowNps: true },
  { name: 'Review request email', stage: 'Advocacy', channel: 'email', kind: 'marketing', opportunities: 1, weight: 2, quality: 0.2, causes: ['Other'], description: 'Asking happy customers for a public review.' },
  { name: 'Referral programme', stage: 'Advocacy', channel: 'web', kind: 'sales', opportunities: 1, weight: 1, quality: 0.1, causes: ['Billing error', 'Other'], description: 'Rewards for customers who refer friends.' },
  { name: 'Customer community', stage: 'Advocacy', channel: 'social', kind: 'marketing', opportunities: 1, weight: 1, quality: 0.2, causes: ['Other', 'Rude or unhelpful'], description: 'Customer forum and events.' },
];

/** The touchpoint whose experience drops in the last weeks of the demo data. */
export const DEGRADING_TOUCHPOINT = 'Delivery and installation';
export const DEGRADATION_DAYS = 42;

export const SEGMENTS: { name: string; share: number; saleMin: number; saleMax: number }[] = [
  { name: 'Homeowners', share: 0.6, saleMin: 300, saleMax: 14_000 },
  { name: 'Small business', share: 0.28, saleMin: 2_000, saleMax: 40_000 },
  { name: 'Enterprise', share: 0.08, saleMin: 20_000, saleMax: 250_000 },
  { name: 'Public sector', share: 0.04, saleMin: 10_000, saleMax: 150_000 },
];

export const CATEGORIES = [
  'Lost sale',
  'Below expectations',
  'Long wait',
  'Wrong information',
  'Rude or unhelpful',
  'Product fault',
  'Billing error',
  'Delivery problem',
  'Other',
];

export const FIRST_NAMES = [
  'Olivia', 'Noah', 'Amelia', 'Liam', 'Isla', 'Oliver', 'Ava', 'Elijah', 'Mia', 'James', 'Sofia', 'Lucas',
  'Emily', 'Mateo', 'Grace', 'Leo', 'Chloe', 'Arjun', 'Hannah', 'Yusuf', 'Zara', 'Daniel', 'Freya', 'Ethan',
  'Maya', 'Jack', 'Aisha', 'Henry', 'Ruby', 'Samuel', 'Nora', 'Kai', 'Ines', 'Felix', 'Lucy', 'Ravi',
];

export const LAST_NAMES = [
  'Smith', 'Jones', 'Patel', 'Williams', 'Brown', 'Taylor', 'Davies', 'Evans', 'Wilson', 'Thomas', 'Khan',
  'Roberts', 'Walker', 'Wright', 'Thompson', 'Murphy', 'Garcia', 'Nguyen', 'Müller', 'Rossi', 'Kowalski',
  'Okafor', 'Hughes', "O'Brien", 'Edwards', 'Green', 'Hall', 'Wood', 'Clarke', 'Jackson', 'Martin', 'Lee',
];

export const COMPANY_WORDS = [
  'Harbour', 'Oak', 'Summit', 'Riverside', 'Northgate', 'Bright', 'Cedar', 'Meadow', 'Granite', 'Willow',
  'Beacon', 'Orchard', 'Kestrel', 'Hillside', 'Lantern', 'Copper',
];

export const COMPANY_SUFFIXES = ['Bakery', 'Dental', 'Logistics', 'Farms', 'Studios', 'Hotels', 'Schools Trust', 'Engineering', 'Council', 'Clinic', 'Foods', 'Motors'];

export const ROOT_CAUSES: Record<string, string[]> = {
  'Lost sale': ['Price above competitor quote', 'Quote sent too late', 'Finance declined', 'Customer chose a cheaper system'],
  'Long wait': ['Too few agents on Monday mornings', 'Callback queue not worked', 'Surveyor diary overbooked'],
  'Wrong information': ['Outdated price list on the intranet', 'New starters not trained on tariffs', 'Website savings figure wrong'],
  'Rude or unhelpful': ['Agent under pressure from call targets', 'No escalation path for complaints'],
  'Product fault': ['Inverter firmware bug', 'App crashes on older phones', 'Faulty batch of batteries'],
  'Billing error': ['Deposit not deducted from final invoice', 'Direct debit date mismatch'],
  'Delivery problem': ['Subcontractor missed slot', 'Parts not picked before dispatch', 'Scaffolding booked late'],
  'Below expectations': ['Expectations set too high in sales'],
  Other: ['One-off; no pattern found'],
};

export const CORRECTIVE_ACTIONS: Record<string, string[]> = {
  'Lost sale': ['Price match for quotes within 5 %', 'Same-day quote target', 'Second finance partner added'],
  'Long wait': ['Rota moved two agents to Monday mornings', 'Callback queue reviewed hourly', 'Extra surveyor hired'],
  'Wrong information': ['Single price list, reviewed weekly', 'Tariff training for all new starters', 'Calculator fixed and tested'],
  'Rude or unhelpful': ['Coaching session and call review', 'Complaint escalation path published'],
  'Product fault': ['Firmware update rolled out', 'App fix released', 'Batch recalled and replaced'],
  'Billing error': ['Invoice template checks the deposit', 'Billing dates aligned'],
  'Delivery problem': ['Subcontractor SLA with penalty', 'Pick list checked before dispatch', 'Scaffolding booked at contract signing'],
  'Below expectations': ['Sales script sets realistic expectations'],
  Other: ['No action needed'],
};
