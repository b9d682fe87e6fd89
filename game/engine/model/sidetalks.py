"""Side talks: what powers other than the hub bargain over among themselves.

The hub's clause types are written for a treaty with the hub (a hub side and
a partner side); talks between two other powers (Britain and France over a
guarantee pact, Germany and the Allies over a moratorium) have their own
terms, so they live in their own section, one topic each::

    side_talks:
      intelligence: {var: intelligence, per_guile: 5, rumour: 30, full: 60}
      topics:
        reparations_relief:
          title: Reparations relief for Germany
          parties: [germany, britain, france]
          terms:
            moratorium:
              title: a partial moratorium on reparation payments
              values:
                germany: {value: 14}
                france:
                  value: -4
                  changes:
                    - {when: {leader: {power: france, is: poincare}}, by: -10, reason: "Poincaré will not relax the schedule"}
          on_sign:
            - {adjust: {var: germany.left_out, by: -10, cause: "relief from the Allies"}}

Any two parties of a topic may propose to each other a package of its terms;
the receiver adds up its values (each term's value plus the changes whose
condition holds, each a line of its breakdown with its reason) and accepts
when the total reaches the topic's threshold. A treaty signed on a topic is
a treaty among those two powers (``treaty: {between: [...]}`` sees it) and
runs the topic's ``on_sign`` effects.
"""
from __future__ import annotations

from pydantic import Field

from game.engine.model.common import Id, Strict
from game.engine.model.conditions import Condition
from game.engine.model.effects import Effect


class ValueChange(Strict):
    """A change to a party's value for a term while a condition holds, with the reason it gives."""

    when: Condition = Field(description="While this holds the change applies.")
    by: float = Field(description="How much it adds to the value (negative to take away).")
    reason: str = Field(min_length=1, description="Why, as the breakdown of an answer shows it.")


class TermValue(Strict):
    """How much one party values a term: a base value and the changes whose conditions hold."""

    value: float = Field(0.0, description="The value of the term to this party before any change.")
    changes: list[ValueChange] = Field(default_factory=list, description="Changes that apply while their condition holds.")


class SideTerm(Strict):
    """One term two parties of a topic may agree on."""

    title: str = Field(min_length=1, description="Its name, as players read it in proposals and breakdowns.")
    description: str = Field("", description="A sentence on what it means.")
    values: dict[Id, TermValue] = Field(default_factory=dict, description="Each party's value for it (a party left out values it at 0).")
    on_sign: list[Effect] = Field(default_factory=list, description="What a treaty holding this term changes (after the topic's on_sign).")


class Topic(Strict):
    """Something two or more powers other than the hub may bargain over among themselves."""

    title: str = Field(min_length=1, description="Its name, as players read it.")
    description: str = Field("", description="A sentence on what is at stake.")
    parties: list[Id] = Field(description="The powers who may bargain over it (two or more, not the hub power).")
    with_: Id | None = Field(None, alias="with", description="A party every treaty on the topic includes (Germany, "
                             "whose relief it is); none: any two parties may bargain over it.")
    terms: dict[Id, SideTerm] = Field(min_length=1, description="Its terms, by id (unique across topics and clause types).")
    threshold: float = Field(0.0, description="The total a receiver needs to accept a package of its terms.")
    relation_weight: float = Field(0.1, ge=0, description="Value per point of the two parties' relation (-100..100) added to every judgement.")
    on_sign: list[Effect] = Field(default_factory=list, description="What signing a treaty on this topic changes (once per treaty).")
    on_refuse: list[Effect] = Field(default_factory=list, description="What a refusal on this topic changes (the "
                                    "powers failing to agree), each time a proposal on it is refused.")


class Intelligence(Strict):
    """How far news of talks among other powers travels to a power not at the table.

    A seat's intelligence about a party is its own ``var`` (a powers-scoped value, if given) plus
    ``per_guile`` for each point of guile of its best negotiator posted with that party (on a
    mission to it, or at a conference both attend). At ``rumour`` it hears that talks are under
    way; at ``full`` it reads the proposal and the answer."""

    var: Id | None = Field(None, description="A state value (scope powers) with each power's standing intelligence.")
    per_guile: float = Field(5.0, ge=0, description="Intelligence per point of guile of a negotiator posted with the party.")
    rumour: float = Field(30.0, ge=0, description="Intelligence at which a power hears that talks are under way.")
    full: float = Field(60.0, ge=0, description="Intelligence at which a power reads what is proposed and answered.")


class SideTalks(Strict):
    """Talks among the powers other than the hub: topics and how far news of them travels."""

    intelligence: Intelligence = Field(default_factory=Intelligence, description="How far news of these talks travels.")
    topics: dict[Id, Topic] = Field(default_factory=dict, description="What the other powers may bargain over, by id.")
