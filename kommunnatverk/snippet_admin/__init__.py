"""The snippets' admin: listings, exports and choosers that tell editors which item is which."""
