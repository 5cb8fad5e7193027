"""Despin: reverse synonym-table spinning (seed 002), verified by a character n-gram LM.

Modules: :mod:`.lexicon` (spun -> original pairs), :mod:`.lm` (the n-gram model),
:mod:`.detect` (is this page spun at all?), :mod:`.stage` (the ``despin`` stage),
:mod:`.spinner` (a table spinner for synthetic evaluation data), :mod:`.train`
(rebuild the model), :mod:`.corpora` (fixed corpus splits).
"""
