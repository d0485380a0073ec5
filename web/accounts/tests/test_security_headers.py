"""Browser-side protections: the Content-Security-Policy and the other security headers on public and staff
pages, and templates that the policy does not break (no inline scripts, inline styles or event handlers,
which `script-src 'self'` / `style-src 'self'` would block)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse

from web.conftest import client_for

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[3]
INLINE = {
    "inline script": re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.IGNORECASE),
    "inline style attribute": re.compile(r"\sstyle\s*=", re.IGNORECASE),
    "inline event handler": re.compile(r"\son[a-z]+\s*=\s*[\"']", re.IGNORECASE),
    "style element": re.compile(r"<style[\s>]", re.IGNORECASE),
}


def policy(header: str) -> dict[str, set[str]]:
    directives = (part.strip().split() for part in header.split(";") if part.strip())
    return {d[0]: set(d[1:]) for d in directives}


@pytest.mark.parametrize("who", ["anonymous", "staff"])
def test_pages_carry_the_policy_and_security_headers(who, owner) -> None:
    client = Client() if who == "anonymous" else client_for(owner)
    url = reverse("portal:index") if who == "anonymous" else reverse("applications:dashboard")
    response = client.get(url)
    assert response.status_code == 200
    csp = policy(response.headers["Content-Security-Policy"])
    assert csp["script-src"] == {"'self'"} and csp["style-src"] == {"'self'"}
    assert csp["default-src"] == {"'self'"} and csp["frame-ancestors"] == {"'none'"}
    assert not any("unsafe" in source for sources in csp.values() for source in sources)
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "same-origin"


def test_no_template_relies_on_inline_script_or_style() -> None:
    templates = [*(ROOT / "templates").rglob("*.html"), *(ROOT / "web").glob("*/templates/**/*.html")]
    assert len(templates) > 20
    found = [
        f"{path.relative_to(ROOT)}：{what}"
        for path in templates
        for what, pattern in INLINE.items()
        if pattern.search(path.read_text(encoding="utf-8"))
    ]
    assert not found, f"这些模板含有 CSP 会拦截的内联代码：{found}"
