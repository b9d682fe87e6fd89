"""Commands: the only way the game changes.

Every command is a frozen dataclass that round-trips to one line of text,
as python-chess moves do: ``Command.parse(str(cmd)) == cmd``. The window,
the terminal, the AI, replays and saves all speak them::

    soviet_russia: propose germany: renounce_claims + recognition(level=de_jure)
    germany: answer 14 counter: renounce_claims + trade_agreement(mfn=true)
    soviet_russia: policy comintern 30
    soviet_russia: assign krasin britain
    soviet_russia: meet genoa germany
    soviet_russia: end
    advance
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import ClassVar

from game.engine.clauses import ClauseError, Package, package_text, parse_package
from game.engine.enums import Response


class CommandError(ValueError):
    """A command that cannot be read."""


class IllegalCommand(ValueError):
    """A command that is well formed but not allowed now; the message says why."""


@dataclass(frozen=True)
class Command:
    VERB: ClassVar[str] = ""
    power: str

    def args(self) -> str:
        return ""

    def __str__(self) -> str:
        a = self.args()
        return f"{self.power}: {self.VERB}" + (f" {a}" if a else "")

    @classmethod
    def parse(cls, text: str) -> "Command":
        return parse_command(text)


@dataclass(frozen=True)
class Propose(Command):
    """Propose a treaty to one power, or to several as one side."""

    VERB = "propose"
    to: tuple[str, ...]
    clauses: Package
    conference: str | None = None
    joint: tuple[str, ...] = ()     # fellow members of a bloc proposing with this power

    def args(self) -> str:
        at = f" @{self.conference}" if self.conference else ""
        joint = f" with {','.join(self.joint)}" if self.joint else ""
        return f"{','.join(self.to)}{joint}{at}: {package_text(self.clauses)}"


@dataclass(frozen=True)
class Answer(Command):
    """Answer a proposal: accept, reject, or counter with another package."""

    VERB = "answer"
    proposal: int
    response: Response
    clauses: Package = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "response", Response(self.response))   # ValueError for anything else

    def args(self) -> str:
        tail = f": {package_text(self.clauses)}" if self.response == "counter" else ""
        return f"{self.proposal} {self.response}{tail}"


@dataclass(frozen=True)
class WithdrawProposal(Command):
    VERB = "withdraw"
    proposal: int

    def args(self) -> str:
        return str(self.proposal)


@dataclass(frozen=True)
class AssignNegotiator(Command):
    """Send a negotiator on a mission: home, a power, or a conference."""

    VERB = "assign"
    negotiator: str
    mission: str

    def args(self) -> str:
        return f"{self.negotiator} {self.mission}"


@dataclass(frozen=True)
class SetPolicy(Command):
    """Set a domestic lever (Comintern activity, concessions, grain export, gold spending)."""

    VERB = "policy"
    lever: str
    value: float

    def args(self) -> str:
        return f"{self.lever} {self.value:g}"


@dataclass(frozen=True)
class Attend(Command):
    VERB = "attend"
    conference: str

    def args(self) -> str:
        return self.conference


@dataclass(frozen=True)
class Speak(Command):
    """Speak in plenary on an agenda item."""

    VERB = "speak"
    conference: str
    item: str

    def args(self) -> str:
        return f"{self.conference} {self.item}"


@dataclass(frozen=True)
class MeetPrivately(Command):
    """Meet another delegation away from the plenary."""

    VERB = "meet"
    conference: str
    other: str

    def args(self) -> str:
        return f"{self.conference} {self.other}"


@dataclass(frozen=True)
class WalkOut(Command):
    VERB = "walkout"
    conference: str

    def args(self) -> str:
        return self.conference


@dataclass(frozen=True)
class CancelTreaty(Command):
    VERB = "cancel"
    treaty: int

    def args(self) -> str:
        return str(self.treaty)


@dataclass(frozen=True)
class ChooseOption(Command):
    """Choose an option of an event."""

    VERB = "choose"
    event: str
    option: str

    def args(self) -> str:
        return f"{self.event} {self.option}"


@dataclass(frozen=True)
class EndTurn(Command):
    VERB = "end"


@dataclass(frozen=True)
class Advance(Command):
    """End the turn for everyone who has not ended it (observer runs, the classroom facilitator)."""

    VERB = "advance"
    power: str = ""

    def __str__(self) -> str:
        return "advance"


COMMANDS: dict[str, type[Command]] = {c.VERB: c for c in (
    Propose, Answer, WithdrawProposal, AssignNegotiator, SetPolicy, Attend, Speak, MeetPrivately,
    WalkOut, CancelTreaty, ChooseOption, EndTurn, Advance)}

_ID = r"[a-z][a-z0-9_]*"
_HEAD = re.compile(rf"^\s*({_ID})\s*:\s*({_ID})\s*(.*?)\s*$", re.S)


def _int(text: str, what: str) -> int:
    if not re.fullmatch(r"\d+", text):
        raise CommandError(f"{what} must be a number, not {text!r}")
    return int(text)


def _words(rest: str, n: int, usage: str) -> list[str]:
    words = rest.split()
    if len(words) != n or not all(re.fullmatch(_ID, w) for w in words):
        raise CommandError(f"usage: {usage}")
    return words


def parse_command(text: str) -> Command:
    """Read one command line; raises CommandError with a usage hint."""
    if text.strip() == "advance":
        return Advance()
    m = _HEAD.match(text)
    if not m:
        raise CommandError(f"cannot read {text.strip()!r}; write it as 'power: verb arguments' "
                           f"(verbs: {', '.join(COMMANDS)})")
    power, verb, rest = m.groups()
    if verb not in COMMANDS or verb == "advance":
        raise CommandError(f"unknown command {verb!r}; one of: {', '.join(v for v in COMMANDS if v != 'advance')}")
    try:
        return _parse_args(power, verb, rest)
    except ClauseError as e:
        raise CommandError(str(e)) from None


def _parse_args(power: str, verb: str, rest: str) -> Command:
    if verb == "propose":
        m = re.fullmatch(rf"({_ID}(?:\s*,\s*{_ID})*)\s*(?:with\s+({_ID}(?:\s*,\s*{_ID})*))?\s*"
                         rf"(?:@({_ID}))?\s*:\s*(.+)", rest, re.S)
        if not m:
            raise CommandError("usage: propose POWER[,POWER...] [with ALLY,...] [@CONFERENCE]: "
                               "CLAUSE + CLAUSE(param=value)")
        to = tuple(p.strip() for p in m.group(1).split(","))
        joint = tuple(p.strip() for p in m.group(2).split(",")) if m.group(2) else ()
        return Propose(power, to, parse_package(m.group(4)), m.group(3), joint)
    if verb == "answer":
        m = re.fullmatch(r"(\S+)\s+(accept|reject|counter)\s*(?::\s*(.+))?", rest, re.S)
        if not m:
            raise CommandError("usage: answer ID accept|reject|counter: CLAUSES")
        pid, response, tail = m.groups()
        if response == "counter" and not tail:
            raise CommandError("a counter needs clauses: answer ID counter: CLAUSE + CLAUSE")
        if response != "counter" and tail:
            raise CommandError(f"'{response}' takes no clauses")
        return Answer(power, _int(pid, "the proposal"), response, parse_package(tail) if tail else ())
    if verb == "policy":
        parts = rest.split()
        if len(parts) != 2 or not re.fullmatch(_ID, parts[0]):
            raise CommandError("usage: policy LEVER VALUE")
        try:
            value = float(parts[1])
        except ValueError:
            raise CommandError(f"the value must be a number, not {parts[1]!r}") from None
        return SetPolicy(power, parts[0], value)
    if verb in ("withdraw", "cancel"):
        cls = WithdrawProposal if verb == "withdraw" else CancelTreaty
        return cls(power, _int(rest.strip(), "the id"))
    if verb == "end":
        if rest:
            raise CommandError("usage: end")
        return EndTurn(power)
    usage = {"assign": ("NEGOTIATOR MISSION", 2, AssignNegotiator), "attend": ("CONFERENCE", 1, Attend),
             "speak": ("CONFERENCE ITEM", 2, Speak), "meet": ("CONFERENCE POWER", 2, MeetPrivately),
             "walkout": ("CONFERENCE", 1, WalkOut), "choose": ("EVENT OPTION", 2, ChooseOption)}
    hint, n, cls = usage[verb]
    return cls(power, *_words(rest, n, f"{verb} {hint}"))  # type: ignore[arg-type]


# --- the classroom facilitator's commands ---------------------------------------------------------
# They belong to the "facilitator" seat: ``facilitator: inject villa_talks``,
# ``facilitator: news "Headline" "Text"``, ``facilitator: adjust world.allies_unity -10 "reason"``.
# Texts are written as JSON strings so that any sentence round-trips on one line.

FACILITATOR = "facilitator"


@dataclass(frozen=True)
class FacilitatorCommand(Command):
    """A command only the facilitator's seat may give; it acts on the world, not for a power."""

    power: str = FACILITATOR


@dataclass(frozen=True)
class InjectEvent(FacilitatorCommand):
    """Fire one of the scenario's scripted events now, whatever its date window and chance."""

    VERB = "inject"
    event: str = ""

    def args(self) -> str:
        return self.event


@dataclass(frozen=True)
class PostNews(FacilitatorCommand):
    """Publish a news item the facilitator wrote (a rumour, a telegram, a headline)."""

    VERB = "news"
    headline: str = ""
    text: str = ""

    def args(self) -> str:
        return f"{json.dumps(self.headline, ensure_ascii=False)} {json.dumps(self.text, ensure_ascii=False)}"


@dataclass(frozen=True)
class AdjustValue(FacilitatorCommand):
    """Move a state value by an amount, with a reason that goes into the log."""

    VERB = "adjust"
    var: str = ""
    by: float = 0.0
    reason: str = ""

    def args(self) -> str:
        return f"{self.var} {self.by:g} {json.dumps(self.reason, ensure_ascii=False)}"


FACILITATOR_COMMANDS: dict[str, type[FacilitatorCommand]] = {c.VERB: c for c in (InjectEvent, PostNews, AdjustValue)}
COMMANDS.update(FACILITATOR_COMMANDS)

_JSON_STR = r'"(?:[^"\\]|\\.)*"'


def _parse_facilitator(power: str, verb: str, rest: str) -> Command:
    if power != FACILITATOR:
        raise CommandError(f"'{verb}' is the facilitator's command: write it as 'facilitator: {verb} ...'")
    if verb == "inject":
        return InjectEvent(event=_words(rest, 1, "facilitator: inject EVENT")[0])
    if verb == "news":
        m = re.fullmatch(rf"({_JSON_STR})\s+({_JSON_STR})", rest, re.S)
        if not m:
            raise CommandError('usage: facilitator: news "HEADLINE" "TEXT"')
        return PostNews(headline=json.loads(m.group(1)), text=json.loads(m.group(2)))
    m = re.fullmatch(rf"([a-z][a-z0-9_]*\.[a-z][a-z0-9_]*)\s+(\S+)\s+({_JSON_STR})", rest, re.S)
    if not m:
        raise CommandError('usage: facilitator: adjust POWER.VALUE AMOUNT "REASON"')
    try:
        by = float(m.group(2))
    except ValueError:
        raise CommandError(f"the amount must be a number, not {m.group(2)!r}") from None
    return AdjustValue(var=m.group(1), by=by, reason=json.loads(m.group(3)))


_parse_power_args = _parse_args


def _parse_args(power: str, verb: str, rest: str) -> Command:  # noqa: F811 - extends the reader above
    if verb in FACILITATOR_COMMANDS:
        return _parse_facilitator(power, verb, rest)
    return _parse_power_args(power, verb, rest)
