"""The liveness probe: `/healthz` answers "ok" without touching the database or the session.

Load balancers and process supervisors poll it; the load benchmark (bench/bench_load.py) uses it as the
trivial baseline that every other page's latency is compared with.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET


@never_cache
@require_GET
def healthz(request: HttpRequest) -> HttpResponse:
    return HttpResponse("ok", content_type="text/plain; charset=utf-8")
