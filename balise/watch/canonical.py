"""Canonical URLs and content fingerprints: one mention, however many times it is seen."""

from __future__ import annotations

import hashlib
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from balise.watch.matching import normalize

TRACKING_PARAMS = {
    "fbclid",
    "gclid",
    "dclid",
    "gbraid",
    "wbraid",
    "msclkid",
    "yclid",
    "twclid",
    "igshid",
    "igsh",
    "mc_cid",
    "mc_eid",
    "_ga",
    "_gl",
    "ref",
    "ref_src",
    "ref_url",
    "si",
    "spm",
    "cmpid",
    "s_cid",
    "oly_enc_id",
    "oly_anon_id",
    "vero_id",
    "wt_mc",
    "__s",
    "share",
    "from",
    "mkt_tok",
}
TRACKING_PREFIXES = ("utm_", "pk_", "mtm_", "hsa_", "at_", "itm_")
DEFAULT_PORTS = {"http": 80, "https": 443}


def _is_tracking(name: str) -> bool:
    name = name.lower()
    return name in TRACKING_PARAMS or name.startswith(TRACKING_PREFIXES)


def canonical_url(url: str) -> str:
    """Returns the URL without tracking parameters, fragment, default port or "www."."""
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower() or "http"
    host = (parts.hostname or "").lower().removeprefix("www.")
    if parts.port and parts.port != DEFAULT_PORTS.get(scheme):
        host = f"{host}:{parts.port}"
    query = sorted(
        (k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _is_tracking(k)
    )
    path = parts.path.rstrip("/") or "/"
    return urlunsplit((scheme, host, path, urlencode(query), ""))


def fingerprint(*texts: str) -> str:
    """Returns a hash of the normalised text, so a repost with another link is the same mention."""
    joined = " ".join(normalize(t) for t in texts if t)
    return hashlib.sha256(joined.encode()).hexdigest()[:40]
