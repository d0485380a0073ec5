"""Masking of applicants' personal data for people who may see a case but not its applicant (supervisors,
lists, exports). Only staff of the handling agency see full ID numbers and contact details."""

from __future__ import annotations

from xxgk.identifiers import masked_id_number


def mask_id(value: str) -> str:
    """Keep the first 3 and last 2 characters: 11010519491231002X → 110*************2X."""
    return masked_id_number(value or "")


def mask_phone(value: str) -> str:
    value = (value or "").strip()
    digits = sum(ch.isdigit() for ch in value)
    if digits < 7:
        return "*" * len(value)
    return value[:3] + "*" * (len(value) - 7) + value[-4:]


def mask_email(value: str) -> str:
    value = (value or "").strip()
    if "@" not in value:
        return "*" * len(value)
    local, _, domain = value.partition("@")
    return (local[:1] + "***@" + domain) if local else "***@" + domain


def mask_name(value: str) -> str:
    """张三丰 → 张**; organisations keep their name (not personal data) — callers decide."""
    value = (value or "").strip()
    return value[:1] + "*" * (len(value) - 1) if value else ""


def mask_text(value: str) -> str:
    """Generic masking for free-text contact fields such as addresses: keep the first 6 characters."""
    value = (value or "").strip()
    return value[:6] + "……" if len(value) > 6 else "*" * len(value)
