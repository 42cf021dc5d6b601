"""The actor knowledge base: who is who in Arabic news, as validated data files.

>>> kb = KnowledgeBase.load()
>>> [a.code for a in kb.lookup("الكرملين")]
['RUSGOV']
"""

from hadath.actors.agents import Agents, Group
from hadath.actors.kb import KnowledgeBase, key, loose_key, strip_article
from hadath.actors.schema import Actor, DatedCode, Role

__all__ = [
    "Actor",
    "Agents",
    "DatedCode",
    "Group",
    "KnowledgeBase",
    "Role",
    "key",
    "loose_key",
    "strip_article",
]
