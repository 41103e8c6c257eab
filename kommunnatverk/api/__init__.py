"""The package's headless delivery API (Django Ninja). Mount it with ``kommunnatverk.api.urls``."""
