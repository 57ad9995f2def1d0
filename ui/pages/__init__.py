"""The app's pages, by the name the menu and the URL (`?page=`) use."""

from __future__ import annotations

from collections.abc import Callable

from ui.pages.coding import coding_page
from ui.pages.entities import agency_page, document_page, region_page, regulation_page
from ui.pages.networks import networks_page
from ui.pages.overview import overview
from ui.pages.queries import console_page, queries_page
from ui.pages.search import search

PAGES: dict[str, Callable[[], None]] = {
    "Overview": overview,
    "Search": search,
    "Document": document_page,
    "Agency": agency_page,
    "Region": region_page,
    "Regulation": regulation_page,
    "Networks": networks_page,
    "Coding": coding_page,
    "Queries": queries_page,
    "Console": console_page,
}
