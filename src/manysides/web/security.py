"""Sessions, CSRF tokens and the response headers every page carries.

A session is a random id signed with HMAC over a per-process secret: restarting the server logs everyone out,
and nothing is stored server side. The CSRF token is another HMAC of the session id, so a form is only accepted
from the session that was shown it. Every comparison of secrets is constant-time.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time
from dataclasses import dataclass

SESSION_COOKIE = "manysides_session"
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
    "base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
}


def same_secret(given: str | None, expected: str | None) -> bool:
    """Constant-time equality for tokens; no token configured never matches."""
    if not given or not expected:
        return False
    return hmac.compare_digest(given.encode("utf-8", "surrogatepass"), expected.encode("utf-8", "surrogatepass"))


def bearer(header: str | None) -> str | None:
    if not header:
        return None
    scheme, _, value = header.partition(" ")
    return value.strip() if scheme.lower() == "bearer" and value.strip() else None


@dataclass(frozen=True)
class Session:
    id: str
    authenticated: bool
    issued: int


class Sessions:
    """Signs and reads session cookies; `secret` is random per process unless a test passes one."""

    def __init__(self, max_age: int, secret: bytes | None = None) -> None:
        self.max_age = max_age
        self._secret = secret or secrets.token_bytes(32)

    def _sign(self, payload: str) -> str:
        return hmac.new(self._secret, payload.encode(), hashlib.sha256).hexdigest()

    def new(self, authenticated: bool) -> tuple[Session, str]:
        """A fresh session and its cookie value (a new id on login, so a planted id never gains rights)."""
        session = Session(secrets.token_urlsafe(24), authenticated, int(time.time()))
        payload = f"{session.id}.{int(authenticated)}.{session.issued}"
        return session, f"{payload}.{self._sign(payload)}"

    def read(self, cookie: str | None) -> Session | None:
        if not cookie or len(cookie) > 256:
            return None
        payload, _, signature = cookie.rpartition(".")
        if not hmac.compare_digest(signature.encode(), self._sign(payload).encode()):
            return None
        parts = payload.split(".")
        if len(parts) != 3 or parts[1] not in ("0", "1") or not parts[2].isdigit():
            return None
        session = Session(parts[0], parts[1] == "1", int(parts[2]))
        if time.time() - session.issued > self.max_age:
            return None
        return session

    def csrf_token(self, session: Session) -> str:
        return self._sign(f"csrf:{session.id}")

    def csrf_ok(self, session: Session | None, given: str | None) -> bool:
        return session is not None and same_secret(given, self.csrf_token(session))
