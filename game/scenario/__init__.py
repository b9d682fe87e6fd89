"""Scenarios from YAML: the strict reader, inheritance and mods, validation
into the engine's model, the checker's passes (findings with
file:line:col), and the list of scenarios the game can offer.

The passes run in order: ``strictyaml`` (parse) → ``library`` with
``merge`` and ``mods`` (extends, remove, patches) → ``schema_errors``
(the pydantic model) → ``references`` → ``meaning``; ``loader`` strings
them together. ``catalog`` lists scenarios for the menu, ``reload``
watches files for the window, ``validate`` and ``commands`` serve the
command line, ``schema`` and ``docs`` write editor schemas and the
reference.
"""
