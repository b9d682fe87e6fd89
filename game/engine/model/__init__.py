"""The scenario model: what a scenario file may say, as validated data.

These pydantic models are the engine's rules (what modders edit); the state
(what is saved) names them by id. The YAML loader, the checker and the
reference documentation in ``game.scenario`` are all built on these classes:
each class docstring and field description is what a modder reads.
"""
from game.engine.model.scenario import Scenario

__all__ = ["Scenario"]
