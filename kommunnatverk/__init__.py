"""Wagtail app for a municipal sustainability network, in Swedish and English."""

__version__ = "0.1.0"
