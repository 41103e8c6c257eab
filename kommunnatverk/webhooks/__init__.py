"""Signed webhooks: events about published content, delivered by the task framework."""
