import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import {
  defectCategories,
  defects,
  journeyStages,
  touchpoints,
  type NewDefect,
  type Touchpoint,
  type User,
} from '@/db/schema';
import { GET as exportDefects } from '@/app/(app)/defects/export/route';
import {
  countDefectsByStatus,
  iterateDefectsForExport,
  listAssignedDefects,
  listDefectBoard,
  listDefects,
} from '@/lib/queries/defects';
import { defectListParamsSchema } from '@/lib/validation/defects';
import { defectFiltersSchema } from '@/lib/validation/filters';
import { createUser } from '../support/factories';
import { signInAs } from '../support/session';

let till: Touchpoint;
let web: Touchpoint;
let manager: User;
let staff: User;
let otherStaff: User;

const filters = (values: Record<string, unknown> = {}) => defectFiltersSchema.parse(values);
const params = (values: Record<string, unknown> = {}) => defectListParamsSchema.parse(values);
const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
const nextWeek = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  const db = await getDb();
  const [stage] = await db.insert(journeyStages).values({ name: 'Purchase', position: 0 }).returning();
  [till, web] = (await db
    .insert(touchpoints)
    .values([
      { name: 'Till', stageId: stage!.id, channel: 'in_person' },
      { name: 'Web shop', stageId: stage!.id, channel: 'web' },
    ])
    .returning()) as [Touchpoint, Touchpoint];
  const [category] = await db.insert(defectCategories).values({ name: 'Long wait' }).returning();
  manager = await createUser({ role: 'manager' });
  staff = await createUser({ role: 'staff' });
  otherStaff = await createUser({ role: 'staff' });
  const base = { categoryId: category!.id, kind: 'complaint' as const, touchpointId: till.id };
  const rows: NewDefect[] = [
    {
      ...base,
      title: 'Mine, overdue',
      ownerId: staff.id,
      dueOn: yesterday,
      occurredAt: new Date('2026-01-05T10:00:00Z'),
      lostRevenue: '10',
    },
    {
      ...base,
      title: 'Mine, due later',
      ownerId: staff.id,
      dueOn: nextWeek,
      occurredAt: new Date('2026-01-06T10:00:00Z'),
      status: 'investigating',
    },
    {
      ...base,
      title: 'Mine, closed',
      ownerId: staff.id,
      dueOn: yesterday,
      occurredAt: new Date('2026-01-07T10:00:00Z'),
      status: 'closed',
    },
    {
      ...base,
      title: 'Theirs',
      ownerId: otherStaff.id,
      occurredAt: new Date('2026-01-08T10:00:00Z'),
      touchpointId: web.id,
    },
    {
      ...base,
      title: '=HYPERLINK("http://evil")',
      occurredAt: new Date('2026-01-09T10:00:00Z'),
      lostRevenue: '99.5',
      status: 'dismissed',
      dismissReason: 'Spam',
    },
  ];
  await db.insert(defects).values(rows);
});

beforeEach(() => signInAs(manager.id));

describe('who sees which defects', () => {
  it('shows staff only the defects assigned to them, whatever owner they ask for', async () => {
    const viewer = { id: staff.id, role: 'staff' as const };
    const mine = await listDefects({ viewer, filters: filters(), params: params() });
    expect(mine.rows.map((r) => r.title).sort()).toEqual(['Mine, closed', 'Mine, due later', 'Mine, overdue']);
    expect(mine.total).toBe(3);
    const asked = await listDefects({ viewer, filters: filters({ owner: otherStaff.id }), params: params() });
    expect(asked.total).toBe(0);
    const board = await listDefectBoard({ viewer, filters: filters(), statuses: ['open'] });
    expect(board.get('open')!.map((r) => r.title)).toEqual(['Mine, overdue']);
    expect(await countDefectsByStatus({ viewer, filters: filters() })).toMatchObject({
      open: 1,
      investigating: 1,
      closed: 1,
      dismissed: 0,
    });
  });

  it('shows a manager everything, filtered, sorted and paged', async () => {
    const viewer = { id: manager.id, role: 'manager' as const };
    const all = await listDefects({ viewer, filters: filters(), params: params({ sort: 'lostRevenue', dir: 'desc' }) });
    expect(all.total).toBe(5);
    expect(all.rows[0]!.title).toBe('=HYPERLINK("http://evil")');
    const web = await listDefects({ viewer, filters: filters({ channel: 'web' }), params: params() });
    expect(web.rows.map((r) => r.title)).toEqual(['Theirs']);
    const overdue = await listDefects({ viewer, filters: filters({ overdue: '1' }), params: params() });
    expect(overdue.rows.map((r) => [r.title, r.overdue])).toEqual([['Mine, overdue', true]]);
    const searched = await listDefects({ viewer, filters: filters(), params: params({ q: 'due later' }) });
    expect(searched.total).toBe(1);
    const page2 = await listDefects({ viewer, filters: filters(), params: params({ page: '2' }) });
    expect(page2.rows).toHaveLength(0);
    expect(page2.total).toBe(5);
  });

  it('counts every status whatever status the list is filtered to', async () => {
    const viewer = { id: manager.id, role: 'manager' as const };
    const counts = await countDefectsByStatus({ viewer, filters: filters({ status: 'closed' }) });
    expect(counts).toEqual({ open: 2, investigating: 1, action: 0, verified: 0, closed: 1, dismissed: 1 });
  });

  it('puts overdue work first on My work and leaves out finished defects', async () => {
    const rows = await listAssignedDefects({ userId: staff.id });
    expect(rows.map((r) => [r.title, r.overdue])).toEqual([
      ['Mine, overdue', true],
      ['Mine, due later', false],
    ]);
  });
});

describe('the CSV export', () => {
  const get = (query = '') => exportDefects(new Request(`http://localhost/defects/export${query}`));

  it('streams the rows as filtered, with formula-looking cells made text', async () => {
    const response = await get('?status=dismissed&status=open');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/csv');
    // The export starts with a byte-order mark, so spreadsheets read it as UTF-8.
    const lines = (await response.text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    expect(lines[0]).toBe(
      'id,title,status,kind,severity,category,stage,touchpoint,customer_id,customer,interaction_id,owner,occurred_at,due_on,overdue,lost_revenue_gbp,source,root_cause,corrective_action,dismiss_reason',
    );
    expect(lines).toHaveLength(4);
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://evil"")",dismissed`);
    expect(lines[1]).toContain(',99.50,manual,,,Spam');
    expect(lines[3]).toContain('Mine, overdue');
    expect(lines[3]).toContain(',yes,10.00,');
  });

  it('reads in batches without losing or repeating a row', async () => {
    const seen: string[] = [];
    for await (const batch of iterateDefectsForExport({
      viewer: { id: manager.id, role: 'manager' },
      filters: filters(),
      batchSize: 2,
    })) {
      expect(batch.length).toBeLessThanOrEqual(2);
      seen.push(...batch.map((r) => r.title!));
    }
    expect(seen).toHaveLength(5);
    expect(new Set(seen).size).toBe(5);
  });

  it('answers 401, 403 and 400 as problem details', async () => {
    signInAs(null);
    expect((await get()).status).toBe(401);
    signInAs(staff.id);
    expect((await get()).status).toBe(403);
    signInAs(manager.id);
    const bad = await get('?status=finished');
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toContain('application/problem+json');
  });
});
