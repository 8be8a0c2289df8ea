# Convenience targets. `make accuracy` is the accuracy report of issue 3.
PYTHON ?= python

.PHONY: accuracy accuracy-misses test eval-tests places

accuracy:  ## run the pipeline on seeds + real-news gold articles and print field × (P, R, F1)
	$(PYTHON) scripts/accuracy.py

accuracy-misses:  ## the same, listing every miss and spurious item per article
	$(PYTHON) scripts/accuracy.py --misses

test:
	$(PYTHON) -m pytest -q

eval-tests:  ## the scorer and gold-schema tests only
	$(PYTHON) -m pytest -q tests/test_evaluate.py tests/test_gold_schema.py

places:  ## rebuild rules/gazetteer.tsv and rules/places_admin.tsv from ../shared/data/admin-divisions
	$(PYTHON) scripts/build_admin_tables.py
