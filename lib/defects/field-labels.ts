/** The names people know a defect's fields by, in forms, history and refusals. */
export const FIELD_LABELS = {
  status: 'Status',
  categoryId: 'Category',
  kind: 'Kind',
  severity: 'Severity',
  lostRevenue: 'Lost revenue',
  ownerId: 'Owner',
  dueOn: 'Follow-up due',
  title: 'Title',
  description: 'Description',
  rootCause: 'Root cause',
  correctiveAction: 'Corrective action',
  dismissReason: 'Reason for dismissal',
} as const;
