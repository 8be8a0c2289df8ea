"""Grammars and resources shared by stages: numbers, years, the administrative gazetteer."""
