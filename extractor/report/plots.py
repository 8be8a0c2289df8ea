"""Pictures of the panels (matplotlib, installed with the ``test`` extras or by you):
the pairing network and a county × year panel. Used by ``examples/panels_network.ipynb``
and ``scripts/docs_pictures.py``.
"""
from __future__ import annotations

from typing import Any, Optional

#: Fonts with Chinese glyphs, in order of preference (Debian: fonts-noto-cjk).
CJK_FONTS = ("Noto Sans CJK SC", "Noto Sans CJK JP", "Source Han Sans SC", "WenQuanYi Zen Hei",
             "SimHei", "Microsoft YaHei", "PingFang SC")


def use_cjk_font() -> Optional[str]:
    """Make matplotlib draw Chinese labels with the first CJK font installed; its name, or
    None when there is none (labels then show as boxes)."""
    import matplotlib
    from matplotlib import font_manager
    installed = {f.name for f in font_manager.fontManager.ttflist}
    for name in CJK_FONTS:
        if name in installed:
            matplotlib.rcParams["font.sans-serif"] = [name, *matplotlib.rcParams["font.sans-serif"]]
            matplotlib.rcParams["font.family"] = "sans-serif"
            matplotlib.rcParams["axes.unicode_minus"] = False
            return name
    return None


def plot_network(graph: Any, ax: Any = None, *, title: str = "helper → recipient",
                 min_component: int = 1) -> Any:
    """Draw the pairing network (``panels.network(...)``): helpers orange, recipients
    blue, edge width by the number of articles stating the pairing. ``min_component``
    leaves out groups of fewer places (a big corpus has many lone pairs)."""
    import matplotlib.pyplot as plt
    import networkx as nx
    if ax is None:
        _, ax = plt.subplots(figsize=(11, 8))
    use_cjk_font()
    keep = [n for c in nx.weakly_connected_components(graph) if len(c) >= min_component for n in c]
    graph = graph.subgraph(sorted(keep))
    if graph.number_of_nodes() == 0:
        ax.text(0.5, 0.5, "no pairings in these records", ha="center", va="center")
        ax.set_axis_off()
        return ax
    pos = _layout(nx.Graph(graph))
    colors = ["#f28e2b" if graph.out_degree(n) else "#4e79a7" for n in graph.nodes]
    sizes = [90 + 45 * graph.degree(n) for n in graph.nodes]
    widths = [0.8 + 0.8 * graph.edges[e].get("articles", 1) for e in graph.edges]
    nx.draw_networkx_edges(graph, pos, ax=ax, width=widths, edge_color="#999999",
                           arrowsize=12, alpha=0.8, node_size=sizes)
    nx.draw_networkx_nodes(graph, pos, ax=ax, node_color=colors, node_size=sizes, alpha=0.9)
    nx.draw_networkx_labels(graph, pos, ax=ax, font_size=7,
                            font_family=plt.rcParams["font.sans-serif"][0])
    ax.set_title(title)
    ax.set_axis_off()
    return ax


def _layout(graph: Any) -> dict:
    """Each connected group laid out on its own (Kamada-Kawai), the groups in rows, larger
    groups first and in larger cells, so that small groups do not crowd the big one."""
    import networkx as nx
    groups = sorted((sorted(c) for c in nx.connected_components(graph)), key=lambda c: (-len(c), c))
    row_width = max(len(groups[0]) ** 0.5, (graph.number_of_nodes() ** 0.5) * 1.3)
    pos, x, y, row_height = {}, 0.0, 0.0, 0.0
    for group in groups:
        size = len(group) ** 0.5
        if x and x + size > row_width:
            x, y, row_height = 0.0, y - row_height, 0.0
        sub = nx.kamada_kawai_layout(graph.subgraph(group)) if len(group) > 2 else \
            {n: (i - 0.5, 0.0) for i, n in enumerate(group)}
        for n, (px, py) in sub.items():
            pos[n] = (x + size / 2 + px * size * 0.42, y - size / 2 + py * size * 0.42)
        x += size
        row_height = max(row_height, size)
    return pos


def plot_county_year(frame: Any, ax: Any = None, *, value: str = "relevant_cny",
                     top: int = 12) -> Any:
    """Bars of one county × year column (default: relevant CNY amounts, in 亿元) for the
    counties with the largest totals, one bar per year."""
    import matplotlib.pyplot as plt
    if ax is None:
        _, ax = plt.subplots(figsize=(10, 5))
    use_cjk_font()
    data = frame[frame["adcode"] != ""]
    if data.empty or not data[value].sum():
        ax.text(0.5, 0.5, f"no {value} in these records", ha="center", va="center")
        ax.set_axis_off()
        return ax
    table = data.pivot_table(index="county", columns="year", values=value, aggfunc="sum",
                             fill_value=0)
    table = table.loc[table.sum(axis=1).sort_values(ascending=False).index[:top]]
    if value == "relevant_cny":
        table = table / 1e8
    table.plot.barh(ax=ax, stacked=True)
    ax.invert_yaxis()
    ax.set_xlabel("亿元 (relevant amounts)" if value == "relevant_cny" else value)
    ax.set_ylabel("")
    return ax
