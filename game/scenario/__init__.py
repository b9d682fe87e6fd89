"""Scenarios from YAML: the strict reader, validation into the engine's
model, the checker's passes (findings with file:line:col), and the list of
scenarios the game can offer."""
