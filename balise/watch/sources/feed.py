"""RSS 2.0, RSS 1.0 and Atom feeds, Google Alerts' included.

The XML is parsed by defusedxml (no entity expansion, no external references) and the three
common vocabularies are read straight from that tree; other dialects go to feedparser, after
the same check.
"""

from __future__ import annotations

import calendar
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime
from urllib.parse import parse_qs, urlsplit
from xml.etree.ElementTree import Element, ParseError

import feedparser
from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from balise.watch.net import Fetcher, FetchError
from balise.watch.sources._json import iso_date
from balise.watch.sources.base import (
    Adapter,
    FetchResult,
    Item,
    SourceSpec,
    conditional_headers,
    register,
)
from balise.watch.text import checked_date, to_text

NS = {
    "atom": "http://www.w3.org/2005/Atom",
    "rss1": "http://purl.org/rss/1.0/",
    "content": "http://purl.org/rss/1.0/modules/content/",
    "dc": "http://purl.org/dc/elements/1.1/",
    "media": "http://search.yahoo.com/mrss/",
}


def parse_xml(body: bytes) -> Element:
    """Returns the document's root; refuses entity expansion, external references, non-XML."""
    try:
        return fromstring(body, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except DefusedXmlException:
        raise FetchError(
            _("XML refusé : déclarations d'entités (risque de « bombe XML »).")
        ) from None
    except (ParseError, ValueError):
        raise FetchError(_("La réponse n'est pas un flux XML valide.")) from None


def unwrap_google(link: str) -> str:
    """Returns the article's own URL from a Google Alerts redirect link."""
    parts = urlsplit(link)
    if parts.hostname and parts.hostname.endswith("google.com") and parts.path == "/url":
        target = parse_qs(parts.query).get("url") or parse_qs(parts.query).get("q")
        if target:
            return target[0]
    return link


def _text(node: Element | None) -> str:
    return (node.text or "").strip() if node is not None else ""


def _rss_date(value: str) -> datetime | None:
    if not value:
        return None
    try:
        return parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return iso_date(value)


def rss_entry(item: Element, ns: str = "") -> dict:
    """Returns the fields of an RSS 2.0 (ns="") or RSS 1.0 item."""
    q = (lambda tag: f"{{{ns}}}{tag}") if ns else (lambda tag: tag)
    html = _text(item.find("content:encoded", NS)) or _text(item.find(q("description")))
    media = [m.get("url", "") for m in item.findall("media:content", NS)]
    return {
        "link": _text(item.find(q("link"))) or _text(item.find("guid")),
        "title": _text(item.find(q("title"))),
        "html": html,
        "author": _text(item.find(q("author"))) or _text(item.find("dc:creator", NS)),
        "date": _rss_date(_text(item.find(q("pubDate"))) or _text(item.find("dc:date", NS))),
        "images": media,
    }


def atom_entry(entry: Element) -> dict:
    """Returns the fields of an Atom entry (the alternate link, content before summary)."""
    links = entry.findall("atom:link", NS)
    link = next((a.get("href", "") for a in links if a.get("rel", "alternate") == "alternate"), "")
    published = _text(entry.find("atom:published", NS)) or _text(entry.find("atom:updated", NS))
    return {
        "link": link,
        "title": _text(entry.find("atom:title", NS)),
        "html": _text(entry.find("atom:content", NS)) or _text(entry.find("atom:summary", NS)),
        "author": _text(entry.find("atom:author/atom:name", NS)),
        "date": iso_date(published),
        "images": [m.get("url", "") for m in entry.findall("media:content", NS)],
    }


def entries(root: Element) -> list[dict] | None:
    """Returns the raw entries of RSS 2.0, RSS 1.0 or Atom; None for another vocabulary."""
    if root.tag == "rss":
        return [rss_entry(i) for i in root.iterfind("channel/item")]
    if root.tag == f"{{{NS['atom']}}}feed":
        return [atom_entry(e) for e in root.iterfind("atom:entry", NS)]
    if root.tag.endswith("}RDF"):
        return [rss_entry(i, NS["rss1"]) for i in root.iterfind("rss1:item", NS)]
    return None


def feedparser_entries(body: bytes) -> list[dict]:
    """Other feed dialects, through feedparser (the XML was already checked by defusedxml)."""
    parsed = feedparser.parse(body)
    if not parsed.get("version"):
        raise FetchError(_("Le document XML n'est ni un flux RSS ni un flux Atom."))
    out = []
    for e in parsed.entries:
        when = e.get("published_parsed") or e.get("updated_parsed")
        content = (e.get("content") or [{}])[0].get("value", "") or e.get("summary", "")
        out.append(
            {
                "link": e.get("link", ""),
                "title": e.get("title", ""),
                "html": content,
                "author": e.get("author", ""),
                "date": datetime.fromtimestamp(calendar.timegm(when), UTC) if when else None,
                "images": [],
            }
        )
    return out


def entry_item(raw: dict) -> tuple[Item | None, str]:
    """Returns the item of a feed entry and its date problem ("" when none)."""
    link = unwrap_google(raw["link"])
    if not link:
        return None, "sans-lien"
    published, problem = checked_date(raw["date"])
    item = Item(
        url=link,
        title=to_text(raw["title"]),
        text=to_text(raw["html"]),
        html=raw["html"],
        author=raw["author"],
        published_at=published,
        images=[u for u in raw["images"] if u][:4],
    )
    return item, problem


def parse_feed(body: bytes) -> FetchResult:
    """Returns the items of an RSS or Atom document, with warnings for odd entries."""
    root = parse_xml(body)
    raw_entries = entries(root)
    if raw_entries is None:
        raw_entries = feedparser_entries(body)
    result = FetchResult()
    problems: dict[str, int] = {}
    for raw in raw_entries:
        item, problem = entry_item(raw)
        if problem:
            problems[problem] = problems.get(problem, 0) + 1
        if item:
            result.items.append(item)
    result.warnings = [_problem_message(p, n) for p, n in problems.items()]
    ttl = _text(root.find("channel/ttl"))
    if ttl.isdigit():
        result.min_interval = timedelta(minutes=min(int(ttl), 24 * 60))
    return result


def _problem_message(problem: str, count: int) -> str:
    messages = {
        "sans-date": _("%(n)s élément(s) sans date : date de découverte utilisée."),
        "date-future": _("%(n)s élément(s) datés dans le futur : date ignorée."),
        "sans-lien": _("%(n)s élément(s) sans lien : ignorés."),
    }
    return messages[problem] % {"n": count}


@register
class FeedAdapter(Adapter):
    kind = "flux"
    label = gettext_lazy("Flux RSS ou Atom (dont Google Alertes)")
    min_interval = timedelta(minutes=15)

    async def fetch(self, spec: SourceSpec, http: Fetcher) -> FetchResult:
        response = await http.get(spec.url, headers=conditional_headers(spec))
        if response.status == 304:
            return FetchResult(not_modified=True, etag=spec.etag, last_modified=spec.last_modified)
        result = parse_feed(response.body)
        result.etag = response.headers.get("etag", "")
        result.last_modified = response.headers.get("last-modified", "")
        return result
