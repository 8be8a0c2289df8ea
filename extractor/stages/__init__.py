"""The extraction stages, one module each. A stage imports from ``lexicon``, ``text``,
``article``, ``record`` and ``rules``, never another stage; ``pipeline`` orders them."""
