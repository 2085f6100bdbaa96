import type { Page } from '@playwright/test';
import { expect } from '@playwright/test';
import { DEMO_USERS } from '../db/seed-catalog';

export type DemoRole = 'admin' | 'manager' | 'staff';

export const account = (role: DemoRole) => DEMO_USERS.find((u) => u.role === role)!;

export const storageStatePath = (role: DemoRole) => `e2e/.auth/${role}.json`;

export const HOME_HEADING: Record<DemoRole, string> = { admin: 'Dashboard', manager: 'Dashboard', staff: 'My work' };

/** Signs in through the real login page, as a person would. */
export async function signIn(page: Page, email: string, password: string) {
  await page.goto('/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

export async function signInAs(page: Page, role: DemoRole) {
  const { email, password } = account(role);
  await signIn(page, email, password);
  await expect(page.getByRole('heading', { level: 1, name: HOME_HEADING[role] })).toBeVisible();
}
