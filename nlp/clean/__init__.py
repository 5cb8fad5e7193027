"""The clean stages: remove page chrome, markup, spam and injected text, with an audit trail.

One module per job, each a registered stage (see :mod:`nlp.registry`), run in this
order by the default config:

- ``clean.markup`` (markup.py): front matter, HTML tags/entities, markdown links;
- ``clean.corpus`` (corpus.py): lines repeated across a fitted corpus (batch mode);
- ``clean.chrome`` (chrome.py): nav, meta, related lists, closers, footers, forum chrome;
- ``clean.spam`` (spam.py): porn/gambling link lists, spam titles, link runs;
- ``clean.title`` (title.py): the title once as line 1, header above it, stuffed repeats;
- ``clean.seo`` (seo.py): SEO keywords injected in sentences and keyword lines;
- ``clean.censored`` (censor.py): flags ``**`` placeholders (no change);
- ``clean.layout`` (layout.py): blank lines, whitespace, hard-wrapped paragraphs.

Shared line helpers live in base.py; no stage imports another stage.
"""
