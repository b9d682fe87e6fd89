"""The terminal front end: a read-eval-print loop over the engine's
commands and views. It reads a line, turns it into a command for the
player's power (or a question such as ``estimate``), and prints what the
engine says. Bad input gets a message and a hint, never a traceback."""
from __future__ import annotations

import re
from typing import Callable

from game.engine.clauses import ClauseError, parse_package
from game.engine.commands import COMMANDS, CancelTreaty, Command, CommandError, EndTurn, IllegalCommand, Propose
from game.engine.game import Game
from game.engine.sidetalks import is_side, normalise_terms
from game.i18n import S, news_text
from game.engine.views import estimate, home_refusal, inbox, proposal_line, treaty_lines
from game.content import saves_dir
from game.guarded import clean_for_terminal
from game.saves.errors import SaveError
from game.saves.session import Session
from game.saves.store import listing
from game.text import render

#: Short forms a player may type, rewritten into the engine's own grammar (game/engine/commands.py),
#: which reads every command; the terminal only adds the player's power in front.
ALIASES: tuple[tuple[str, str], ...] = (
    (r"(accept|reject)\s+(\S+)", r"answer \2 \1"),
    (r"accept|reject|counter", "answer"),  # without an id: the usage of answer, not 'unknown command'
    (r"counter\s+([^\s:]+)\s*(:.*)?", r"answer \1 counter\2"),
    (r"(?:end\s+turn|next)", "end"),
    (r"walk\s+out\s+(.+)", r"walkout \1"),
    (r"(?:meet\s+privately|talk)\s+(.+)", r"meet \1"),
)


class TextApp:
    """One human power at the terminal; every other power is played by the AI."""

    def __init__(self, game: Game, power: str, read: Callable[[str], str] = input,
                 write: Callable[[str], None] = print, campaign: bool = False) -> None:
        self.game = game
        self.power = power
        self.read = read
        self._print = write
        self.quit = False
        self.exit_status = 0
        #: Carry on into a campaign's next part without asking (``play --campaign``).
        self.campaign = campaign
        #: Why the campaign could not go on (its next part is missing or broken): one line for the command line.
        self.failure = ""
        #: Undo, saves and autosave; without a saves folder (attach one), undo still works.
        self.session = Session(game, power)

    def write(self, text: str) -> None:
        """Print ``text``: anything from a file (titles, names, scenario text) is made safe for a terminal first."""
        self._print(clean_for_terminal(text, keep_newlines=True))

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
        """Play until the game ends or the player leaves; 0, or 2 when the game could not be autosaved
        or a campaign's next part could not be started (``failure`` says why).

        No exception leaves this loop before the game is autosaved: the player's moves are never lost.
        """
        try:
            while True:
                self._play()
                if self.quit or not self.game.is_terminal():
                    break
                self.write(render.final_report(self.game))
                if not self._play_on():
                    break
        finally:
            self._autosave_on_exit()
        return self.exit_status

    def _play(self) -> None:
        self.write(render.summary(self.game, self.power))
        self._prompt_events()
        self._show_inbox()
        while not self.quit and not self.game.is_terminal():
            line = self._read(f"{self.game.state.date} {self.power}> ")
            if line is None:
                break
            self.handle(line)

    def _read(self, prompt: str) -> str | None:
        """A line from the player; None when they leave (end of input, Ctrl+C)."""
        while True:
            try:
                return self.read(prompt)
            except (EOFError, KeyboardInterrupt):
                self.write("\n" + S["text.leaving"])
                return None
            except UnicodeError:
                self.write(S["text.not_text"])

    # --- a campaign's next part -------------------------------------------------------------------

    def _play_on(self) -> bool:
        """At the end of a part: offer the next one; True when there is a game to play on (the next part,
        or another game loaded at the prompt)."""
        part = self.session.next_part()
        if part is None:
            return False
        if not part.playable:
            if part.rules is None:          # missing or broken: the installation's fault, exit status 2
                self._fail(part.problem)
            else:
                self.write(part.problem)
            return False
        self.write(render.rule(S["text.chain.heading"]))
        self.write(S["text.chain.offer"].format(title=part.title, carried=part.carried()))
        if not self.campaign:
            while True:
                line = self._read(S["text.chain.prompt"].format(title=part.title))
                if line is None:
                    return False
                word = line.strip().lower()
                if word in ("continue", "c", "yes", "y"):
                    break
                if word in ("quit", "exit", "no", "n"):
                    self._quit()
                    return False
                self.handle(line)           # status, treaties, save... all still answer at the end
                if self.quit:
                    return False
                if not self.game.is_terminal():
                    return True             # another game was loaded: play it
        try:
            self.session.continue_campaign(part)
        except SaveError as e:
            self._fail(str(e))
            return False
        self.game = self.session.game
        self.write(S["text.chain.started"].format(title=part.title))
        return True

    def _fail(self, message: str) -> None:
        self.failure = message
        self.exit_status = 2

    def _autosave_on_exit(self) -> None:
        try:
            path = self.session.autosave_if_changed()
        except (SaveError, OSError) as e:
            self.write(S["text.autosave_failed"].format(error=e))
            self.exit_status = 2
            return
        kept = path or self.session.saved_in
        if kept is not None:
            ref = kept.stem if kept.parent == saves_dir() else str(kept)
            said = S["text.autosaved_as"] if path else S["text.saved_as_already"]
            self.write(S["text.continue_with"].format(said=said, name=kept.stem, ref=ref))

    def handle(self, line: str) -> None:
        """Do what one line asks; whatever goes wrong is one message, and the game goes on."""
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
        except (KeyboardInterrupt, SystemExit):
            raise
        except Exception as e:  # noqa: BLE001 - one bad command must not end the game or lose its moves
            self.write(S["text.unexpected"].format(error=f"{type(e).__name__}: {e}".splitlines()[0][:200]))

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
            "answers": lambda _: self.write(render.answers_to(self.game, self.power, recent=False) or S["text.no_answers"]),
            "levers": lambda _: self.write(render.levers_text(self.game, self.power)),
            "policies": lambda _: self.write(render.levers_text(self.game, self.power)),
            "events": self._events,
            "options": self._events,
            "agenda": self._agenda,
            "objectives": lambda _: self.write(render.objectives_text(self.game, self.power)),
            "o": lambda _: self.write(render.objectives_text(self.game, self.power)),
            "estimate": self._estimate,
            "treaties": lambda _: self.write("\n".join(treaty_lines(self.game.rules, self.game.state)) or S["text.no_treaties"]),
            "news": lambda _: self.write("\n".join(f"{n['date']}  {news_text(n)}" for n in self.game.observe(self.power)["news"][-40:])),
            "history": lambda _: self.write("\n".join(f"{m.date}  {m.text}" for m in self.game.rules.scenario.history.timeline)),
            "glossary": lambda term: self.write(render.glossary_text(self.game, term)),
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
        if self.power in to:
            raise CommandError(S["text.estimate_self"].format(power=self.game.rules.power_name(self.power, self.game.state)))
        rules = self.game.rules
        sender = [self.power]
        clauses = parse_package(m.group(2))
        # between two powers other than the hub, the clauses are the terms of a side talk
        pkg = normalise_terms(rules, clauses) if is_side(rules, sender, to) else rules.normalise_package(clauses)
        for view in estimate(rules, self.game.state, self.power, sender, to, pkg):
            self.write(view.text())
        home = home_refusal(rules, self.game.state, self.power, sender, to, pkg)
        if home:
            self.write(S["text.estimate.home"].format(reason=home))

    def _events(self, event: str) -> None:
        """The events waiting for the player's decision (or one of them), with their options."""
        waiting = [c.event for c in self.game.state.choices if c.chooser == self.power]
        if event:
            if event not in waiting:
                raise CommandError(S["text.no_such_choice"].format(event=event, waiting=", ".join(waiting) or S["text.none"]))
            waiting = [event]
        if not waiting:
            self.write(S["text.no_choices"])
            return
        for eid in waiting:
            self.write(render.event_text(self.game, eid, self.power))
            self.write(S["text.decide_with"].format(event=eid))

    def _agenda(self, conference: str) -> None:
        """A conference's agenda (every conference's, without a name)."""
        confs = self.game.rules.scenario.conferences
        key = conference.strip().lower()
        if key and key not in confs:
            raise CommandError(S["text.unknown_conference"].format(name=conference, known=", ".join(confs) or S["text.none"]))
        self.write(render.agenda_text(self.game, [key] if key else list(confs)))

    def _show_inbox(self) -> None:
        props = inbox(self.game.rules, self.game.state, self.power)
        if not props:
            self.write(S["text.no_inbox"])
            return
        self.write(render.rule(S["text.inbox"]))
        rules, state = self.game.rules, self.game.state
        for p in props:
            self.write(proposal_line(rules, p, state))
            if p.text:
                self.write("  " + p.text)
            from game.engine.sidetalks import verdict_on
            from game.engine.views import breakdown_view
            self.write(breakdown_view(rules, state, verdict_on(rules, state, self.power, p), self.power).text())
        self.write(S["text.answer_with"])

    def _prompt_events(self) -> None:
        for c in self.game.state.choices:
            if c.chooser == self.power:
                self.write(render.event_text(self.game, c.event, self.power))
                self.write(S["text.decide_with"].format(event=c.event))

    # --- commands (they change the game) --------------------------------------------------

    def _command(self, line: str) -> None:
        cmd = self._parse(line)
        if isinstance(cmd, CancelTreaty) and not self._confirm_cancel(cmd, line):
            return
        turn = self.game.state.turn
        self.session.apply(cmd, by=self.power)
        if isinstance(cmd, EndTurn):
            self._after_turn(turn)
        elif isinstance(cmd, Propose):
            self.write(S["text.sent"].format(line=line))
        else:
            self.write(S["text.done"])

    def _confirm_cancel(self, cmd: CancelTreaty, line: str) -> bool:
        """Tearing up a treaty cannot be taken back in the world: ask first (``cancel N yes`` skips the question)."""
        t = next((t for t in self.game.state.treaties if t.id == cmd.treaty and t.in_force), None)
        if t is None:
            return True         # the engine says why there is nothing to cancel
        if line.split()[-1].lower() in ("yes", "y", "--yes"):
            return True
        try:
            answer = self.read(S["text.cancel_confirm"].format(title=t.title, id=t.id))
        except (EOFError, KeyboardInterrupt):
            answer = ""
        if answer.strip().lower() in ("y", "yes"):
            return True
        self.write(S["text.cancel_kept"].format(title=t.title))
        return False

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
        """The command for ``line``: short forms expanded, then read by the engine's own parser."""
        text = expand_aliases(line)
        verb = text.split(maxsplit=1)[0].lower() if text.split() else ""
        if verb not in COMMANDS or verb == "advance":
            raise CommandError(S["text.unknown_command"].format(word=line.split()[0][:40]))
        if verb == "cancel":        # 'cancel N yes' is the confirmed form of 'cancel N'
            text = re.sub(r"\s+(?:yes|y|--yes)\s*$", "", text, flags=re.I)
        return Command.parse(f"{self.power}: {text}")


def expand_aliases(line: str) -> str:
    """``line`` in the engine's grammar: the first short form that matches the whole line is rewritten."""
    word, _, rest = line.strip().partition(" ")
    text = f"{word.lower()} {rest}".strip()
    for pattern, replacement in ALIASES:
        m = re.fullmatch(pattern, text, re.I | re.S)
        if m:
            return m.expand(replacement)
    return text
