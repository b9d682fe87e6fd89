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
from game.engine.views import estimate, inbox, proposal_line, recorded_breakdown, treaty_lines
from game.paths import saves_dir
from game.saves.errors import SaveError
from game.saves.session import Session
from game.saves.store import listing
from game.text import render

HELP = """Commands (type them without your power's name):
  status | s                 the turn: your state, conferences, news
  powers | p                 every power's status and attitudes
  power NAME                 one power: leader, attitudes and their causes, claims, treaties
  clauses                    the clause types and their parameters
  inbox | i                  proposals awaiting your answer, with the reasons you can read
  answers                    how your recent proposals were answered, and why
  objectives | o             your objectives, and which you would meet if the game ended now
  estimate TO: CLAUSES       how TO would judge a package now, and what would it take
  propose TO[,TO] [@CONF]: CLAUSES     e.g. propose germany: renounce_claims + recognition(level=de_jure)
  accept ID | reject ID | counter ID: CLAUSES | withdraw ID
  assign NEGOTIATOR MISSION  send a negotiator to a power, a conference, or home
  policy LEVER VALUE         e.g. policy comintern 30 (levers: {levers})
  attend CONF | speak CONF ITEM | meet CONF POWER | walkout CONF
  cancel TREATY_ID           tear up a treaty (it will be remembered)
  choose EVENT OPTION        decide an event
  treaties | news | history  lists
  end                        end your turn
  undo                       take back your last command (even an 'end')
  save [NAME] | load NAME    save the game under a name, or load a save (by name or path)
  saves                      the saves: scenario, power, game date, real date
  quicksave | quickload      the quick-save slot
  quit                       leave the game (it is autosaved; so is every turn)
"""


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
                self.write("\nLeaving the game.")
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
            self.write(f"The game could not be autosaved: {e}")
            return
        kept = path or self.session.saved_in
        if kept is not None:
            ref = kept.stem if kept.parent == saves_dir() else str(kept)
            said = "Autosaved as" if path else "Your game is saved as"
            self.write(f"{said} {kept.stem}; continue with: python main.py play --text --load {ref}")

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
            self.write(f"Not possible: {e}")
        except SaveError as e:
            self.write(f"Not done: {e}")

    # --- questions (they change nothing) ------------------------------------------------

    def _questions(self) -> dict[str, Callable[[str], None]]:
        return {
            "help": lambda _: self.write(HELP.format(levers=", ".join(self.game.rules.scenario.policies) or "none")),
            "?": lambda _: self.write(HELP.format(levers=", ".join(self.game.rules.scenario.policies) or "none")),
            "status": lambda _: self.write(render.summary(self.game, self.power)),
            "s": lambda _: self.write(render.summary(self.game, self.power)),
            "powers": lambda _: self.write(render.powers_table(self.game)),
            "p": lambda _: self.write(render.powers_table(self.game)),
            "power": self._power,
            "clauses": lambda _: self.write(render.clause_help(self.game)),
            "inbox": lambda _: self._show_inbox(),
            "i": lambda _: self._show_inbox(),
            "answers": lambda _: self.write(render.answers_to(self.game, self.power) or "No answers yet."),
            "objectives": lambda _: self.write(render.objectives_text(self.game, self.power)),
            "o": lambda _: self.write(render.objectives_text(self.game, self.power)),
            "estimate": self._estimate,
            "treaties": lambda _: self.write("\n".join(treaty_lines(self.game.rules, self.game.state)) or "No treaties."),
            "news": lambda _: self.write("\n".join(f"{n['date']}  {n['text']}" for n in self.game.state.news[-40:])),
            "history": lambda _: self.write("\n".join(f"{m.date}  {m.text}" for m in self.game.rules.scenario.history.timeline)),
            "quit": lambda _: self._quit(),
            "exit": lambda _: self._quit(),
        }

    # --- saves and undo ---------------------------------------------------------------------------

    def _saving(self) -> dict[str, Callable[[str], None]]:
        return {
            "save": lambda name: self.write(f"Saved as {self.session.save(name or None).stem}."),
            "quicksave": lambda _: self.write(f"Quick-saved ({self.session.quicksave().name})."),
            "load": self._load,
            "quickload": lambda _: self._loaded(self.session.quickload()),
            "saves": lambda _: self.write("\n".join(listing(self.session.saves())) or "No saves yet."),
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
            self.write("Nothing to undo.")
            return
        self.write(f"Undone: {undone}")
        if self.game.state.turn != turn:
            self.write(render.summary(self.game, self.power))

    def _quit(self) -> None:
        self.quit = True
        self.write("Leaving the game.")

    def _power(self, name: str) -> None:
        pid = self._power_id(name)
        self.write(render.power_detail(self.game, pid))

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
            self.write("No proposals await your answer.")
            return
        self.write(render.rule("Proposals awaiting your answer"))
        rules, state = self.game.rules, self.game.state
        for p in props:
            self.write(proposal_line(rules, p))
            if p.text:
                self.write("  " + p.text)
            partners = p.receivers if rules.hub in p.sender else p.sender
            from game.engine.valuation import evaluate
            from game.engine.views import breakdown_view
            self.write(breakdown_view(rules, state, evaluate(rules, state, self.power, partners, tuple(p.clauses)),
                                      self.power).text())
        self.write("Answer with: accept ID, reject ID, or counter ID: CLAUSES")

    def _prompt_events(self) -> None:
        for c in self.game.state.choices:
            if c.chooser == self.power:
                self.write(render.event_text(self.game, c.event))
                self.write(f"Decide with: choose {c.event} OPTION")

    # --- commands (they change the game) --------------------------------------------------

    def _command(self, line: str) -> None:
        cmd = self._parse(line)
        turn = self.game.state.turn
        self.session.apply(cmd)
        if isinstance(cmd, EndTurn):
            self._after_turn(turn)
        elif isinstance(cmd, Propose):
            self.write(f"Sent; the answer comes when the turn ends. ({line})")
        else:
            self.write("Done.")

    def _after_turn(self, turn: int) -> None:
        if self.game.is_terminal():
            return
        self.write(render.summary(self.game, self.power))
        answers = render.answers_to(self.game, self.power)
        if answers:
            self.write(render.rule("Answers to your proposals"))
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
