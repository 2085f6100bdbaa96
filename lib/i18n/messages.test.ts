import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from './languages';

/*
 * The completeness check of the message files (docs/i18n.md): every language has every key of
 * every other, each message parses as ICU, a translation uses the same arguments as the English,
 * every plural has its `other` case, and each namespace file is registered in its index.ts.
 */

const root = path.join(import.meta.dirname, '../../messages');
type Tree = { [key: string]: string | Tree };

function read(language: string): Map<string, string> {
  const flat = new Map<string, string>();
  const walk = (tree: Tree, prefix: string) => {
    for (const [key, value] of Object.entries(tree)) {
      const name = prefix ? `${prefix}.${key}` : key;
      if (typeof value === 'string') flat.set(name, value);
      else walk(value, name);
    }
  };
  for (const file of readdirSync(path.join(root, language)).filter((f) => f.endsWith('.json'))) {
    walk(JSON.parse(readFileSync(path.join(root, language, file), 'utf8')) as Tree, file.replace(/\.json$/, ''));
  }
  return flat;
}

function argumentsOf(elements: MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const element of elements) {
    if ('value' in element && element.type !== TYPE.literal && typeof element.value === 'string')
      into.add(element.value);
    if (element.type === TYPE.plural || element.type === TYPE.select) {
      if (element.type === TYPE.plural && !('other' in element.options)) into.add('!missing other');
      for (const option of Object.values(element.options)) argumentsOf(option.value, into);
    }
    if (element.type === TYPE.tag) {
      into.add(`<${element.value}>`);
      argumentsOf(element.children, into);
    }
  }
  return into;
}

const english = read('en');

describe('message files', () => {
  it('are not empty', () => {
    expect(english.size).toBeGreaterThan(0);
  });

  for (const language of LANGUAGES) {
    const messages = read(language);

    it(`${language}: has exactly the keys of English`, () => {
      const missing = [...english.keys()].filter((key) => !messages.has(key));
      const extra = [...messages.keys()].filter((key) => !english.has(key));
      expect({ missing, extra }).toEqual({ missing: [], extra: [] });
    });

    it(`${language}: every message is valid ICU with the arguments of the English one`, () => {
      const wrong: string[] = [];
      for (const [key, message] of messages) {
        const source = english.get(key);
        if (source === undefined) continue;
        try {
          const ours = [...argumentsOf(parse(message))].sort();
          const theirs = [...argumentsOf(parse(source))].sort();
          if (ours.join() !== theirs.join())
            wrong.push(`${key}: {${ours.join(', ')}} vs English {${theirs.join(', ')}}`);
        } catch (error) {
          wrong.push(`${key}: ${(error as Error).message}`);
        }
      }
      expect(wrong).toEqual([]);
    });

    it(`${language}: registers every namespace file in its index.ts`, () => {
      const index = readFileSync(path.join(root, language, 'index.ts'), 'utf8');
      const files = readdirSync(path.join(root, language)).filter((f) => f.endsWith('.json'));
      const unregistered = files.filter((file) => !index.includes(`from './${file}'`));
      expect(unregistered).toEqual([]);
      expect(files.sort()).toEqual(
        readdirSync(path.join(root, 'en'))
          .filter((f) => f.endsWith('.json'))
          .sort(),
      );
    });
  }
});
