"""Batch ingest on Dask: each input file or archive is a shard that a worker reads, extracts, embeds and stores.

`shards.py` runs on the workers and imports no Dask; `run.py` is the client side. Workers write their pages
straight to the database, story features beside each article; the client then assigns stories over everything
stored, in date order, from those features (`jobs.assign_stories`), so the stories match a serial ingest.
"""
