"""Reports on records: evaluation against gold, place-name canonicalisation."""
