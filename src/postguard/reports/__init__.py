"""Reports of a batch run beyond the JSONL: a CSV summary, an offline HTML page, progress."""
