"""The analyzers, one per concern of the code of conduct, in the order the checker runs them."""

from __future__ import annotations

from balise.engine.analyzers.base import Analyzer, Hit, SemanticAnalyzer
from balise.engine.analyzers.brand import PageAnalyzer, TrademarkAnalyzer
from balise.engine.analyzers.conduct import HarassmentAnalyzer, WorkplaceCriticismAnalyzer
from balise.engine.analyzers.confidential import ConfidentialAnalyzer
from balise.engine.analyzers.context import ImageConsentAnalyzer, WorkTimeAnalyzer
from balise.engine.analyzers.identity import IdentityAnalyzer
from balise.engine.analyzers.network import NetworkAnalyzer
from balise.engine.analyzers.personal import PersonalInfoAnalyzer
from balise.engine.analyzers.spokesperson import SpokespersonAnalyzer

ANALYZERS: tuple[type[Analyzer], ...] = (
    PersonalInfoAnalyzer,
    ImageConsentAnalyzer,
    WorkplaceCriticismAnalyzer,
    IdentityAnalyzer,
    SpokespersonAnalyzer,
    ConfidentialAnalyzer,
    TrademarkAnalyzer,
    PageAnalyzer,
    NetworkAnalyzer,
    HarassmentAnalyzer,
    WorkTimeAnalyzer,
)

__all__ = ["ANALYZERS", "Analyzer", "Hit", "SemanticAnalyzer"]
