"""Fitting from data: ``train`` (selection's parameters and the kind model, validated
leave-site-out), ``kindfit`` (the kind model's logistic regression), ``metaeval``
(metadata accuracy per field, in-sample and leave-site-out).
"""
