/** Touchpoints of one journey stage, as the interaction pickers list them. */
export interface TouchpointGroup {
  stageId: string;
  stageName: string;
  touchpoints: { id: string; name: string }[];
}

/** Touchpoints (already in journey order) grouped by stage for the pickers. */
export function groupTouchpoints(
  rows: { id: string; name: string; stageId: string; stageName: string; active: boolean }[],
  keepId?: string,
): TouchpointGroup[] {
  const groups: TouchpointGroup[] = [];
  for (const row of rows) {
    // Inactive touchpoints are hidden, except the one an edited interaction already uses.
    if (!row.active && row.id !== keepId) continue;
    let group = groups.at(-1);
    if (group?.stageId !== row.stageId) {
      group = { stageId: row.stageId, stageName: row.stageName, touchpoints: [] };
      groups.push(group);
    }
    group.touchpoints.push({ id: row.id, name: row.active ? row.name : `${row.name} (no longer in use)` });
  }
  return groups;
}
