// Form tokens against cross-site request forgery, without server-side state (any
// replica serves any page, and may not be the one that drew the form).
//
// A token is `<issued, base36 seconds>.<HMAC(binding, issued)>` under a key of its
// own. The binding is something a forging site cannot know or set:
//   - on a page reached from a personal link, the link's own token (it is in the
//     page's address, which only its holder has), via `bindTo` in the route;
//   - otherwise a random value in a SameSite=Strict, HttpOnly cookie set with the
//     form (`__Host-` prefixed over https), the "signed double-submit cookie" of
//     OWASP's cheat sheet: another site can make the browser send the cookie, but
//     cannot read it or the page, so cannot make a matching token.
// Tokens expire (2 hours by default), so one copied from an old page stops working.
import { derivedKey, mac, sameMac } from "../linkSecret";

export type CsrfCheck = "ok" | "missing" | "invalid" | "expired";

export const CSRF_FIELD = "csrfToken";
const DEFAULT_TTL_MS = 2 * 60 * 60_000;

export class CsrfTokens {
  private readonly key: Buffer;

  constructor(
    secret: string,
    private readonly ttlMs = DEFAULT_TTL_MS,
  ) {
    this.key = derivedKey(secret, "form-tokens");
  }

  issue(binding: string, now: Date): string {
    const issued = Math.floor(now.getTime() / 1000).toString(36);
    return `${issued}.${mac(this.key, `${binding}\n${issued}`)}`;
  }

  check(binding: string, token: string | null | undefined, now: Date): CsrfCheck {
    if (!token) return "missing";
    const [issued, signature, extra] = token.split(".");
    if (!issued || !signature || extra !== undefined || !/^[0-9a-z]{1,10}$/.test(issued)) return "invalid";
    if (!binding || !sameMac(signature, mac(this.key, `${binding}\n${issued}`))) return "invalid";
    const age = now.getTime() - Number.parseInt(issued, 36) * 1000;
    // A token from the future (beyond a minute of clock skew between replicas) was not ours to issue.
    if (age < -60_000) return "invalid";
    return age > this.ttlMs ? "expired" : "ok";
  }
}
