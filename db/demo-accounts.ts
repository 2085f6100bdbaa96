import { DEMO_USERS } from './seed-catalog';

export function printDemoAccounts(log: (line: string) => void): void {
  log('Demo accounts (unless changed; deactivate them before real use):');
  for (const user of DEMO_USERS) log(`  ${user.role.padEnd(8)} ${user.email.padEnd(26)} ${user.password}`);
}
