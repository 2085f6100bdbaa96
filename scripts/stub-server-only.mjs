// Preloaded by scripts that run lib/ code outside Next.js (npm run bench:import): 'server-only'
// throws unless a React Server Components bundler resolves it, so here it resolves to nothing.
import Module from 'node:module';
import path from 'node:path';

const empty = path.join(import.meta.dirname, '..', 'tests', 'support', 'empty-module.ts');
const resolve = Module._resolveFilename;
Module._resolveFilename = function resolveFilename(request, ...rest) {
  return request === 'server-only' ? resolve.call(this, empty, ...rest) : resolve.call(this, request, ...rest);
};
