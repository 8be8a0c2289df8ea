import nbformat
from nbformat.v4 import new_notebook, new_markdown_cell, new_code_cell
cells = [
new_markdown_cell("""# From articles to a county-by-year panel of money and poverty figures

This notebook is where a researcher starts: it runs the pipeline over a folder of articles,
loads the tables (`fupin run --tables`, schema in the README), joins money amounts to the
county their sentence names, and plots money and poverty figures per county and year.

Set `FUPIN_CORPUS` to your own folder (any input format `fupin run` reads); by default it
uses the five seed articles bundled with the repository."""),
new_code_cell("""import os
import sys
import tempfile
from pathlib import Path

REPO = Path.cwd().resolve().parent          # the notebook lives in examples/
sys.path.insert(0, str(REPO))               # not needed once the package is installed

from extractor.io.batch import run

CORPUS = Path(os.environ.get("FUPIN_CORPUS", REPO / "corpus"))
WORK = Path(tempfile.mkdtemp(prefix="fupin-notebook-"))
summary = run([str(CORPUS)], str(WORK / "records.jsonl"), jobs=2, tables=str(WORK / "tables"))
summary"""),
new_markdown_cell("## The tables\nOne row per fact; `value` is an exact decimal, `year` an integer, dates are dates."),
new_code_cell("""import pandas as pd

tables = {name: pd.read_parquet(WORK / "tables" / f"{name}.parquet")
          for name in ("articles", "counties", "amounts", "poverty_figures", "mentions")}
{name: len(frame) for name, frame in tables.items()}"""),
new_code_cell("""amounts = tables["amounts"]
amounts[["doc_id", "text", "value", "currency", "relevant", "year", "county", "adcode"]].head(10)"""),
new_markdown_cell("""## Money per county and year

An amount is joined to a county through `adcode` (set when the amount's sentence names
exactly one county). Its year is the year the amount is about when the text says so,
else the article's year (published, else its reference date). Only amounts in CNY that are `relevant` (about
poverty work) count."""),
new_code_cell("""# the year an amount is about: its own year, else the article's year (published, else the
# date the pipeline resolved 今年 against)
articles = tables["articles"][["doc_id", "year"]].rename(columns={"year": "article_year"})
counties = tables["counties"][["doc_id", "name", "adcode", "province", "prefecture"]]

money = (amounts[amounts["relevant"].fillna(False) & (amounts["currency"] == "CNY")
                 & amounts["adcode"].notna()]
         .merge(counties, on=["doc_id", "adcode"], how="inner")
         .merge(articles, on="doc_id", how="left"))
money["year"] = money["year"].fillna(money["article_year"])
money["yuan"] = money["value"].map(float)
money_panel = money.groupby(["name", "year"], as_index=False, dropna=False)["yuan"].sum()
money_panel"""),
new_code_cell("""import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt

plt.rcParams["font.sans-serif"] = ["Noto Sans CJK SC", "WenQuanYi Zen Hei", "SimHei", "DejaVu Sans"]
fig, ax = plt.subplots(figsize=(8, 4))
if len(money_panel):
    pivot = money_panel.pivot(index="name", columns="year", values="yuan").fillna(0) / 1e4
    pivot.plot.bar(ax=ax)
ax.set_ylabel("万元 (relevant amounts)")
ax.set_title("Money per county and year")
fig.tight_layout()"""),
new_markdown_cell("## Poverty figures per county and year\nThe same join for poverty figures (people lifted out of poverty, poor households, incidence rates…)."),
new_code_cell("""figures = (tables["poverty_figures"][tables["poverty_figures"]["adcode"].notna()]
           .merge(counties, on=["doc_id", "adcode"], how="inner")
           .merge(articles, on="doc_id", how="left"))
figures["year"] = figures["year"].fillna(figures["article_year"])
figures["number"] = figures["value"].map(float)
figure_panel = figures.groupby(["name", "metric", "year"], as_index=False, dropna=False)["number"].max()
figure_panel"""),
new_code_cell("""fig, ax = plt.subplots(figsize=(8, 4))
for (name, metric), rows in figure_panel.groupby(["name", "metric"]):
    if rows["year"].notna().any():
        ax.plot(rows["year"].astype(float), rows["number"], marker="o", label=f"{name} {metric}")
ax.set_xlabel("year")
ax.set_title("Poverty figures per county and year")
if ax.get_legend_handles_labels()[0]:
    ax.legend(fontsize="small")
fig.tight_layout()"""),
new_code_cell("""# Every fact leads back to its sentence and to the source file
money[["name", "year", "text", "sentence"]].head(5)"""),
]
nb = new_notebook(cells=cells, metadata={"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}})
nbformat.write(nb, "examples/researcher.ipynb")
