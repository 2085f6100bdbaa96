import { describe, expect, it } from 'vitest';
import { can, homePathFor } from './roles';

describe('roles', () => {
  it('gives staff logging but not the dashboard, triage or administration', () => {
    expect(can('staff', 'logInteraction')).toBe(true);
    expect(can('staff', 'viewDashboard')).toBe(false);
    expect(can('staff', 'triageDefects')).toBe(false);
    expect(can('staff', 'administer')).toBe(false);
  });

  it('gives managers the dashboard and triage but not administration', () => {
    expect(can('manager', 'viewDashboard')).toBe(true);
    expect(can('manager', 'importExport')).toBe(true);
    expect(can('manager', 'administer')).toBe(false);
    expect(can('manager', 'deleteRecords')).toBe(false);
  });

  it('gives admins everything', () => {
    expect(can('admin', 'administer')).toBe(true);
    expect(can('admin', 'deleteRecords')).toBe(true);
  });

  it('sends staff to My work and the others to the dashboard', () => {
    expect(homePathFor('staff')).toBe('/my-work');
    expect(homePathFor('manager')).toBe('/dashboard');
    expect(homePathFor('admin')).toBe('/dashboard');
  });
});
