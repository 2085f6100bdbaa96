import 'server-only';
import NextAuth from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { signInSchema } from '@/lib/validation/auth';
import { authenticate } from './authenticate';
import { clientAddress } from './client-address';
import { deviceCookieFromHeader, isKnownDevice } from './device-cookie';
import { getAuthSecret } from './secret';
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
export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
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
