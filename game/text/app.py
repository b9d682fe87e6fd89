"""The terminal front end: a read-eval-print loop over the engine's
commands and views. It reads a line, turns it into a command for the
player's power (or a question such as ``estimate``), and prints what the
engine says. Bad input gets a message and a hint, never a traceback."""
from __future__ import annotations

import re
from typing import Callable

from game.engine.clauses import ClauseError, parse_package
from game.engine.commands import (Answer, AssignNegotiator, Attend, CancelTreaty, ChooseOption, Command,
                                  CommandError, EndTurn, IllegalCommand, MeetPrivately, Propose, SetPolicy, Speak,
                                  WalkOut, WithdrawProposal)
from game.engine.game import Game
from game.engine.sides import treaty_partners
from game.engine.strings import S
from game.engine.views import estimate, inbox, proposal_line, treaty_lines
from game.paths import saves_dir
from game.saves.errors import SaveError
from game.saves.session import Session
from game.saves.store import listing
from game.text import render



class TextApp:
    """One human power at the terminal; every other power is played by the AI."""

    def __init__(self, game: Game, power: str, read: Callable[[str], str] = input,
                 write: Callable[[str], None] = print) -> None:
        self.game = game
        self.power = power
        self.read = read
        self.write = write
        self.quit = False
        #: Undo, saves and autosave; without a saves folder (attach one), undo still works.
        self.session = Session(game, power)

    def attach(self, session: Session) -> None:
        """Play through ``session`` (its game and power) from now on: saves, autosave, undo."""
        if session is not self.session:
            self.session.close()
        self.session = session
        self.game, self.power = session.game, session.power or self.power
        session.on_notice = self.write
        for line in session.notices:
            self.write(line)
        session.notices.clear()

    # --- loop -----------------------------------------------------------------------

    def run(self) -> int:
        self.write(render.summary(self.game, self.power))
        self._prompt_events()
        self._show_inbox()
        while not self.quit and not self.game.is_terminal():
            try:
                line = self.read(f"{self.game.state.date} {self.power}> ")
            except (EOFError, KeyboardInterrupt):
                self.write("\n" + S["text.leaving"])
                break
            self.handle(line)
        if self.game.is_terminal():
            self.write(render.final_report(self.game))
        self._autosave_on_exit()
        return 0

    def _autosave_on_exit(self) -> None:
        try:
            path = self.session.autosave_if_changed()
        except SaveError as e:
            self.write(S["text.autosave_failed"].format(error=e))
            return
        kept = path or self.session.saved_in
        if kept is not None:
            ref = kept.stem if kept.parent == saves_dir() else str(kept)
            said = S["text.autosaved_as"] if path else S["text.saved_as_already"]
            self.write(S["text.continue_with"].format(said=said, name=kept.stem, ref=ref))

    def handle(self, line: str) -> None:
        line = line.strip()
        if not line:
            return
        word, _, rest = line.partition(" ")
        word = word.lower()
        handler = self._questions().get(word) or self._saving().get(word)
        try:
            if handler is not None:
                handler(rest.strip())
            else:
                self._command(line)
        except (CommandError, IllegalCommand, ClauseError) as e:
            self.write(S["text.not_possible"].format(reason=e))
        except SaveError as e:
            self.write(S["text.not_done"].format(reason=e))

    # --- questions (they change nothing) ------------------------------------------------

    def _questions(self) -> dict[str, Callable[[str], None]]:
        return {
            "help": lambda _: self.write(S["text.help"].format(levers=", ".join(self.game.rules.scenario.policies) or "none")),
            "?": lambda _: self.write(S["text.help"].format(levers=", ".join(self.game.rules.scenario.policies) or "none")),
            "status": lambda _: self.write(render.summary(self.game, self.power)),
            "s": lambda _: self.write(render.summary(self.game, self.power)),
            "powers": lambda _: self.write(render.powers_table(self.game, self.power)),
            "p": lambda _: self.write(render.powers_table(self.game, self.power)),
            "power": self._power,
            "clauses": lambda _: self.write(render.clause_help(self.game)),
            "inbox": lambda _: self._show_inbox(),
            "i": lambda _: self._show_inbox(),
            "answers": lambda _: self.write(render.answers_to(self.game, self.power) or S["text.no_answers"]),
            "objectives": lambda _: self.write(render.objectives_text(self.game, self.power)),
            "o": lambda _: self.write(render.objectives_text(self.game, self.power)),
            "estimate": self._estimate,
            "treaties": lambda _: self.write("\n".join(treaty_lines(self.game.rules, self.game.state)) or S["text.no_treaties"]),
            "news": lambda _: self.write("\n".join(f"{n['date']}  {n['text']}" for n in self.game.observe(self.power)["news"][-40:])),
            "history": lambda _: self.write("\n".join(f"{m.date}  {m.text}" for m in self.game.rules.scenario.history.timeline)),
            "quit": lambda _: self._quit(),
            "exit": lambda _: self._quit(),
        }

    # --- saves and undo ---------------------------------------------------------------------------

    def _saving(self) -> dict[str, Callable[[str], None]]:
        return {
            "save": lambda name: self.write(S["text.saved_as"].format(name=self.session.save(name or None).stem)),
            "quicksave": lambda _: self.write(S["text.quicksaved"].format(name=self.session.quicksave().name)),
            "load": self._load,
            "quickload": lambda _: self._loaded(self.session.quickload()),
            "saves": lambda _: self.write("\n".join(listing(self.session.saves())) or S["text.no_saves"]),
            "undo": lambda _: self._undo(),
        }

    def _load(self, name: str) -> None:
        if not name:
            raise CommandError("usage: load NAME (the list: saves)")
        self._loaded(self.session.load(name))

    def _loaded(self, notices: list[str]) -> None:
        self.game, self.power = self.session.game, self.session.power or self.power
        for line in notices:
            self.write(line)
        self.write(render.summary(self.game, self.power))
        self._prompt_events()

    def _undo(self) -> None:
        turn = self.game.state.turn
        undone = self.session.undo()
        if undone is None:
            self.write(S["text.nothing_to_undo"])
            return
        self.write(S["text.undone"].format(command=undone))
        if self.game.state.turn != turn:
            self.write(render.summary(self.game, self.power))

    def _quit(self) -> None:
        self.quit = True
        self.write(S["text.leaving"])

    def _power(self, name: str) -> None:
        pid = self._power_id(name)
        self.write(render.power_detail(self.game, pid, self.power))

    def _power_id(self, name: str) -> str:
        powers = self.game.rules.scenario.powers
        key = name.strip().lower().replace(" ", "_")
        if key in powers:
            return key
        for pid, p in powers.items():
            if p.name.lower() == name.strip().lower():
                return pid
        raise CommandError(f"unknown power {name!r}; powers: {', '.join(powers)}")

    def _estimate(self, rest: str) -> None:
        m = re.fullmatch(r"([a-z_,\s]+?)\s*:\s*(.+)", rest, re.S)
        if not m:
            raise CommandError("usage: estimate TO: CLAUSES")
        to = [self._power_id(p) for p in m.group(1).split(",")]
        rules = self.game.rules
        pkg = rules.normalise_package(parse_package(m.group(2)))
        sender = [self.power]
        for view in estimate(rules, self.game.state, self.power, sender, to, pkg):
            self.write(view.text())

    def _show_inbox(self) -> None:
        props = inbox(self.game.rules, self.game.state, self.power)
        if not props:
            self.write(S["text.no_inbox"])
            return
        self.write(render.rule(S["text.inbox"]))
        rules, state = self.game.rules, self.game.state
        for p in props:
            self.write(proposal_line(rules, p))
            if p.text:
                self.write("  " + p.text)
            partners = treaty_partners(rules, p.sender, p.receivers)
            from game.engine.valuation import evaluate
            from game.engine.views import breakdown_view
            self.write(breakdown_view(rules, state, evaluate(rules, state, self.power, partners, tuple(p.clauses)),
                                      self.power).text())
        self.write(S["text.answer_with"])

    def _prompt_events(self) -> None:
        for c in self.game.state.choices:
            if c.chooser == self.power:
                self.write(render.event_text(self.game, c.event))
                self.write(S["text.decide_with"].format(event=c.event))

    # --- commands (they change the game) --------------------------------------------------

    def _command(self, line: str) -> None:
        cmd = self._parse(line)
        turn = self.game.state.turn
        self.session.apply(cmd, by=self.power)
        if isinstance(cmd, EndTurn):
            self._after_turn(turn)
        elif isinstance(cmd, Propose):
            self.write(S["text.sent"].format(line=line))
        else:
            self.write(S["text.done"])

    def _after_turn(self, turn: int) -> None:
        if self.game.is_terminal():
            return
        self.write(render.summary(self.game, self.power))
        answers = render.answers_to(self.game, self.power)
        if answers:
            self.write(render.rule(S["text.answers"]))
            self.write(answers)
        self._prompt_events()
        self._show_inbox()

    def _parse(self, line: str) -> Command:
        word, _, rest = line.partition(" ")
        word, rest, me = word.lower(), rest.strip(), self.power
        if word in ("accept", "reject"):
            return Answer(me, _num(rest), word)
        if word == "counter":
            pid, _, clauses = rest.partition(":")
            if not clauses.strip():
                raise CommandError("usage: counter ID: CLAUSES")
            return Answer(me, _num(pid.strip()), "counter", parse_package(clauses))
        if word == "end":
            return EndTurn(me)
        if word == "withdraw":
            return WithdrawProposal(me, _num(rest))
        if word == "cancel":
            return CancelTreaty(me, _num(rest))
        if word == "policy":
            parts = rest.split()
            if len(parts) != 2:
                raise CommandError("usage: policy LEVER VALUE")
            try:
                return SetPolicy(me, parts[0], float(parts[1]))
            except ValueError:
                raise CommandError(f"the value must be a number, not {parts[1]!r}") from None
        simple = {"assign": (AssignNegotiator, 2), "attend": (Attend, 1), "speak": (Speak, 2),
                  "meet": (MeetPrivately, 2), "walkout": (WalkOut, 1), "choose": (ChooseOption, 2)}
        if word in simple:
            cls, n = simple[word]
            args = rest.split()
            if len(args) != n:
                raise CommandError(f"{word} takes {n} word(s); see help")
            return cls(me, *args)  # type: ignore[arg-type]
        if word == "propose":
            return Command.parse(f"{me}: propose {rest}")
        raise CommandError(f"unknown command {word!r}; type help for the list")


def _num(text: str) -> int:
    if not text.strip().isdigit():
        raise CommandError(f"expected a number, not {text!r}")
    return int(text)
