"""Field bundles: the file format, the replication log and versions, peers, conflicts, the exchange.

Built on the record model and change log of ``db`` (records, changelog, schema); nothing in ``db`` outside it imports it.
"""
