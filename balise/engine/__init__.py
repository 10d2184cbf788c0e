"""Balise's checker engine: pure Python, never imports Django (see CONTRACT.md)."""

from __future__ import annotations

from balise.engine.checker import Checker
from balise.engine.pack import Pack, RuleDef, load_pack
from balise.engine.types import (
    MAX_TEXT_CHARS,
    Context,
    ContextError,
    EngineError,
    Finding,
    OrgFileError,
    OrgProfile,
    Post,
    Result,
    Span,
    TextTooLong,
)

__all__ = [
    "MAX_TEXT_CHARS",
    "Checker",
    "Context",
    "ContextError",
    "EngineError",
    "Finding",
    "OrgFileError",
    "OrgProfile",
    "Pack",
    "Post",
    "Result",
    "RuleDef",
    "Span",
    "TextTooLong",
    "load_pack",
]
