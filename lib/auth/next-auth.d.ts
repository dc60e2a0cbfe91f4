import "next-auth";
import "next-auth/jwt";

declare module "next-auth" {
  interface Session {
    user?: { id: string; email?: string | null; name?: string | null; image?: string | null };
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    /** This sign-in's session id, revoked on sign-out. */
    sid?: string;
    /** The user's session version at sign-in; bumped to end every session. */
    sv?: number;
  }
}
