"""A small builder for given/when/then tests (after Unciv's TestGame)."""
from __future__ import annotations

from game.engine.clauses import Package, parse_package
from game.engine.game import Game
from game.engine.rules import Rules
from game.engine.valuation import Verdict, evaluate
from game.engine.world import Ctx, update_left_out


class TestGame:
    __test__ = False  # not a pytest class

    def __init__(self, rules: Rules, seed: int = 7, humans: tuple[str, ...] = ()) -> None:
        self.game = Game.new(rules, seed=seed, humans=list(humans) or list(rules.powers))
        self.rules = rules

    @property
    def state(self):  # type: ignore[no-untyped-def]
        return self.game.state

    def given(self, **values: float) -> "TestGame":
        """given(soviet_russia__comintern=80): set state values (``__`` for the dot)."""
        for key, v in values.items():
            name = key.replace("__", ".")
            assert name in self.state.values, name
            self.state.values[name] = float(v)
        update_left_out(self.rules, self.state)
        return self

    def package(self, text: str) -> Package:
        return self.rules.normalise_package(parse_package(text))

    def judge(self, evaluator: str, partners: list[str] | str, text: str) -> Verdict:
        partners = [partners] if isinstance(partners, str) else partners
        return evaluate(self.rules, self.state, evaluator, partners, self.package(text))

    def ctx(self) -> Ctx:
        return Ctx(self.rules, self.state)
