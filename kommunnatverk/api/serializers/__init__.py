"""Turn models into the plain data the response schemas describe."""
