import 'server-only';
import NextAuth, { type Session } from 'next-auth';
import { cookies } from 'next/headers';
import Credentials from 'next-auth/providers/credentials';
import { signInSchema } from '@/lib/validation/auth';
import { authenticate } from './authenticate';
import { clientAddress } from './client-address';
import { deviceCookieFromHeader, isKnownDevice } from './device-cookie';
import { getAuthSecret } from './secret';
import { rememberedSession } from './remembered-sessions';
import { checkSessionToken } from './sessions';

declare module 'next-auth' {
  interface User {
    sessionVersion?: number;
  }
  interface Session {
    sessionVersion?: number;
  }
}

// Sessions are JWTs holding the user's id and session version (lib/auth/sessions.ts). Every
// request re-reads the user (lib/auth/current-user.ts), and every read of the token here checks the
// version, so /api/auth/session never refreshes a session that was ended or a deactivated user's.
const nextAuth = NextAuth(() => ({
  secret: getAuthSecret(),
  trustHost: true,
  session: { strategy: 'jwt', maxAge: 12 * 60 * 60 },
  pages: { signIn: '/login' },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(credentials, request) {
        const parsed = signInSchema.safeParse(credentials);
        if (!parsed.success) return null;
        const result = await authenticate({
          ...parsed.data,
          ip: clientAddress(request.headers),
          knownDevice: isKnownDevice(deviceCookieFromHeader(request.headers.get('cookie')), parsed.data.email),
        });
        if (!result.ok) return null;
        return {
          id: result.user.id,
          email: result.user.email,
          name: result.user.name,
          sessionVersion: result.user.sessionVersion,
        };
      },
    }),
  ],
  callbacks: {
    jwt: ({ token, user }) => checkSessionToken(token, user),
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      if (typeof token.sv === 'number') session.sessionVersion = token.sv;
      return session;
    },
  },
}));

export const { handlers, signIn, signOut } = nextAuth;

/** Auth.js's session cookie: `__Secure-` over HTTPS, split into `.0`, `.1`… when it is large. */
const SESSION_COOKIE = /^(__Secure-)?authjs\.session-token(\.\d+)?$/;

/**
 * This request's session, decoded by Auth.js at most once per REMEMBER_SECONDS for the same cookie
 * (lib/auth/remembered-sessions.ts). Without a session cookie there is no session to decode.
 */
export async function auth(): Promise<Session | null> {
  const cookie = (await cookies())
    .getAll()
    .filter((c) => SESSION_COOKIE.test(c.name))
    .map((c) => `${c.name}=${c.value}`)
    .join('; ');
  if (!cookie) return null;
  return rememberedSession(cookie, () => nextAuth.auth());
}
