"""Claim patterns, one module per family; each function takes the shared ``Context``.

Their order and the de-duplication are in ``newsclaims.pipeline.claims``.
"""
