"""The stored output digests: the seeds' output is unchanged while EXTRACTOR_VERSION is."""

import subprocess
import sys

import pytest

from claims.extraction import EXTRACTOR_VERSION
from claims.extraction import digests as d


def test_seed_output_matches_the_digest_stored_for_this_version():
    stored = d.stored()
    if stored["extractor_version"] != EXTRACTOR_VERSION:
        pytest.fail(
            f"output_digests.json was recorded for {stored['extractor_version']}: "
            "run `make extraction-digests` in the commit that bumps EXTRACTOR_VERSION"
        )
    assert d.seeds_digest() == stored["digests"][d.SEEDS]


def test_a_changed_output_without_a_version_bump_is_reported():
    recorded = {"extractor_version": EXTRACTOR_VERSION, "digests": {"seeds": "a", "eval/x": "b"}}
    assert d.compare(recorded, {"seeds": "a", "eval/x": "b"}) == []
    problems = d.compare(recorded, {"seeds": "a", "eval/x": "c"})
    assert problems == ["eval/x: output changed without an EXTRACTOR_VERSION bump"]
    assert "no stored digest" in d.compare(recorded, {"eval/y": "c"})[0]


def test_digests_of_another_version_ask_to_be_recorded_again():
    recorded = {"extractor_version": "0.0", "digests": {"seeds": "a"}}
    (problem,) = d.compare(recorded, {"seeds": "a"})
    assert "recorded for extractor 0.0" in problem and "--record" in problem


def test_the_check_without_evaluation_data_checks_the_seeds(tmp_path):
    out = subprocess.run(
        [sys.executable, "-m", "claims.extraction.digests", "--eval-dir", str(tmp_path)],
        cwd=d.ROOT,
        capture_output=True,
        text=True,
    )
    assert "checking the seeds only" in out.stdout
    assert out.returncode == 0, out.stdout


def test_recording_without_evaluation_data_is_refused(tmp_path):
    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "claims.extraction.digests",
            "--record",
            "--eval-dir",
            str(tmp_path),
        ],
        cwd=d.ROOT,
        capture_output=True,
        text=True,
    )
    assert out.returncode == 1
    assert "cannot record" in out.stdout
