"""The content layer: what every surface shares.

- :mod:`.registry`: the package's page and snippet types, read from the models;
- :mod:`.languages`: the content languages;
- :mod:`.public`: the one rule of what is public;
- :mod:`.links`: related pages and snippets in a reader's language, public only;
- :mod:`.goals`: the goal catalogue;
- :mod:`.listings`: the index pages' lists and the news order;
- :mod:`.accessibility`: the accessibility statement every page links to;
- :mod:`.navigation`: the menu tree, breadcrumbs and home pages of a site;
- :mod:`.search`: search in each language, narrowed to public pages;
- :mod:`.richtext`: rich text with links to non-public pages removed;
- :mod:`.snapshot`: small site-wide data, read once per content version;
- :mod:`.addresses`: the API URLs that show an object;
- :mod:`.structured_data`: schema.org JSON-LD.

The API, the templates, feeds, sitemap, search, webhooks, purges and reports read
through it; none of them writes its own ``.live().public()``. It imports only the models
and the settings (docs/explanation/architecture.md).
"""
