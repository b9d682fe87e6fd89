"""The saves folder: names, the list, autosave every turn and its rotation, the quick-save slot."""
from __future__ import annotations

import os

import pytest

from game.saves import SaveError, SaveStore, Session
from game.text.app import TextApp


def _session(genoa, tmp_path, seed=3, **kw) -> Session:
    s = Session.new(genoa, seed=seed, humans=["soviet_russia"], store=SaveStore(tmp_path), **kw)
    s.apply("soviet_russia: choose cannes_conditions accept")
    return s


def _turns(s: Session, n: int) -> None:
    for _ in range(n):
        s.apply("soviet_russia: end")
        for c in [c for c in s.game.state.choices if c.chooser == "soviet_russia"]:
            opts = [x for x in s.game.legal_commands("soviet_russia") if str(x).startswith(f"soviet_russia: choose {c.event}")]
            s.apply(opts[0])


def test_every_turn_is_autosaved_and_only_the_last_five_are_kept(genoa, tmp_path):
    s = _session(genoa, tmp_path)
    _turns(s, 8)
    autos = sorted(p.name for p in tmp_path.glob("autosave-*"))
    assert len(autos) == 5
    assert autos[-1] == f"autosave-{s.meta.game_id}-t{s.game.state.turn + 1:03d}.rapallo"
    newest = SaveStore(tmp_path).list()[0]
    assert newest.kind == "autosave" and newest.turn == s.game.state.turn


def test_a_new_game_does_not_rotate_away_another_games_autosaves(genoa, tmp_path):
    first = _session(genoa, tmp_path, seed=3)
    _turns(first, 3)
    second = _session(genoa, tmp_path, seed=4)
    _turns(second, 7)
    assert len(list(tmp_path.glob(f"autosave-{first.meta.game_id}-*"))) == 3
    assert len(list(tmp_path.glob(f"autosave-{second.meta.game_id}-*"))) == 5


def test_the_list_shows_scenario_power_game_date_and_real_date(genoa, tmp_path):
    s = _session(genoa, tmp_path)
    s.save("before-genoa")
    (tmp_path / "broken.rapallo").write_bytes(b"\x1f\x8b\x08garbage")
    (tmp_path / "README.md").write_text("not a save")
    infos = {i.name: i for i in SaveStore(tmp_path).list()}
    assert set(infos) == {"before-genoa", "broken"}
    i = infos["before-genoa"]
    assert (i.scenario, i.scenario_title, i.power_name, i.date) == (genoa.id, "Genoa and Rapallo", "Soviet Russia",
                                                                    "1922-01-06")
    assert i.saved_at and i.local_time()[:2] == "20" and i.ok
    assert not infos["broken"].ok and "damaged" in infos["broken"].problem


def test_save_names_that_cannot_be_files_or_are_kept_are_refused(genoa, tmp_path):
    s = _session(genoa, tmp_path)
    for bad in ("../escape", "a/b", "", ".hidden", "autosave-x", "quicksave", "x" * 200):
        with pytest.raises(SaveError) as e:
            s.save(bad) if bad else s._store().user_path_for(bad)
        assert e.value.kind == "bad_name"
    assert os.listdir(tmp_path) == []


def test_a_name_ending_in_json_is_saved_as_plain_json(genoa, tmp_path):
    p = _session(genoa, tmp_path).save("readable.json")
    assert p.read_bytes().startswith(b"{\n")


def test_quicksave_and_quickload_return_to_the_same_moment(genoa, tmp_path):
    s = _session(genoa, tmp_path)
    s.quicksave()
    there = s.game.state_hash()
    _turns(s, 2)
    s.apply("soviet_russia: policy comintern 30")
    notices = s.quickload()
    assert s.game.state_hash() == there
    assert any("autosaved" in n for n in notices)      # the game that was left is not lost
    assert s.undo() == "soviet_russia: choose cannes_conditions accept"


def test_quickload_without_a_quicksave_says_so(genoa, tmp_path):
    s = _session(genoa, tmp_path)
    with pytest.raises(SaveError) as e:
        s.quickload()
    assert e.value.kind == "missing" and "quicksave first" in str(e.value)


def test_load_by_name_or_by_path_and_a_failed_load_changes_nothing(genoa, tmp_path):
    s = _session(genoa, tmp_path)
    path = s.save("one")
    hash_one = s.game.state_hash()
    _turns(s, 1)
    s.load("one")
    assert s.game.state_hash() == hash_one
    s.load(str(path))
    assert s.game.state_hash() == hash_one
    current = s.game
    with pytest.raises(SaveError):
        s.load("no-such-save")
    assert s.game is current


def test_a_failed_autosave_does_not_stop_the_game(genoa, tmp_path):
    blocked = tmp_path / "file"
    blocked.write_text("a file where the saves folder should be")
    s = Session.new(genoa, seed=3, humans=["soviet_russia"], store=SaveStore(blocked))
    told: list[str] = []
    s.on_notice = told.append
    s.apply("soviet_russia: choose cannes_conditions accept")
    s.apply("soviet_russia: end")
    assert s.game.state.turn == 1
    assert told and "autosave failed" in told[0] and "still open" in told[0]


def test_the_terminal_saves_loads_lists_undoes_and_autosaves_on_quit(genoa, tmp_path):
    lines = iter(["choose cannes_conditions accept", "policy comintern 30", "undo", "save mine", "saves",
                  "end", "quicksave", "end", "quickload", "help", "load nope", "policy comintern 30", "quit"])
    out: list[str] = []
    app = TextApp(genoa_game(genoa), "soviet_russia", read=lambda _: next(lines), write=out.append)
    app.attach(Session(app.game, "soviet_russia", SaveStore(tmp_path)))
    assert app.run() == 0
    text = "\n".join(out)
    assert "Undone: soviet_russia: policy comintern 30" in text
    assert "Saved as mine." in text and "Genoa and Rapallo" in text and "Soviet Russia" in text
    assert "Quick-saved" in text and "quicksave | quickload" in text
    assert "Not done:" in text and "no save called 'nope'" in text
    assert "Autosaved as autosave-" in text and f"--load {tmp_path}/autosave-" in text
    assert (tmp_path / "mine.rapallo").is_file() and list(tmp_path.glob("autosave-*-exit.rapallo"))


def test_the_terminal_autosaves_when_input_ends(genoa, tmp_path):
    lines = iter(["choose cannes_conditions accept"])

    def read(_: str) -> str:
        try:
            return next(lines)
        except StopIteration:
            raise EOFError from None
    app = TextApp(genoa_game(genoa), "soviet_russia", read=read, write=lambda _: None)
    app.attach(Session(app.game, "soviet_russia", SaveStore(tmp_path)))
    app.run()
    [exit_save] = tmp_path.glob("autosave-*-exit.rapallo")
    s = Session.open(str(exit_save), SaveStore(tmp_path))
    assert s.game.log == ["soviet_russia: choose cannes_conditions accept"]


def genoa_game(genoa):
    from game.engine.game import Game
    return Game.new(genoa, seed=3, humans=["soviet_russia"])


def test_a_save_cannot_steer_autosaves_out_of_the_saves_folder(genoa, tmp_path):
    import json
    folder = tmp_path / "saves"
    s = _session(genoa, folder)
    path = s.save("evil.json")
    doc = json.loads(path.read_text())
    doc["game_id"] = "../../outside"
    path.write_text(json.dumps(doc))
    loaded = Session.open("evil", SaveStore(folder))
    _turns(loaded, 1)
    assert loaded.meta.game_id != "../../outside"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["saves"]
    assert list(folder.glob(f"autosave-{loaded.meta.game_id}-*"))
