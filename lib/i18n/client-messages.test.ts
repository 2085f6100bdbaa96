import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import en from '@/messages/en';
import de from '@/messages/de';
import { BASE_CLIENT_NAMESPACES, pickMessages, ROUTE_CLIENT_NAMESPACES } from './client-messages';
import { mergeMessages } from './merge-messages';

/*
 * Only BASE_CLIENT_NAMESPACES (app/layout.tsx) and, under a route prefix, that prefix's
 * ROUTE_CLIENT_NAMESPACES (added by <RouteClientMessages> in the layout at that prefix) reach the
 * browser. A client component reading a namespace its page was not given would fail at run time in
 * the browser, so this follows, for every page (and error, not-found… file) under app/, its imports
 * and its layouts' (the code that runs in the browser is every 'use client' module they reach and
 * what that imports; not into 'use server' modules, whose functions the browser only calls) and
 * checks each useTranslations namespace it reads against the lists its layouts provide.
 */

const root = path.join(import.meta.dirname, '../..');
const app = path.join(root, 'app');
const rel = (file: string) => path.relative(root, file);

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

const texts = new Map<string, string>();
function read(file: string): string {
  let text = texts.get(file);
  if (text === undefined) texts.set(file, (text = readFileSync(file, 'utf8')));
  return text;
}

const directive = (source: string, name: string) => new RegExp(`^\\s*['"]use ${name}['"]`).test(source);

/** The project modules `file` imports or re-exports, leaving out type-only imports (nothing runs). */
function imports(file: string): string[] {
  const found: string[] = [];
  for (const m of read(file).matchAll(/^(?:import|export)\s+(type\s+)?(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]/gm)) {
    if (m[1]) continue;
    const target = resolve(file, m[2]!);
    if (target) found.push(target);
  }
  return found;
}

/**
 * The modules `entries` reach, each marked client when it has 'use client' or a client module
 * imports it (what runs in the browser); 'use server' modules are left out (the browser only calls
 * their functions, and they render nothing).
 */
function reach(entries: string[], client = false): Map<string, boolean> {
  const seen = new Map<string, boolean>();
  const queue: [string, boolean][] = entries.map((file) => [file, client]);
  while (queue.length > 0) {
    const [file, fromClient] = queue.pop()!;
    const source = read(file);
    if (directive(source, 'server')) continue;
    const isClient = fromClient || directive(source, 'client');
    const known = seen.get(file);
    if (known !== undefined && (known || !isClient)) continue;
    seen.set(file, isClient);
    for (const target of imports(file)) queue.push([target, isClient]);
  }
  return seen;
}

/** The useTranslations namespaces a module reads, or the call itself when it is not one literal. */
function namespacesIn(source: string): { literal?: string; call: string }[] {
  return [...source.matchAll(/useTranslations\(([^)]*)\)/g)].map((call) => ({
    literal: /^\s*['"]([\w.]+)['"]\s*$/.exec(call[1]!)?.[1],
    call: call[0],
  }));
}

/** Client namespaces read by what `entries` render. */
function clientReads(entries: string[]): Map<string, string> {
  const reads = new Map<string, string>();
  for (const [file, isClient] of reach(entries)) {
    if (!isClient) continue;
    for (const { literal, call } of namespacesIn(read(file))) reads.set(literal ?? call, rel(file));
  }
  return reads;
}

const covers = (provided: readonly string[], namespace: string) =>
  provided.some((p) => namespace === p || namespace.startsWith(`${p}.`));

/** The URL of a folder under app/: route groups `(x)` left out, dynamic segments kept. */
function urlOf(dir: string): string {
  const segments = path
    .relative(app, dir)
    .split(path.sep)
    .filter((s) => s !== '' && !/^\(.*\)$/.test(s));
  return `/${segments.join('/')}`;
}

const prefixes = Object.keys(ROUTE_CLIENT_NAMESPACES) as (keyof typeof ROUTE_CLIENT_NAMESPACES)[];
const wrapperPrefixes = (layout: string) =>
  [...read(layout).matchAll(/<RouteClientMessages\s+prefix=["']([^"']+)["']/g)].map((m) => m[1]!);

/** The layouts around a folder, outermost first, with the prefixes each renders a wrapper for. */
function layoutsAround(dir: string): { file: string; prefixes: string[] }[] {
  const found: { file: string; prefixes: string[] }[] = [];
  for (let d = dir; d.startsWith(app); d = path.dirname(d)) {
    const file = ['layout.tsx', 'layout.ts'].map((n) => path.join(d, n)).find((f) => existsSync(f));
    if (file) found.unshift({ file, prefixes: wrapperPrefixes(file) });
    if (d === app) break;
  }
  return found;
}

const provided = (prefixList: string[]) => [
  ...BASE_CLIENT_NAMESPACES,
  ...prefixList.flatMap((p) => (ROUTE_CLIENT_NAMESPACES as Record<string, readonly string[]>)[p] ?? []),
];

/*
 * What renders inside a folder's layouts: its page and its error, not-found… files (each nested
 * inside the layout of its own folder). A layout itself renders its own client components outside
 * the wrapper it may add, so it gets only what the layouts above it give.
 */
const routeFiles = /^(page|error|not-found|forbidden|unauthorized|loading|default|template)\.tsx?$/;
const appFiles = sources(app);
type Rendered = { file: string; url: string; prefixes: string[] };
const rendered: Rendered[] = appFiles.flatMap((file) => {
  const name = path.basename(file);
  const layouts = layoutsAround(path.dirname(file));
  if (routeFiles.test(name)) {
    return [{ file, url: urlOf(path.dirname(file)), prefixes: layouts.flatMap((l) => l.prefixes) }];
  }
  if (/^layout\.tsx?$/.test(name)) {
    return [{ file, url: urlOf(path.dirname(file)), prefixes: layouts.slice(0, -1).flatMap((l) => l.prefixes) }];
  }
  return [];
});

describe('the messages sent to the browser', () => {
  const allClient = [...reach(['app', 'components', 'lib'].flatMap((dir) => sources(path.join(root, dir))))]
    .filter(([, isClient]) => isClient)
    .map(([file]) => file);
  const reads = new Map(rendered.map((r) => [r, clientReads([r.file])]));

  it('finds the pages and the client components they render (so the checks below see them)', () => {
    expect(allClient.length).toBeGreaterThan(50);
    expect(allClient.some((f) => f.endsWith(path.join('components', 'ui', 'form-message.tsx')))).toBe(true);
    const dashboard = [...reads].find(([r]) => r.url === '/dashboard' && r.file.endsWith('page.tsx'));
    expect(dashboard?.[1].has('charts.pareto')).toBe(true);
    expect(rendered.filter((r) => r.file.endsWith('page.tsx')).length).toBeGreaterThan(40);
  });

  it('are read by name, and only through useTranslations', () => {
    const unnamed: string[] = [];
    for (const file of allClient) {
      const source = read(file);
      // No namespace (the whole catalogue) or a computed one cannot be checked: name it.
      for (const { literal, call } of namespacesIn(source)) if (!literal) unnamed.push(`${rel(file)}: ${call}`);
      // Messages read another way than useTranslations would escape these checks; the one
      // exception passes the messages above on with a route's added.
      if (!file.endsWith(path.join('components', 'i18n', 'merge-client-messages.tsx'))) {
        expect(source, rel(file)).not.toMatch(/\buseMessages\(/);
      }
    }
    expect(unnamed).toEqual([]);
  });

  it('come from the root layout and from a wrapper in the layout at each prefix', () => {
    expect(read(path.join(app, 'layout.tsx'))).toMatch(/pickMessages\(await getMessages\(\), BASE_CLIENT_NAMESPACES\)/);
    const wrapped = new Set<string>();
    for (const layout of appFiles.filter((f) => /^layout\.tsx?$/.test(path.basename(f)))) {
      for (const prefix of wrapperPrefixes(layout)) {
        // A layout does not know the path it renders, only its own folder's URL.
        expect(prefix, rel(layout)).toBe(urlOf(path.dirname(layout)));
        wrapped.add(prefix);
      }
    }
    expect(prefixes.filter((p) => !wrapped.has(p))).toEqual([]);
  });

  it('cover every namespace a page’s client components read, on that page', () => {
    const missing: string[] = [];
    for (const [r, namespaces] of reads) {
      const given = provided(r.prefixes);
      for (const [namespace, where] of namespaces) {
        if (!covers(given, namespace)) missing.push(`${r.url} (${rel(r.file)}): '${namespace}' read in ${where}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('include nothing that no page under the prefix reads', () => {
    const unused: string[] = [];
    const readUnder = (prefix?: string) =>
      [...reads]
        .filter(([r]) => prefix === undefined || r.prefixes.includes(prefix))
        .flatMap(([, ns]) => [...ns.keys()]);
    const check = (label: string, list: readonly string[], used: string[]) => {
      for (const p of list) if (!used.some((u) => u === p || u.startsWith(`${p}.`))) unused.push(`${label}: ${p}`);
      // A namespace listed twice, or under another of the same list, is sent twice.
      for (const p of list)
        expect(
          list.filter((q) => p === q || p.startsWith(`${q}.`)),
          `${label}: ${p}`,
        ).toEqual([p]);
    };
    check('base', BASE_CLIENT_NAMESPACES, readUnder());
    for (const prefix of prefixes) check(prefix, ROUTE_CLIENT_NAMESPACES[prefix], readUnder(prefix));
    expect(unused).toEqual([]);
  });

  it('are picked in the catalogue shape, in every language, and exist', () => {
    for (const messages of [en, de]) {
      for (const list of [BASE_CLIENT_NAMESPACES, ...Object.values(ROUTE_CLIENT_NAMESPACES)]) {
        const picked = pickMessages(messages, list);
        expect(pickMessages(messages, list)).toBe(picked);
        for (const namespace of list) {
          const at = (node: unknown) =>
            namespace.split('.').reduce<unknown>((n, key) => (n as Record<string, unknown>)[key], node);
          expect(at(picked), namespace).toBeDefined();
          expect(at(picked)).toEqual(at(messages));
        }
        expect(picked).not.toHaveProperty('emails');
      }
      // The dashboard's messages are a small part of the catalogue.
      const dashboard = mergeMessages(
        pickMessages(messages, BASE_CLIENT_NAMESPACES),
        pickMessages(messages, ROUTE_CLIENT_NAMESPACES['/dashboard']),
      );
      expect(JSON.stringify(dashboard).length).toBeLessThan(JSON.stringify(messages).length / 10);
    }
  });

  it('are merged at every level, without changing either side', () => {
    const base = { errors: { a: 'A' }, admin: { common: { save: 'Save' } } };
    const extra = { admin: { users: { title: 'Users' } }, cases: { buttons: { b: 'B' } } };
    const merged = mergeMessages(base, extra);
    expect(merged).toEqual({
      errors: { a: 'A' },
      admin: { common: { save: 'Save' }, users: { title: 'Users' } },
      cases: { buttons: { b: 'B' } },
    });
    expect(base).toEqual({ errors: { a: 'A' }, admin: { common: { save: 'Save' } } });
    expect(extra).toEqual({ admin: { users: { title: 'Users' } }, cases: { buttons: { b: 'B' } } });
  });
});
