"""Ingestion: from received files to documents, mentions and links with evidence.

Today it holds the synthetic NCB corpus generator (``odyssey.ingest.synth``);
the readers, extraction, resolution and the pipeline arrive with their issues.
Data flows one way: file → reader → text + fields → extraction → mentions and
links with evidence → resolution → store. Nothing here knows about Dash.
"""
