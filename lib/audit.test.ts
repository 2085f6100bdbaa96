import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from './i18n/languages';

/*
 * The audit log names each action in the reader's language (admin.audit.actions); an action
 * without a label shows as its bare code. Every action the code records, written as a literal on
 * an `action:` line of a recordAudit call (a ternary's codes included), has a label in every
 * language.
 */

const root = path.join(import.meta.dirname, '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

function recordedActions(): string[] {
  const actions = new Set<string>();
  for (const file of [...sourceFiles('lib'), ...sourceFiles('app')]) {
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      const rest = /^\s*action:\s*(.*)$/.exec(line)?.[1];
      if (!rest) continue;
      for (const [, code] of rest.matchAll(/'([a-z_]+\.[a-z_]+)'/g)) actions.add(code!);
    }
  }
  return [...actions].sort();
}

type Tree = { [key: string]: string | Tree };

describe('audit action labels', () => {
  const actions = recordedActions();

  it('finds the recorded actions', () => {
    expect(actions).toContain('user.created');
    expect(actions).toContain('user.reactivated');
  });

  for (const language of LANGUAGES) {
    it(`${language}: names every recorded action`, () => {
      const admin = JSON.parse(readFileSync(path.join(root, 'messages', language, 'admin.json'), 'utf8')) as Tree;
      const labels = (admin.audit as Tree).actions as Tree;
      const unnamed = actions.filter((code) => {
        const [entity, verb] = code.split('.') as [string, string];
        return typeof (labels[entity] as Tree | undefined)?.[verb] !== 'string';
      });
      expect(unnamed).toEqual([]);
    });
  }
});
