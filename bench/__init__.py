"""Benchmarks: each prints numbers; none is part of the test run (python -m bench)."""
