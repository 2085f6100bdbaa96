export const KIND_LABELS: Record<string, string> = {
  lost_sale: 'Lost sale',
  below_expectation: 'Below expectation',
  low_satisfaction: 'Low satisfaction',
  complaint: 'Complaint',
  process: 'Process failure',
};

export const SEVERITY_LABELS: Record<string, string> = { minor: 'Minor', major: 'Major', critical: 'Critical' };

export const AUTO_RULE_LABELS: Record<string, string> = {
  lost_sale: 'Lost-sale rule',
  below_expectation: 'Below-expectation rule',
  low_csat: 'Low-CSAT rule',
  low_nps: 'Low-NPS rule',
};

export const EVENT_LABELS: Record<string, string> = {
  created: 'recorded the defect',
  updated: 'edited',
  assigned: 'assigned',
  status: 'moved',
  reopened: 'reopened',
  comment: 'commented',
};

/** "Why? … Why? …": a root cause written one why per line, as the steps of its chain. */
export function rootCauseSteps(rootCause: string | null): string[] {
  return (rootCause ?? '')
    .split('\n')
    .map((line) => line.replace(/^\s*(why\??|\d+[.)])\s*/i, '').trim())
    .filter(Boolean);
}
