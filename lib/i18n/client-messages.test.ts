import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import en from '@/messages/en';
import de from '@/messages/de';
import { CLIENT_NAMESPACES, pickMessages } from './client-messages';

/*
 * Only CLIENT_NAMESPACES reach the browser (app/layout.tsx). A client component reading a
 * namespace left out would fail at run time in the browser, so this follows every 'use client'
 * module and what it imports (the code that runs in the browser; not into 'use server' modules,
 * whose functions the browser only calls) and checks each useTranslations namespace it reads.
 */

const root = path.join(import.meta.dirname, '../..');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(file);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [file] : [];
  });
}

function resolve(from: string, specifier: string): string | null {
  const base = specifier.startsWith('@/')
    ? path.join(root, specifier.slice(2))
    : specifier.startsWith('.')
      ? path.resolve(path.dirname(from), specifier)
      : null;
  if (!base) return null;
  const candidates = [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts'), path.join(base, 'index.tsx')];
  return candidates.find((c) => existsSync(c) && statSync(c).isFile()) ?? null;
}

const directive = (source: string, name: string) => new RegExp(`^\\s*['"]use ${name}['"]`).test(source);

/** Every module that runs in the browser: the 'use client' ones and what they import. */
function clientModules(): Map<string, string> {
  const all = ['app', 'components', 'lib'].flatMap((dir) => sources(path.join(root, dir)));
  const queue = all.filter((file) => directive(readFileSync(file, 'utf8'), 'client'));
  const seen = new Map<string, string>();
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    const source = readFileSync(file, 'utf8');
    if (directive(source, 'server')) continue;
    seen.set(file, source);
    for (const m of source.matchAll(/^(?:import|export)\s+(type\s+)?(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]/gm)) {
      if (m[1]) continue; // type-only: nothing runs
      const target = resolve(file, m[2]!);
      if (target) queue.push(target);
    }
  }
  return seen;
}

const covered = (namespace: string) =>
  CLIENT_NAMESPACES.some((provided) => namespace === provided || namespace.startsWith(`${provided}.`));

describe('the messages sent to the browser', () => {
  const modules = clientModules();

  it('finds the client components (so the checks below see them)', () => {
    expect(modules.size).toBeGreaterThan(50);
    expect([...modules.keys()].some((f) => f.endsWith(path.join('components', 'ui', 'form-message.tsx')))).toBe(true);
  });

  it('cover every namespace a client component reads, named literally', () => {
    const missing: string[] = [];
    const used = new Set<string>();
    for (const [file, source] of modules) {
      for (const call of source.matchAll(/useTranslations\(([^)]*)\)/g)) {
        const literal = /^\s*['"]([\w.]+)['"]\s*$/.exec(call[1]!);
        const where = path.relative(root, file);
        // No namespace (the whole catalogue) or a computed one cannot be checked: name it.
        if (!literal) missing.push(`${where}: useTranslations(${call[1]})`);
        else if (!covered(literal[1]!)) missing.push(`${where}: '${literal[1]}'`);
        else used.add(literal[1]!);
      }
      // Messages read another way than useTranslations would escape this check.
      expect(source, path.relative(root, file)).not.toMatch(/\buseMessages\(/);
    }
    expect(missing).toEqual([]);
    // And nothing is sent that no client component reads.
    const unused = CLIENT_NAMESPACES.filter((p) => ![...used].some((u) => u === p || u.startsWith(`${p}.`)));
    expect(unused).toEqual([]);
  });

  it('are picked in the catalogue shape, in every language, and exist', () => {
    for (const messages of [en, de]) {
      const picked = pickMessages(messages, CLIENT_NAMESPACES);
      for (const namespace of CLIENT_NAMESPACES) {
        const value = namespace
          .split('.')
          .reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], picked);
        const original = namespace
          .split('.')
          .reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], messages);
        expect(value, namespace).toBeDefined();
        expect(value).toEqual(original);
      }
      expect(picked).not.toHaveProperty('emails');
      expect(JSON.stringify(picked).length).toBeLessThan(JSON.stringify(messages).length / 2);
    }
  });
});
