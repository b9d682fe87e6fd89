"""The classroom host's game: one authoritative game, the roles students hold
and the durable record of both. No sockets here (``server.py`` speaks to
browsers) and no threads: the server calls this from its one event loop, so
every game access happens on one thread.

Durability: every accepted command is saved (through the saves layer, an
atomic write with fsync) before it is acknowledged, and every change to who
holds which role is written to a sidecar (``classroom-host.json``, also
atomic) before the student hears of it. ``HostSession.resume`` reads both
back after a crash: the game, the join code, the facilitator's key and each
role's token.
"""
from __future__ import annotations

import dataclasses
import json
import secrets
import string
from pathlib import Path
from typing import Any, Callable

from game.engine.commands import (Advance, Answer, Command, CommandError, FacilitatorCommand,
                                  IllegalCommand, Propose)
from game.engine.game import Game
from game.engine.legal import FACILITATOR, OBSERVER
from game.engine.model.roles import Role
from game.engine.rules import Rules
from game.saves import atomic, codec, document
from game.saves.errors import SaveError
from game.saves.restore import load as load_save
from game.saves.store import SaveStore

SIDECAR = "classroom-host.json"
SAVE_NAME = "classroom-host"
#: Join codes avoid letters that read alike on a projector (0/O, 1/I/L).
CODE_ALPHABET = "".join(c for c in string.ascii_uppercase + string.digits if c not in "01OIL")


class Refused(ValueError):
    """A request the host turns down; the message is shown to the student."""


@dataclasses.dataclass
class Seat:
    """What one connection holds: a role (or the facilitator or an observer) and the seat it acts from."""

    role: str
    seat: str


def new_code(n: int = 4) -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(n))


def _same(given: str, secret: str) -> bool:
    """Compare a secret in constant time (bytes: a student may type any character)."""
    return secrets.compare_digest(given.encode("utf-8", "replace"), secret.encode("utf-8"))


def verb_needed(cmd: Command) -> str:
    """The ``may:`` verb a role needs to give ``cmd`` (accepting a treaty is signing it)."""
    if isinstance(cmd, Answer):
        return "sign" if cmd.response == "accept" else "answer"
    return cmd.VERB


class HostSession:
    """The game a classroom host runs, who holds which role, and where both are saved."""

    def __init__(self, game: Game, folder: Path, code: str, key: str, tokens: dict[str, str] | None = None,
                 game_id: str = "") -> None:
        self.game = game
        self.folder = folder
        self.code = code
        self.key = key
        self.tokens: dict[str, str] = dict(tokens or {})   # role id -> the token that holds it
        self.game_id = game_id or secrets.token_hex(4)
        self.version = 0                                    # moves on with every accepted command
        self._cache: dict[str, tuple[int, str]] = {}        # seat -> (version, observation as JSON)
        self.store = SaveStore(folder)
        self._saved_version = 0
        self._saved_tokens: dict[str, str] = dict(self.tokens)

    # --- creation ---------------------------------------------------------------------------------

    @classmethod
    def new(cls, rules: Rules, folder: Path, code: str | None = None) -> "HostSession":
        humans = sorted({r.delegation for r in rules.scenario.roles.values()} & set(rules.powers))
        session = cls(Game.new(rules, humans=humans), folder, (code or new_code()).upper(), secrets.token_hex(6))
        session.save_game()
        session.save_sidecar()
        return session

    @classmethod
    def resume(cls, rules: Rules, folder: Path) -> "HostSession":
        """The session saved in ``folder``; SaveError if there is none or it cannot be read."""
        side = folder / SIDECAR
        try:
            meta = json.loads(side.read_text(encoding="utf-8"))
            code, key, tokens = str(meta["code"]), str(meta["key"]), dict(meta["tokens"])
        except FileNotFoundError:
            raise SaveError("missing", "there is no classroom game saved here to resume; start one without "
                                       "--resume", str(side)) from None
        except (OSError, ValueError, KeyError, TypeError) as e:
            raise SaveError("damaged", f"the classroom record cannot be read ({e})", str(side)) from None
        loaded = load_save(cls.save_path_in(folder), current=rules)
        return cls(loaded.game, folder, code, key, tokens, str(meta.get("game_id", "")))

    @staticmethod
    def save_path_in(folder: Path) -> Path:
        return SaveStore(folder).path_for(SAVE_NAME)

    @staticmethod
    def exists_in(folder: Path) -> bool:
        return (folder / SIDECAR).exists()

    # --- who sits where ---------------------------------------------------------------------------

    @property
    def rules(self) -> Rules:
        return self.game.rules

    @property
    def roles(self) -> dict[str, Role]:
        return self.rules.scenario.roles

    def join(self, code: str, role: str, token: str = "", key: str = "", connected: frozenset[str] = frozenset()
             ) -> tuple[Seat, str]:
        """Seat a client in ``role``; returns the seat and the role's token. ``connected`` names the roles
        some other live connection holds now. Raises Refused with the reason."""
        if not isinstance(code, str) or not _same(code.strip().upper(), self.code):
            raise Refused("wrong join code: read it again from the teacher's screen")
        if role == FACILITATOR:
            if not isinstance(key, str) or not _same(key, self.key):
                raise Refused("the facilitator's seat needs the key printed on the host's console")
            return Seat(FACILITATOR, FACILITATOR), ""
        if role == OBSERVER:
            return Seat(OBSERVER, OBSERVER), ""
        if role not in self.roles:
            raise Refused(f"no role {role!r} in this game")
        held = self.tokens.get(role)
        if held and token:
            if not _same(str(token), held):
                raise Refused(f"{self.roles[role].name} is taken, and this browser's token is not theirs")
        elif role in connected:
            raise Refused(f"{self.roles[role].name} is taken by a student who is connected; choose another role")
        else:
            held = secrets.token_urlsafe(18)
            self.tokens[role] = held        # written by the server before the student hears of it
        return Seat(role, self.roles[role].delegation), held

    def role_list(self, connected: frozenset[str]) -> list[dict[str, Any]]:
        """Every role with its public face and whether it is held; never a briefing."""
        powers = self.rules.scenario.powers
        return [{"id": rid, "name": r.name, "title": r.title, "delegation": r.delegation,
                 "delegation_name": self.rules.power_name(r.delegation, self.game.state) if r.delegation in powers
                 else r.delegation,
                 "public": r.public, "held": rid in connected}
                for rid, r in self.roles.items()]

    def brief(self, role: str) -> dict[str, Any] | None:
        """The role's own secrets and what it may do: sent only to the client holding it."""
        r = self.roles.get(role)
        if r is None:
            return None
        return {"id": role, "name": r.name, "title": r.title, "delegation": r.delegation, "public": r.public,
                "briefing": r.briefing, "may": list(r.may),
                "objectives": [{"id": o.id, "title": o.title, "points": float(o.points)} for o in r.objectives]}

    def clause_catalogue(self) -> list[dict[str, Any]]:
        """The clause types a proposal can hold, with their parameters, for composing one in the page."""
        out = []
        for cid, c in self.rules.scenario.clause_types.items():
            params = {pid: {"title": p.title or pid, "min": p.min, "max": p.max, "step": p.step,
                            "choices": list(p.choices) if p.choices else None, "default": p.default, "unit": p.unit}
                      for pid, p in c.params.items()}
            out.append({"id": cid, "title": c.title, "description": c.description, "params": params})
        # Side-talk terms (talks among the other powers) take no parameters; the page offers them to their parties.
        for topic in self.rules.scenario.side_talks.topics.values():
            for tid, t in topic.terms.items():
                out.append({"id": tid, "title": f"{t.title[:1].upper()}{t.title[1:]} ({topic.title})",
                            "description": t.description or topic.description, "params": {},
                            "parties": list(topic.parties)})
        return out

    # --- acting -----------------------------------------------------------------------------------

    def command(self, who: Seat, text: str) -> Command:
        """Check and apply a command from ``who``, save the game, and return the command; Refused if not."""
        if not isinstance(text, str) or not text.strip():
            raise Refused("an empty command")
        try:
            cmd = Command.parse(text)
        except CommandError as e:
            raise Refused(str(e)) from None
        if who.seat == OBSERVER:
            raise Refused("an observer watches and gives no commands")
        if who.seat != FACILITATOR:
            if isinstance(cmd, (Advance, FacilitatorCommand)):
                raise Refused("only the facilitator advances the round or acts on the world")
            if cmd.power != who.seat:
                raise Refused(f"you sit in the {who.seat} delegation and cannot act for {cmd.power}")
            need = verb_needed(cmd)
            role = self.roles.get(who.role)
            if role is not None and need not in role.may:
                raise Refused(f"{role.name} may not {need} (this role may: {', '.join(role.may)})")
        try:
            cmd = self.game.apply(cmd, by=who.seat)
        except (IllegalCommand, CommandError, ValueError) as e:
            raise Refused(str(e)) from None
        self.version += 1                   # saved by the server before the command is acknowledged
        return cmd

    def estimate(self, who: Seat, text: str) -> list[dict[str, Any]]:
        """How the receivers of a draft proposal would judge it now, as ``who``'s delegation can read it."""
        from game.engine.views import estimate, home_refusal
        try:
            cmd = Command.parse(text)
        except CommandError as e:
            raise Refused(str(e)) from None
        if not isinstance(cmd, Propose):
            raise Refused("an estimate is for a proposal: 'POWER: propose TO: CLAUSES'")
        if who.seat not in (FACILITATOR, cmd.power):
            raise Refused(f"you sit in the {who.seat} delegation and cannot draft for {cmd.power}")
        viewer = cmd.power if who.seat == FACILITATOR else who.seat
        try:
            views = estimate(self.rules, self.game.state, viewer, (cmd.power, *cmd.joint), cmd.to, cmd.clauses)
        except (KeyError, ValueError) as e:
            raise Refused(f"cannot weigh that proposal: {e}") from None
        home = home_refusal(self.rules, self.game.state, viewer, (cmd.power, *cmd.joint), cmd.to, cmd.clauses)
        return [{"power": v.power, "power_name": v.power_name, "heading": v.heading,
                 "lines": [[label, float(value)] for label, value in v.lines], "total": float(v.total),
                 "accepted": bool(v.accepted), "red_lines": list(v.red_lines), "exact": bool(v.exact),
                 "advice": v.advice, "home": home or ""} for v in views]

    # --- seeing -----------------------------------------------------------------------------------

    def observation_json(self, seat: str) -> str:
        """What ``seat`` may know now, as JSON: computed once per seat per change, however many clients sit there."""
        hit = self._cache.get(seat)
        if hit is not None and hit[0] == self.version:
            return hit[1]
        text = json.dumps(self.game.observe(seat), separators=(",", ":"), allow_nan=False)
        self._cache[seat] = (self.version, text)
        return text

    # --- saving -----------------------------------------------------------------------------------
    # The server writes through ``pending_writes``: the bytes are made here, on the game's thread, and
    # written (atomically, with fsync) off it, several changes at once when they come together; each
    # change is acknowledged only once a write that holds it is done. ``save_game`` and ``save_sidecar``
    # write at once, for starting a session.

    def pending_writes(self) -> list[tuple[Path, bytes, Callable[[], None]]]:
        """What has changed since the last write: (path, bytes, what to record once written)."""
        jobs: list[tuple[Path, bytes, Callable[[], None]]] = []
        version, tokens = self.version, dict(self.tokens)
        if version != self._saved_version:
            def saved_game() -> None:
                self._saved_version = max(self._saved_version, version)
            jobs.append((self.save_path_in(self.folder), self._game_bytes(), saved_game))
        if tokens != self._saved_tokens:
            def saved_tokens() -> None:
                self._saved_tokens = tokens
            jobs.append((self.folder / SIDECAR, self._sidecar_bytes(), saved_tokens))
        return jobs

    def save_game(self) -> Path:
        path = self.save_path_in(self.folder)
        atomic.write_atomic(path, self._game_bytes())
        self._saved_version = self.version
        return path

    def save_sidecar(self) -> None:
        atomic.write_atomic(self.folder / SIDECAR, self._sidecar_bytes())
        self._saved_tokens = dict(self.tokens)

    def _game_bytes(self) -> bytes:
        meta = document.SaveMeta(power="", game_id=self.game_id, name="Classroom (host)", kind="autosave")
        path = self.save_path_in(self.folder)
        return codec.encode(document.build(self.game, meta), self.store.compressed(path))

    def _sidecar_bytes(self) -> bytes:
        blob = {"format": "rapallo-classroom-host", "code": self.code, "key": self.key, "tokens": self.tokens,
                "game_id": self.game_id, "scenario": self.rules.id}
        return json.dumps(blob, indent=1, sort_keys=True).encode()


def write_all(jobs: list[tuple[Path, bytes, Callable[[], None]]]) -> None:
    """Write each file atomically (the saves layer's write: temp file, fsync, rename, fsync the folder)."""
    for path, data, _done in jobs:
        atomic.write_atomic(path, data)
