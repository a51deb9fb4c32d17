"""Actors: gazetteer data, resolution within an article, merging across a corpus."""
