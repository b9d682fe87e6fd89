"""Rapallo: a turn-based diplomatic strategy game of Soviet foreign policy, 1921-1933."""

__version__ = "0.1.0"
