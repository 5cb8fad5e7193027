"""Bridges from zhie to other ecosystems; each one wraps the same :class:`nlp.pipeline.Pipeline`.

- :mod:`nlp.integrations.spacy`: the ``zhie_tuples`` spaCy component (entry point
  ``spacy_factories``), sets ``doc._.tuples`` and ``doc.spans["zhie"]``.
- :mod:`nlp.integrations.hf_datasets`: a batched ``Dataset.map`` function and
  :func:`~nlp.integrations.hf_datasets.run_dataset` (``--dataset`` / ``--save-dataset``).
- :mod:`nlp.integrations.ray`: :func:`~nlp.integrations.ray.run_ray` (``--engine ray``).

Nothing here is imported by :mod:`nlp` itself: spaCy, datasets and Ray stay optional.
"""
