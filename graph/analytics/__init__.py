"""Graph analytics: plain functions on a networkx graph, usable from notebooks.

Each family is a small module; a projection (:mod:`odyssey.graph.projection`)
gives the graph. Heavy measures take ``backend="auto" | "networkx" | "igraph"``:
networkx is the reference, igraph (and leidenalg) the equal-answer fast path.

>>> import networkx as nx
>>> from odyssey.graph.analytics import centrality, communities
>>> centrality(nx.star_graph(3), "degree", top=1)[0].node.id
'0'
"""

from __future__ import annotations

from ._backend import BACKENDS, FAST_MIN_EDGES, has_igraph
from ._results import Node, Score, to_jsonable
from .centrality import MEASURES, centrality
from .centrality import scores as centrality_scores
from .communities import METHODS as COMMUNITY_METHODS
from .communities import Communities, communities
from .crosscase import CrossCase, case_graph, cross_case
from .disruption import MODES, STRATEGIES, Disruption, collective_influence, disrupt
from .lookup import find_entity
from .paths import Path, shortest_paths
from .periods import Periods, periods
from .prediction import METHODS as PREDICTION_METHODS
from .prediction import Prediction, predict_links

__all__ = [
    "BACKENDS",
    "COMMUNITY_METHODS",
    "FAST_MIN_EDGES",
    "MEASURES",
    "MODES",
    "PREDICTION_METHODS",
    "STRATEGIES",
    "Communities",
    "CrossCase",
    "Disruption",
    "Node",
    "Path",
    "Periods",
    "Prediction",
    "Score",
    "case_graph",
    "centrality",
    "centrality_scores",
    "collective_influence",
    "communities",
    "cross_case",
    "disrupt",
    "find_entity",
    "has_igraph",
    "periods",
    "predict_links",
    "shortest_paths",
    "to_jsonable",
]
