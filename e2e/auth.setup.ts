import { test as setup } from '@playwright/test';
import { signInAs, storageStatePath, type DemoRole } from './accounts';

for (const role of ['admin', 'manager', 'staff'] as DemoRole[]) {
  setup(`sign in as ${role}`, async ({ page }) => {
    await signInAs(page, role);
    await page.context().storageState({ path: storageStatePath(role) });
  });
}
