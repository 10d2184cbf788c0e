"""The web watch (article 6): sources, watched terms, mentions judged by the engine, alerts."""
