"""The advisory record: sessions of advice, the followed action plan, verified impact, funder figures.

Lives here: ``record`` (checks of what an adviser types), ``plan`` (plan items from
recommendations and their follow-up), ``figures`` (the funder report's sums). Sits on top of
the domain like ``demo``: it may import ``registry`` (amount parsing) and ``assessment``; no
other domain package imports it.
"""
