"""Access rows for the web watch: every page is the direction's alone."""

from tests.web.access import Row

DIRECTION = {"direction"}


def _mention(w):
    return [w.watch_mention.pk]


def _source(w):
    return [w.watch_source.pk]


def _term(w):
    return [w.watch_term.pk]


ROWS = [
    Row("watch:triage", allowed=DIRECTION),
    Row("watch:sources", allowed=DIRECTION),
    Row("watch:source_new", allowed=DIRECTION),
    Row("watch:terms", allowed=DIRECTION),
    Row("watch:mention", allowed=DIRECTION, args=_mention),
    Row("watch:mark_seen", allowed=DIRECTION, args=_mention, method="post"),
    Row("watch:dismiss", allowed=DIRECTION, args=_mention, method="post"),
    Row("watch:source_edit", allowed=DIRECTION, args=_source),
    Row("watch:source_toggle", allowed=DIRECTION, args=_source, method="post"),
    Row("watch:term_toggle", allowed=DIRECTION, args=_term, method="post"),
    Row("watch:alerts", allowed=DIRECTION),
    Row("watch:alerts_test", allowed=DIRECTION, method="post"),
]


def prepare(world):
    from balise.watch.models import Mention, Source, WatchedTerm

    world.watch_source = Source.objects.create(
        organization=world.org, kind="flux", name="Journal", url="https://journal.example/rss"
    )
    world.watch_mention = Mention.objects.create(
        organization=world.org,
        source=world.watch_source,
        url="https://journal.example/1",
        canonical_url="https://journal.example/1",
        text="Le CPE Premier Pas",
        matched_term="CPE Premier Pas",
        fingerprint="acces",
    )
    world.watch_term = WatchedTerm.objects.create(organization=world.org, term="Pas à Pas")
