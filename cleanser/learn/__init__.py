"""Fitting from data: ``train`` (selection's parameters, the region choice and the kind
model, validated leave-site-out), with ``sites`` (site grouping and folds), ``blind``
(markup-blind copies of pages), ``regionfit`` (the region choice's conditional logit),
``kindfit`` (the kind model's logistic regression) and ``report`` (the README table and
``model.json``); ``metaeval`` (metadata accuracy per field).
"""
