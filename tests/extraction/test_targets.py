"""The targets table that `make eval` prints beside the scorer's report."""

from claims.extraction.targets import Figures, _figures, table

REPORT = """documents 84 (missing from predictions: 0)
gold attributions 2192, predicted 1749
content  P 0.811  R 0.647  F1 0.720   exact F1 0.502
source   accuracy 0.912 over 1385 matched
cue      accuracy 0.908 over 1409 matched
full     P 0.732  R 0.584  F1 0.650
"""


def test_the_scorers_figures_are_read():
    fig = _figures(REPORT, 450.0)
    assert (fig.content_p, fig.content_r, fig.content_f1) == (0.811, 0.647, 0.72)
    assert fig.source_accuracy == 0.912
    assert (fig.full_p, fig.full_r, fig.full_f1) == (0.732, 0.584, 0.65)


def test_the_table_gives_both_splits_and_judges_dev_against_the_targets():
    dev = Figures(0.9, 0.7, 0.787, 0.95, 0.83, 0.6, 0.697, 350.0)
    train = Figures(0.8, 0.6, 0.686, 0.9, 0.7, 0.5, 0.583, 340.0)
    lines = table({"dev": dev, "train": train}).splitlines()
    assert lines[2].startswith("dev    0.900 0.700 0.787")
    assert lines[3].startswith("train  0.800 0.600 0.686")
    assert "target full precision >= 0.82 on dev: 0.830 (met)" in lines
    assert "target full F1 >= 0.7 on dev: 0.697 (not met)" in lines
    assert "target KB/s per core >= 300 on dev: 350 (met)" in lines
