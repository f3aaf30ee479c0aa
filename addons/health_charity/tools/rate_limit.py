# Copyright 2026 Health Charity Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A small sliding-window rate limiter for the public routes.

Kept in the memory of each Odoo process, as Odoo's own login cooldown
(``res.users._on_login_cooldown``) is: with N workers a client gets at most
N times the limit, which still stops enumeration of codes and form spam
without a write to the database on every public request."""

import threading
import time
from collections import defaultdict, deque


class RateLimiter:
    def __init__(self, limit, window):
        self.limit = limit
        self.window = window
        self._hits = defaultdict(deque)
        self._lock = threading.Lock()

    def hit(self, key, now=None):
        """Count a request of ``key``; False when it is over the limit."""
        now = time.monotonic() if now is None else now
        with self._lock:
            hits = self._hits[key]
            while hits and hits[0] <= now - self.window:
                hits.popleft()
            if len(hits) >= self.limit:
                return False
            hits.append(now)
            if len(self._hits) > 10_000:  # forget idle clients
                for other in [k for k, v in self._hits.items() if not v]:
                    del self._hits[other]
            return True

    def reset(self):
        with self._lock:
            self._hits.clear()
