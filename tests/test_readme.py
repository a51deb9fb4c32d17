"""The README's command examples work as written after the quick start."""
from __future__ import annotations

import os
import re
import shlex
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
PREFIX = ".venv/bin/graphkit "


def sh_commands(section: str | None = None) -> list[str]:
    """The ``.venv/bin/graphkit`` lines of the README's ```sh blocks (of one ``## section``)."""
    text = README
    if section is not None:
        start = text.index(f"## {section}\n")
        end = text.find("\n## ", start + 1)
        text = text[start:end if end > 0 else None]
    lines = []
    for block in re.findall(r"```sh\n(.*?)```", text, re.S):
        for line in block.splitlines():
            for part in line.split("&&"):
                part = part.strip()
                if part.startswith(PREFIX):
                    lines.append(part)
    return lines


def test_every_graphkit_command_of_the_readme_parses():
    from graphkit.cli import build_parser

    commands = sh_commands()
    assert len(commands) >= 7
    parser = build_parser()
    for command in commands:
        try:
            args = parser.parse_args(shlex.split(command)[1:])
        except SystemExit:  # argparse prints why
            pytest.fail(f"README command does not parse: {command}")
        assert callable(getattr(args, "func", None)), command


def test_quick_start_commands_run_as_written(tmp_path, nlp, monkeypatch, capsys):
    from graphkit.cli import main

    commands = sh_commands("Quick start")
    assert commands[0] == ".venv/bin/graphkit run seeds -o out"
    os.symlink(ROOT / "seeds", tmp_path / "seeds")
    monkeypatch.chdir(tmp_path)
    for command in commands:
        code = main(shlex.split(command)[1:])
        out, err = capsys.readouterr()
        assert code == 0, (command, err)
        assert out.strip() or err.strip(), command
        if " timeline" in command and not out.strip():
            assert "no dated meeting: " in err          # says why, never an unexplained empty answer
