"""The main menu folds into a « Menu » disclosure on a phone: open it before using its links."""

from __future__ import annotations


def open_menu(page) -> None:
    """Opens the main menu when it is folded (phone width); does nothing when it is a bar."""
    summary = page.locator("nav.menu summary")
    if summary.is_visible() and page.locator("details.menu-disclosure[open]").count() == 0:
        summary.click()
