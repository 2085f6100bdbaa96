// Stops a server a benchmark started, without waiting forever for one that has already gone.

/**
 * SIGTERM, then SIGKILL after `graceMs`; resolves once the process has exited (at once if it
 * already had: its 'exit' event would never come again).
 * @param {import('node:child_process').ChildProcess} child
 * @param {number} [graceMs]
 * @returns {Promise<void>}
 */
export async function stopChild(child, graceMs = 30_000) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const killLater = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(killLater);
}
