"""A hand-built corpus shaped like the seed: two articles, ~15 entities, ~15 events between 4 people.

The texts are written for these tests; offsets are computed from them, so mentions always match.
"""
from __future__ import annotations

import datetime as dt
import re

from graph.records import Document, DocumentGraph, Entity, Event, Mention, Role

ARTICLE_1 = (
    "President Joe Biden called Donald Trump on Wednesday to congratulate him on his election victory. "
    "Biden invited Trump to a meeting at the White House in Washington. "
    "Trump accepted the invitation, according to Karoline Leavitt, a spokeswoman for the Trump campaign. "
    "Vice President Kamala Harris also called Trump from Washington and conceded the race. "
    "Harris said she would help with a peaceful transfer of power. "
    "Karine Jean-Pierre, the White House press secretary, said Biden would meet Trump next week. "
    "Trump praised Biden in a post on Truth Social. "
    "The Democratic Party criticised the Republican Party over the campaign in Pennsylvania."
)
ARTICLE_2 = (
    "Joe Biden met Donald Trump in the Oval Office on Wednesday. "
    "Biden welcomed Trump to Washington and the two spoke for two hours. "
    "Trump thanked Biden for a smooth transition. "
    "Kamala Harris spoke with Joe Biden by phone from Delaware. "
    "Jean-Pierre said Biden and Trump agreed on a plan for the transition. "
    "Biden will visit Florida next month, Jean-Pierre said."
)
DATE_1, DATE_2 = dt.date(2024, 11, 7), dt.date(2024, 11, 13)


def mention(text: str, phrase: str, nth: int = 0) -> Mention:
    begin = [m.start() for m in re.finditer(re.escape(phrase), text)][nth]
    sentence_begin = text.rfind(". ", 0, begin)
    sentence_begin = 0 if sentence_begin < 0 else sentence_begin + 2
    sentence_end = text.find(". ", begin)
    sentence_end = len(text) if sentence_end < 0 else sentence_end + 1
    return Mention(begin, begin + len(phrase), phrase, sentence_begin, sentence_end)


def entity(text: str, key: str, kind: str, name: str, *surface: str, roles=()) -> Entity:
    mentions = tuple(mention(text, s, i) for s in dict.fromkeys(surface)
                     for i in range(text.count(s)))
    return Entity(key, kind, name, aliases=tuple(dict.fromkeys(surface)), mentions=mentions, roles=tuple(roles))


def event(text: str, number: int, kind: str, trigger: str, nth: int = 0, **roles) -> Event:
    return Event(id=f"e{number}", kind=kind, trigger=trigger, mentions=(mention(text, trigger, nth),), **roles)


BIDEN, TRUMP, HARRIS, KJP = "person/joe-biden", "person/donald-trump", "person/kamala-harris", "person/karine-jean-pierre"


def article_1() -> DocumentGraph:
    t, d = ARTICLE_1, DATE_1
    entities = (
        entity(t, BIDEN, "Person", "Joe Biden", "Joe Biden", "Biden", roles=[Role("President")]),
        entity(t, TRUMP, "Person", "Donald Trump", "Donald Trump", "Trump"),
        entity(t, HARRIS, "Person", "Kamala Harris", "Kamala Harris", "Harris", roles=[Role("Vice President")]),
        entity(t, KJP, "Person", "Karine Jean-Pierre", "Karine Jean-Pierre",
               roles=[Role("press secretary", "organization/white-house")]),
        entity(t, "person/karoline-leavitt", "Person", "Karoline Leavitt", "Karoline Leavitt", roles=[Role("spokeswoman")]),
        entity(t, "organization/white-house", "Organization", "White House", "White House"),
        entity(t, "organization/democratic-party", "Organization", "Democratic Party", "Democratic Party"),
        entity(t, "organization/republican-party", "Organization", "Republican Party", "Republican Party"),
        entity(t, "organization/truth-social", "Organization", "Truth Social", "Truth Social"),
        entity(t, "place/washington", "Place", "Washington", "Washington"),
        entity(t, "place/pennsylvania", "Place", "Pennsylvania", "Pennsylvania"),
    )
    events = (
        event(t, 1, "PhoneCall", "called", agent=BIDEN, recipient=TRUMP, date=d),
        event(t, 2, "Congratulation", "congratulate", agent=BIDEN, recipient=TRUMP, date=d),
        event(t, 3, "Invitation", "invited", agent=BIDEN, recipient=TRUMP, date=d, location="organization/white-house"),
        event(t, 4, "PhoneCall", "called", 1, agent=HARRIS, recipient=TRUMP, date=d, location="place/washington"),
        event(t, 5, "Concession", "conceded", agent=HARRIS, recipient=TRUMP, date=d),
        event(t, 6, "Statement", "said", agent=HARRIS, date=d, quote="she would help with a peaceful transfer of power"),
        event(t, 7, "Meeting", "meet", agent=BIDEN, recipient=TRUMP, date=dt.date(2024, 11, 13), planned=True),
        event(t, 8, "Statement", "said", 1, agent=KJP, date=d, reports=("e7",)),
        event(t, 9, "Praise", "praised", agent=TRUMP, recipient=BIDEN, date=d),
        event(t, 10, "Criticism", "criticised", agent="organization/democratic-party",
              recipient="organization/republican-party", location="place/pennsylvania", date=d),
    )
    return DocumentGraph(Document("article-1", t, d, title="Biden calls Trump"), entities, events)


def article_2() -> DocumentGraph:
    t, d = ARTICLE_2, DATE_2
    entities = (
        entity(t, BIDEN, "Person", "Joe Biden", "Joe Biden", "Biden"),
        entity(t, TRUMP, "Person", "Donald Trump", "Donald Trump", "Trump"),
        entity(t, HARRIS, "Person", "Kamala Harris", "Kamala Harris"),
        entity(t, KJP, "Person", "Karine Jean-Pierre", "Jean-Pierre"),
        entity(t, "place/oval-office", "Place", "Oval Office", "Oval Office"),
        entity(t, "place/washington", "Place", "Washington", "Washington"),
        entity(t, "place/delaware", "Place", "Delaware", "Delaware"),
        entity(t, "place/florida", "Place", "Florida", "Florida"),
    )
    events = (
        event(t, 1, "Meeting", "met", agent=BIDEN, recipient=TRUMP, date=d, location="place/oval-office"),
        event(t, 2, "Visit", "welcomed", agent=TRUMP, recipient=BIDEN, date=d, location="place/washington"),
        event(t, 3, "Praise", "thanked", agent=TRUMP, recipient=BIDEN, date=d),
        event(t, 4, "PhoneCall", "spoke", 1, agent=HARRIS, recipient=BIDEN, date=d, location="place/delaware"),
        event(t, 5, "Agreement", "agreed", participants=(BIDEN, TRUMP), date=d),
        event(t, 6, "Visit", "visit", agent=BIDEN, location="place/florida", date=dt.date(2024, 12, 13), planned=True),
        event(t, 7, "Statement", "said", 1, agent=KJP, date=d),
    )
    return DocumentGraph(Document("article-2", t, d, title="Biden hosts Trump"), entities, events)


def seed_like() -> list[DocumentGraph]:
    return [article_1(), article_2()]
