export const CHANNEL_LABELS: Record<string, string> = {
  in_person: 'In person',
  phone: 'Phone',
  email: 'Email',
  web: 'Web',
  chat: 'Chat',
  social: 'Social',
  mail: 'Mail',
  advertising: 'Advertising',
  other: 'Other',
};

export const SOURCE_LABELS: Record<string, string> = {
  staff: 'Staff',
  feedback: 'Feedback',
  import: 'Import',
  api: 'API',
};

export const DEFECT_STATUS_LABELS: Record<string, string> = {
  open: 'Open',
  investigating: 'Investigating',
  action: 'Action',
  verified: 'Verified',
  closed: 'Closed',
  dismissed: 'Dismissed',
};
