import { z } from 'zod';

// Runs in the browser before the app's own code. zod compiles fast parsers with `new Function`,
// which the Content-Security-Policy (proxy.ts) forbids: even its probe shows up as a violation.
z.config({ jitless: true });
