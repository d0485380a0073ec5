"""Catalogue look-ups used outside the catalogue: the portal search and the application intake hint."""

from __future__ import annotations

from web.accounts.models import Agency
from web.catalogue.models import Item


def items_matching(agency: Agency, text: str, limit: int = 5) -> list[Item]:
    """Published, valid items of `agency` that may already answer `text` (an application's description).

    Tries all terms first, then each term alone, so a long description still finds an item that shares
    one distinctive word; newest first, at most `limit`.
    """
    terms = [t for t in text.split() if len(t) >= 2][:8]
    if not terms:
        return []
    base = Item.objects.published().filter(agency=agency, validity="valid").select_related("column")
    found: list[Item] = list(base.search(" ".join(terms))[:limit])
    for term in terms:
        if len(found) >= limit:
            break
        seen = {i.pk for i in found}
        found += [i for i in base.search(term).exclude(pk__in=seen)[: limit - len(found)]]
    return found
