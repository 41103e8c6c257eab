"""The package's admin: snippet listings, choosers and filters, the network page's index
creation, and the refusal to delete snippets pages use. ``wagtail_hooks`` registers them."""
