"""Presidio recognizers for Quebec, and the French analyzer that runs them.

Presidio registers its Canadian recognizers (SIN, postal code) for English only and its phone
recognizer without French context words; they are re-registered here for French. The default
phone recognizer is removed first, otherwise every phone number would be reported twice.
"""

from __future__ import annotations

import os
import re
from typing import TYPE_CHECKING

os.environ.setdefault("TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS", "")

from presidio_analyzer import AnalyzerEngine, Pattern, PatternRecognizer, RecognizerRegistry
from presidio_analyzer.predefined_recognizers import (
    CaPostalCodeRecognizer,
    CaSinRecognizer,
    EmailRecognizer,
    PhoneRecognizer,
    SpacyRecognizer,
)

if TYPE_CHECKING:  # pragma: no cover
    from presidio_analyzer.nlp_engine import NlpEngine

LANGUAGE = "fr"

#: Minimum Presidio score for each entity the engine reports as personal information.
ENTITY_THRESHOLDS = {
    "EMAIL_ADDRESS": 0.5,
    "PHONE_NUMBER": 0.4,
    "CA_SIN": 0.4,
    "CA_POSTAL_CODE": 0.3,
    "QC_RAMQ": 0.5,
    "QC_ADDRESS": 0.5,
}

PHONE_CONTEXT = [
    "téléphone",
    "tél",
    "tel",
    "cellulaire",
    "cell",
    "numéro",
    "appeler",
    "texto",
    "texter",
    "joindre",
    "phone",
    "call",
]
SIN_CONTEXT = ["nas", "assurance sociale", "numéro d'assurance sociale", "sin", "social insurance"]
POSTAL_CONTEXT = ["code postal", "adresse", "postal", "québec", "qc", "postal code"]


def luhn_valid(digits: str) -> bool:
    """Return True when the digit string passes the Luhn checksum."""
    if not digits.isdigit():
        return False
    total = 0
    for i, ch in enumerate(reversed(digits)):
        n = int(ch)
        if i % 2 == 1:
            n = n * 2 - 9 if n > 4 else n * 2
        total += n
    return total % 10 == 0


class QcSinRecognizer(CaSinRecognizer):
    """The Canadian social insurance number (NAS), checked with Luhn, in French."""

    CONTEXT = SIN_CONTEXT

    def __init__(self) -> None:
        super().__init__(context=self.CONTEXT, supported_language=LANGUAGE)

    def invalidate_result(self, pattern_text: str) -> bool:  # noqa: D102
        digits = "".join(c for c in pattern_text if c.isdigit())
        return len(digits) != 9 or not luhn_valid(digits)


class QcRamqRecognizer(PatternRecognizer):
    """The RAMQ health-insurance number: 4 letters, then YYMMDD (+50 for women) and 2 digits."""

    PATTERNS = [
        Pattern("RAMQ", r"\b[A-Z]{4}[ -]?\d{4}[ -]?\d{4}\b", 0.6),
    ]
    CONTEXT = ["ramq", "assurance maladie", "carte soleil", "assurance-maladie"]

    def __init__(self) -> None:
        super().__init__(
            supported_entity="QC_RAMQ",
            patterns=self.PATTERNS,
            context=self.CONTEXT,
            supported_language=LANGUAGE,
            global_regex_flags=re.DOTALL | re.MULTILINE,
        )

    def invalidate_result(self, pattern_text: str) -> bool | None:  # noqa: D102
        digits = "".join(c for c in pattern_text if c.isdigit())
        month, day = int(digits[2:4]), int(digits[4:6])
        valid_month = 1 <= month <= 12 or 51 <= month <= 62
        return not (valid_month and 1 <= day <= 31)


_STREET_TYPES = (
    r"rue|avenue|av\.?|boulevard|boul\.?|bd|chemin|ch\.|rang|route|place|croissant|montée|"
    r"côte|allée|impasse|promenade|terrasse|carré|ruelle|street|st\.|road|drive"
)


class QcAddressRecognizer(PatternRecognizer):
    """A civic address: a number, a street type and a capitalised street name."""

    PATTERNS = [
        Pattern(
            "civic address",
            r"\b\d{1,5}(?:-\d{1,4})?,?\s+(?i:" + _STREET_TYPES + r")\s+"
            r"(?:(?i:de la|de l'|du|des|de|la|le|l'|d')\s*)?"
            r"[A-ZÉÈÀÂÎÔÛÇ0-9][\w'’.-]*(?:\s[A-ZÉÈÀÂÎÔÛÇ][\w'’.-]*){0,3}",
            0.6,
        ),
    ]
    CONTEXT = ["adresse", "habite", "demeure", "reste", "address"]

    def __init__(self) -> None:
        super().__init__(
            supported_entity="QC_ADDRESS",
            patterns=self.PATTERNS,
            context=self.CONTEXT,
            supported_language=LANGUAGE,
            global_regex_flags=re.DOTALL | re.MULTILINE,
        )


def quebec_recognizers() -> list:
    """Return the recognizers the engine adds to Presidio for French."""
    return [
        EmailRecognizer(supported_language=LANGUAGE),
        PhoneRecognizer(
            supported_language=LANGUAGE,
            context=PHONE_CONTEXT,
            supported_regions=("CA", "US", "FR"),
        ),
        QcSinRecognizer(),
        CaPostalCodeRecognizer(supported_language=LANGUAGE, context=POSTAL_CONTEXT),
        QcRamqRecognizer(),
        QcAddressRecognizer(),
    ]


def build_analyzer(nlp_engine: NlpEngine) -> AnalyzerEngine:
    """Return a French AnalyzerEngine holding the Quebec recognizers and spaCy's names."""
    registry = RecognizerRegistry(supported_languages=[LANGUAGE])
    for recognizer in quebec_recognizers():
        registry.add_recognizer(recognizer)
    registry.add_recognizer(
        SpacyRecognizer(supported_language=LANGUAGE, supported_entities=["PERSON"])
    )
    return AnalyzerEngine(registry=registry, nlp_engine=nlp_engine, supported_languages=[LANGUAGE])


def bare_analyzer(nlp_engine: NlpEngine) -> AnalyzerEngine:
    """Return Presidio's default analyzer for French (the benchmark baseline)."""
    return AnalyzerEngine(nlp_engine=nlp_engine, supported_languages=[LANGUAGE])
