"""Turns a check's outcome into what the page shows: verdict words, quoted articles, marks."""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop as N_

#: The verdict in words; the colour only repeats it.
VERDICT_WORDS = {
    "ok": (
        N_("Rien à signaler"),
        N_(
            "Le code de conduite ne relève rien dans cette publication. Gardez tout de même en tête le rappel ci-dessous."
        ),
    ),
    "attention": (
        N_("À revoir"),
        N_(
            "Le code vous demande d'user de jugement : relisez les points ci-dessous avant de publier."
        ),
    ),
    "bloquant": (
        N_("À ne pas publier tel quel"),
        N_(
            "Cette publication irait à l'encontre du code de conduite. Corrigez les points ci-dessous ou utilisez la version caviardée."
        ),
    ),
}


@dataclass
class Segment:
    text: str
    marked: bool


def verdict_words(verdict: str) -> tuple[str, str]:
    title, text = VERDICT_WORDS.get(verdict, VERDICT_WORDS["ok"])
    return _(title), _(text)


def clean(text: str) -> str:
    from balise.engine.textutil import clean as engine_clean

    return engine_clean(text)


def highlighted(text: str, findings: list[dict]) -> list[Segment]:
    """Returns the text cut into plain and marked segments, marks being the findings' evidence."""
    text = clean(text)
    spans = sorted(
        (e["start"], e["end"])
        for f in findings
        for e in f.get("evidence", ())
        if 0 <= e["start"] < e["end"] <= len(text) and text[e["start"] : e["end"]] == e["text"]
    )
    segments, at = [], 0
    for start, end in spans:
        start = max(start, at)
        if start >= end:
            continue
        if start > at:
            segments.append(Segment(text[at:start], False))
        segments.append(Segment(text[start:end], True))
        at = end
    if at < len(text):
        segments.append(Segment(text[at:], False))
    return segments


def article_anchor(ref: str) -> str:
    """Returns the code page's anchor of an article ref: '5 ii)' → 'article-5-ii', '6' → 'article-6'."""
    parts = ref.replace(")", "").split()
    return "article-" + "-".join(parts)


def findings_view(findings: list[dict], version) -> list[dict]:
    """Returns the findings with the article of the code in force quoted in full."""
    out = []
    for f in findings:
        section = version.section(f["article"]) if version else None
        out.append(
            {
                **f,
                "section_title": (section or {}).get("title", ""),
                "quote": (section or {}).get("paragraphs", []),
                "article_url": reverse("policy:code") + "#" + article_anchor(f["article"]),
                "evidence_texts": [e["text"] for e in f.get("evidence", ())],
            }
        )
    return out


def question_url() -> str | None:
    """Returns the registers' new-question URL, or None when the feature is not installed.

    The draft is never put in this URL (access log, browser history): the check page POSTs it
    with `prefill`, and only when the person ticks « joindre mon brouillon »."""
    try:
        return reverse("registers:question_new")
    except NoReverseMatch:
        return None


#: Consent scopes in words, for "who is in this photo?".
SCOPE_WORDS = {
    "page-officielle": N_("page officielle"),
    "interne": N_("usage interne"),
    "toute-utilisation": N_("toute utilisation"),
}


def people_view(people: list[dict] | None, account: str) -> list[dict] | None:
    """Returns the roster for "who is in this photo?", each with its consents in words and
    whether one of them covers the post's channel."""
    if people is None:
        return None
    from balise.registers.engine import consent_covers

    out = []
    for p in people:
        scopes = [_(SCOPE_WORDS.get(c, c)) for c in p["channels"]]
        out.append(
            {
                **p,
                "kind_label": _("enfant") if p["kind"] == "enfant" else _("adulte"),
                "scopes_text": ", ".join(scopes) if scopes else _("aucun consentement en vigueur"),
                "covers": consent_covers(p["channels"], account),
            }
        )
    return out


def result_context(outcome, version) -> dict:
    """Returns the template context of a result."""
    result = outcome.result
    title, text = verdict_words(result["verdict"])
    reminder = (version.reminder if version else None) or {}
    return {
        "outcome": outcome,
        "verdict": result["verdict"],
        "verdict_title": title,
        "verdict_text": text,
        "findings": findings_view(result["findings"], version),
        "segments": highlighted(outcome.text, result["findings"]),
        "redacted": result.get("redacted", ""),
        "changed": result.get("redacted", "") != clean(outcome.text),
        "reminder": reminder,
        "reminder_url": reverse("policy:code")
        + "#"
        + article_anchor(reminder.get("article", "5 i)")),
        "question_url": question_url(),
        "people": people_view(outcome.people, outcome.account),
        "channel": channel_label(outcome.account),
    }


def channel_label(account: str) -> str:
    from balise.checks.forms import ACCOUNTS

    return str(dict(ACCOUNTS).get(account, account))
