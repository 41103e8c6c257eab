"""Benchmarks of the delivery API; run them as scripts (see bench/README.md)."""
