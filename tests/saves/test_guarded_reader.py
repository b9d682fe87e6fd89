"""The one guarded reader for files from anywhere: regular files only, never a hang, never unbounded
memory, a message instead of a traceback; and the one cleaner for text bound for a terminal."""
from __future__ import annotations

import gzip
import os

import pytest

from game.guarded import CAPS, UnreadableFile, clean_for_terminal, inflate, read_untrusted
from game.saves.errors import SaveError
from game.saves.restore import read_document
from game.scenario.strictyaml import read_bytes


def test_a_regular_file_is_read_whole(tmp_path):
    p = tmp_path / "ok.rapallo"
    p.write_bytes(b"x" * 5000)
    assert read_untrusted(p, "save") == b"x" * 5000


@pytest.mark.parametrize("special, reason", [("/dev/zero", "not_a_file"), ("/dev/null", "not_a_file")])
def test_devices_are_refused_without_reading(special, reason):
    with pytest.raises(UnreadableFile) as e:
        read_untrusted(special, "save")
    assert e.value.reason == reason and "device" in str(e.value)


def test_a_fifo_with_no_writer_is_refused_at_once(tmp_path):
    fifo = tmp_path / "pipe.rapallo"
    os.mkfifo(fifo)
    with pytest.raises(UnreadableFile) as e:
        read_untrusted(fifo, "save")
    assert e.value.reason == "not_a_file" and "pipe" in str(e.value)


def test_a_folder_and_a_missing_file_say_so(tmp_path):
    with pytest.raises(UnreadableFile) as e:
        read_untrusted(tmp_path, "scenario")
    assert e.value.reason == "folder" and "folder" in str(e.value)
    with pytest.raises(UnreadableFile) as e:
        read_untrusted(tmp_path / "nothing.yaml", "scenario")
    assert e.value.reason == "missing"


def test_a_name_longer_than_the_file_system_allows_is_a_message(tmp_path):
    with pytest.raises(UnreadableFile) as e:
        read_untrusted(tmp_path / ("n" * 300), "save")
    assert e.value.reason == "name_too_long" and "longer than the file system allows" in str(e.value)


@pytest.mark.parametrize("kind", sorted(CAPS))
def test_a_file_past_its_kinds_cap_is_refused_before_it_is_read(tmp_path, kind):
    p = tmp_path / "huge"
    with open(p, "wb") as f:
        f.truncate(CAPS[kind] + 1)              # sparse: costs nothing on disk
    with pytest.raises(UnreadableFile) as e:
        read_untrusted(p, kind)
    assert e.value.reason == "too_large"


def test_a_gzip_bomb_stops_at_the_cap():
    bomb = gzip.compress(b"\0" * (3 * 2**20))
    with pytest.raises(ValueError, match="too_large"):
        inflate(bomb, 2**20)
    assert inflate(bomb, 3 * 2**20) == b"\0" * (3 * 2**20)


def test_saves_read_through_it_get_a_save_error_not_a_traceback(tmp_path):
    fifo = tmp_path / "pipe.rapallo"
    os.mkfifo(fifo)
    for path, kind in ((fifo, "unreadable"), (tmp_path / ("n" * 300), "bad_name"), (tmp_path, "missing")):
        with pytest.raises(SaveError) as e:
            read_document(path)
        assert e.value.kind == kind


def test_scenarios_read_through_it_get_a_finding(tmp_path):
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    raw, findings = read_bytes(str(fifo))
    assert raw is None and findings and findings[0].code == "P008" and "pipe" in findings[0].message


@pytest.mark.parametrize("dirty, clean", [
    ("a\x1b[2Jb", "ab"),                                   # erase screen
    ("a\x1b]0;title\x07b", "ab"),                          # set the window title (OSC)
    ("a\x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\b", "alinkb"),  # hyperlink
    ("a\x9b31mb", "ab"),                                   # 8-bit CSI
    ("bell\x07 and \x08backspace", "bell and backspace"),
    ("lone \ud800 surrogate", "lone \ufffd surrogate"),
    ("right\u202eto left", "rightto left"),
    ("two\nlines", "two lines"),
    ("Genoa, 1922", "Genoa, 1922"),
])
def test_text_for_the_terminal_loses_every_control_and_escape(dirty, clean):
    assert clean_for_terminal(dirty) == clean
    assert clean_for_terminal(dirty).encode("utf-8")         # printable: no lone surrogate left
