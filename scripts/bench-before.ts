// A bench script run on another commit, so a bench can print the figures before and after a
// change side by side, each with its own load average. The commit is checked out in a temporary
// worktree sharing this checkout's node_modules; this checkout's copy of the bench script (and of
// the files it names) is run there, so both sides are measured by the same code.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Runs `script --json` on `ref` and returns the JSON its last line of output holds.
 * `files` are copied from this checkout first (the script itself among them).
 */
export function runBefore<T>(ref: string, script: string, files: string[]): T {
  const root = path.resolve(import.meta.dirname, '..');
  const sha = execFileSync('git', ['rev-parse', '--short', ref], { cwd: root }).toString().trim();
  const dir = path.join(os.tmpdir(), `outsidein-bench-before-${sha}-${process.pid}`);
  execFileSync('git', ['worktree', 'add', '--detach', dir, sha], { cwd: root, stdio: 'ignore' });
  try {
    fs.symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'));
    for (const file of [script, 'scripts/stub-server-only.mjs', 'scripts/bench-before.ts', ...files]) {
      fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      fs.copyFileSync(path.join(root, file), path.join(dir, file));
    }
    const run = spawnSync(
      process.execPath,
      ['--import', './scripts/stub-server-only.mjs', '--import', 'tsx', script, '--json'],
      { cwd: dir, env: process.env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
    );
    if (run.status !== 0) throw new Error(`the run on ${sha} failed`);
    return JSON.parse(run.stdout.trim().split('\n').at(-1)!) as T;
  } finally {
    execFileSync('git', ['worktree', 'remove', '--force', dir], { cwd: root, stdio: 'ignore' });
  }
}
