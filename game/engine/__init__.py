"""The rules of Rapallo: pure, deterministic, no pygame, no files, no clock.

Everything that changes the game is a command (``commands``); everything a
front end shows is a view (``views``). Randomness comes from a numpy
Generator whose state lives in the game state, so the same scenario, seed
and commands always give the same ``state_hash``.
"""
