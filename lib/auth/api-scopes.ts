// The API key scopes, kept apart from ./api-keys (node:crypto) so client components can import them
// without pulling the crypto polyfill into the browser: its asn1 code calls `vm.runInThisContext`,
// an eval the Content-Security-Policy (proxy.ts) blocks.
export const API_SCOPES = ['interactions:write', 'metrics:read', 'export:read'] as const;
export type ApiScope = (typeof API_SCOPES)[number];
