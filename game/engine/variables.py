"""Named state values: the engine's own, and those a scenario adds.

Every number in the state that conditions, effects and flows may name is a
variable ``<owner>.<name>``: ``soviet_russia.gold``, ``britain.trust``,
``world.allies_unity``, ``relation.britain__france``. Each has a range; a
change is always clamped into it. Inside clauses and red lines, ``hub.``,
``partner.`` and ``self.`` stand for the powers concerned.
"""
from __future__ import annotations

from dataclasses import dataclass

from game.engine.model.scenario import Scenario


@dataclass(frozen=True)
class VarDef:
    scope: str          # hub, partners, powers, world
    name: str
    min: float
    max: float
    default: float
    title: str
    description: str = ""
    derived: bool = False   # recomputed by the engine: a scenario setting it would be overwritten


CORE_VARIABLES: tuple[VarDef, ...] = (
    VarDef("hub", "gold", 0, 100000, 100, "Gold reserve", "Million gold rubles the state can spend abroad."),
    VarDef("hub", "trade", 0, 100, 10, "Foreign trade", "Volume of foreign trade, 0..100."),
    VarDef("hub", "output", 0, 100, 20, "Industrial output", "Share of pre-war industrial output, 0..100."),
    VarDef("hub", "harvest", 0, 100, 40, "Harvest", "This year's harvest, 0 (ruin) to 100 (bumper)."),
    VarDef("hub", "famine", 0, 100, 30, "Famine", "How widespread hunger is, 0..100."),
    VarDef("hub", "discontent", 0, 100, 40, "Discontent", "Unrest in towns and villages, 0..100."),
    VarDef("hub", "nep_support", 0, 100, 50, "Support for NEP", "The pragmatists' hold on the party against the hardliners."),
    VarDef("hub", "comintern", 0, 100, 50, "Comintern activity", "Propaganda and agitation abroad; a policy lever."),
    VarDef("hub", "prestige", 0, 100, 30, "Prestige", "Standing in the world."),
    VarDef("hub", "concessions", 0, 100, 20, "Openness to concessions", "Willingness to lease resources to foreign firms; a policy lever."),
    VarDef("hub", "grain_export", 0, 100, 10, "Grain export", "Grain sold abroad for gold; a policy lever."),
    VarDef("hub", "gold_spending", 0, 100, 30, "Gold spending", "Gold spent on imports of machinery; a policy lever."),
    VarDef("partners", "trust", 0, 100, 40, "Trust", "How far this power trusts the hub power's word."),
    VarDef("partners", "regard", 0, 100, 40, "Regard", "How far the hub power trusts this power."),
    VarDef("partners", "fear_of_revolution", 0, 100, 50, "Fear of revolution", "How much this power fears Bolshevik propaganda."),
    VarDef("partners", "commercial_interest", 0, 100, 50, "Commercial interest", "How much its business wants the Russian market."),
    VarDef("partners", "left_out", 0, 100, 0, "Fear of being left out",
           "Worry that a rival will settle with the hub power first; recomputed from the rivals' closeness "
           "(set closeness, or fears, to change it).", derived=True),
    VarDef("partners", "closeness", 0, 100, 0, "Closeness to a deal", "How near this power and the hub power are to agreement; fades each month."),
    VarDef("partners", "market", 0, 100, 20, "Market", "What trade with this power is worth to the hub power."),
    VarDef("partners", "prewar_debt", 0, 100000, 0, "Pre-war debts", "Tsarist debts held by this power's citizens, million gold rubles."),
    VarDef("partners", "war_debt", 0, 100000, 0, "War debts", "Wartime loans to the Russian government, million gold rubles."),
    VarDef("partners", "property", 0, 100000, 0, "Nationalized property", "Its citizens' property nationalized since 1917, million gold rubles."),
    VarDef("partners", "counter_claim", 0, 100000, 0, "Counter-claim", "The hub power's claim for intervention damages against it."),
    VarDef("partners", "defaulted", 0, 100000, 0, "Defaulted credits", "Credits the hub power took and did not repay."),
    VarDef("partners", "mood", 0, 100, 50, "Mood at the conference", "Below its walk-out point, it leaves the conference."),
    VarDef("powers", "urgency", 0, 100, 30, "Urgency", "How much waiting costs it: famine, bondholders, unemployment."),
)

ALIASES = ("hub", "partner", "self")


class VarSpace:
    """All variable names a scenario has, with their ranges."""

    def __init__(self, scenario: Scenario) -> None:
        self.defs: dict[str, VarDef] = {}
        self.hub = scenario.hub
        self.powers = list(scenario.powers)
        self.partners = scenario.partners
        custom = tuple(VarDef(v.scope, k, v.min, v.max, v.default, v.title, v.description)
                       for k, v in scenario.variables.items())
        for d in CORE_VARIABLES + custom:
            for owner in self._owners(d.scope):
                self.defs[f"{owner}.{d.name}"] = d
        for bloc_id in scenario.blocs:
            self.defs[f"world.{bloc_id}_unity"] = VarDef(
                "world", f"{bloc_id}_unity", 0, 100, scenario.blocs[bloc_id].unity,
                f"Unity of {scenario.blocs[bloc_id].name}")
        for i, a in enumerate(self.powers):
            for b in self.powers[i + 1:]:
                self.defs[relation_name(a, b)] = VarDef("world", "relation", -100, 100, 0, "Relation")

    def _owners(self, scope: str) -> list[str]:
        return {"hub": [self.hub], "partners": self.partners, "powers": self.powers,
                "world": ["world"]}[scope]

    def known(self, name: str) -> bool:
        return normalise(name) in self.defs

    def clamp(self, name: str, value: float) -> float:
        d = self.defs[normalise(name)]
        return float(min(d.max, max(d.min, value)))

    def names(self) -> list[str]:
        return sorted(self.defs)

    def alias_suffixes(self, alias: str) -> set[str]:
        """Names valid after ``hub.``, ``partner.`` or ``self.``."""
        owners = {"hub": [self.hub], "partner": self.partners, "self": self.powers}[alias]
        return {n.split(".", 1)[1] for n in self.defs for o in owners if n.startswith(o + ".")}


def relation_name(a: str, b: str) -> str:
    x, y = sorted((a, b))
    return f"relation.{x}__{y}"


def normalise(name: str) -> str:
    if name.startswith("relation."):
        a, _, b = name[len("relation."):].partition("__")
        return relation_name(a, b)
    return name
