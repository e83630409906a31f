"""Evaluation data and metric: corpus loading with gold text (``corpus``), char-level F1
(``charf1``). Used by the training command, the tests and the benchmark; not by extraction.
"""
