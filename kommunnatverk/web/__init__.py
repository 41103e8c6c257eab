"""The HTML side: feeds, the sitemap, hreflang, the search page and the template tags'
helpers. It reads content through ``content/`` only, never through the API."""
