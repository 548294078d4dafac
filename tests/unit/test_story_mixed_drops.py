"""Story clustering on mixed drops (issue 13: one 2025 event, three 2026 events of one kind, distractors) and
story ids kept across a rebuild; split from test_stories.py, whose helpers it reuses."""
from __future__ import annotations

from datetime import datetime, timedelta, UTC

import pytest

from tasks import stories

from test_stories import REHAB, T0, TALKS, art, assign

# ---- a real mixed drop: one 2025 event, three 2026 events of one kind, unrelated distractors (issue 13)

def _mixed_drop(extra_distractors=()) -> tuple[list[dict], dict[str, str]]:
    """Hand-written reports (not copies of any crawl): (articles, gold event per article; 'x:' = distractor)."""
    may = datetime(2025, 5, 19, 18, tzinfo=UTC)
    feb = datetime(2026, 2, 1, 9, tzinfo=UTC)
    call = [
        ("Putin tells Trump Moscow is open to a peace memorandum",
         "Russian President Vladimir Putin told U.S. President Donald Trump during a two-hour phone call on "
         "Monday that Moscow was ready to work with Kyiv on a memorandum about a future peace accord. Putin "
         "said the root causes of the conflict had to be eliminated. Trump called the conversation excellent "
         "and said Russia and Ukraine would start ceasefire negotiations immediately.", may),
        ("Trump and Putin speak for two hours",
         "Donald Trump said after his call with Vladimir Putin that talks between Russia and Ukraine on a "
         "ceasefire would begin at once, and that the Vatican had offered to host them. The Kremlin said Putin "
         "proposed a memorandum on a possible peace treaty. Volodymyr Zelensky said Kyiv was ready for a full "
         "ceasefire.", may + timedelta(hours=5)),
        ("Kremlin: the Putin–Trump call was frank and useful",
         "Yuri Ushakov, an aide to Vladimir Putin, said the May 19 phone call with Donald Trump was frank and "
         "useful. Putin thanked Trump for supporting direct talks between Moscow and Kyiv and said Russia would "
         "propose a memorandum setting out the principles of a settlement and a possible ceasefire.", None),
        ("Zelensky reacts to Trump's call with Putin",
         "Volodymyr Zelensky spoke to Donald Trump before and after the president's two-hour call with Vladimir "
         "Putin on Monday. Zelensky said Ukraine would not withdraw its troops from its own territory and that "
         "Kyiv wanted an unconditional ceasefire before any memorandum. European leaders joined a later call.",
         None),
    ]
    rounds = {
        "abu": ("Abu Dhabi", "February 4", feb + timedelta(days=3), "Rustem Umerov", "Igor Kostyukov",
                "an exchange of 314 prisoners", "the United Arab Emirates"),
        "gen": ("Geneva", "February 17", feb + timedelta(days=16), "Kyrylo Budanov", "Vladimir Medinsky",
                "a draft map of the front line in Zaporizhzhia", "Switzerland"),
        "ist": ("Istanbul", "March 10", feb + timedelta(days=37), "Andrii Sybiha", "Sergei Lavrov",
                "the safety of shipping in the Black Sea", "Turkey"),
    }
    arts = [art(f"call{k}", t, b, w, f"outlet{k}") for k, (t, b, w) in enumerate(call)]
    gold = {f"call{k}": "call" for k in range(len(call))}
    for key, (city, day, when, ua, ru, topic, host) in rounds.items():
        reports = [
            (f"Ukraine and Russia hold talks in {city}",
             f"Ukrainian and Russian delegations met in {city} on {day} for a new round of U.S.-brokered talks. "
             f"{ua} led the Ukrainian side and {ru} the Russian one. The two days of talks focused on {topic}, "
             f"officials from {host} said.", when),
            (f"{city} round ends without a breakthrough",
             f"The talks in {city} ended on {day} with no agreement on a ceasefire, {ua} said. {ru} told "
             f"reporters Moscow had presented its position on {topic}. Hosts in {host} said the delegations "
             f"agreed to keep working.", when + timedelta(hours=20)),
            (f"What we know about the {city} talks",
             f"Negotiators led by {ua} and {ru} spent two days in {city} discussing {topic}. The round, hosted "
             f"by {host} on {day}, followed earlier meetings; U.S. envoys attended.", None),
        ]
        for k, (t, b, w) in enumerate(reports):
            arts.append(art(f"{key}{k}", t, b, w, f"outlet{k}"))
            gold[f"{key}{k}"] = key
    distractors = [
        ("Oil prices climb as OPEC+ holds output",
         "Brent crude rose 2.1 percent to $84.30 a barrel after OPEC+ delegates said production cuts would stay "
         "in place. West Texas Intermediate gained 1.9 percent to $80.12 as traders watched inventories.",
         feb + timedelta(days=16)),
        ("Striker scores twice as Shakhtar beat Dynamo",
         "Shakhtar Donetsk beat Dynamo Kyiv 2-0 in the Ukrainian Premier League on Sunday, with both goals "
         "from Brazilian forward Kevin in front of 12,000 fans in Lviv.", feb + timedelta(days=17)),
        ("Actor checks into rehab after relapse",
         REHAB.format(name="Ann Lee", place="Malibu", event="a relapse", last="Lee", festival="Cannes", age=41),
         None),
    ] + list(extra_distractors)
    for k, (t, b, w) in enumerate(distractors):
        arts.append(art(f"x{k}", t, b, w, f"outlet{k}"))
        gold[f"x{k}"] = f"x:{k}"
    return arts, gold


def _story_errors(arts: list[dict], gold: dict[str, str]) -> list[str]:
    """What keeps the drop from one story per event: an event split over stories, or a story shared by events."""
    story, _, _ = assign(arts)
    by_event: dict[str, set[str]] = {}
    for aid, ev in gold.items():
        by_event.setdefault(ev, set()).add(story[aid])
    errors = [f"{ev} split over {sorted(sids)}" for ev, sids in by_event.items() if len(sids) > 1]
    owners: dict[str, list[str]] = {}
    for ev, sids in by_event.items():
        for sid in sids:
            owners.setdefault(sid, []).append(ev)
    errors += [f"story {sid} holds {evs}" for sid, evs in owners.items() if len(evs) > 1]
    return errors


def test_a_mixed_drop_gives_one_story_per_event_and_no_distractor_inside():
    """One 2025 call (two reports undated, one naming its date), three 2026 rounds of talks of one kind
    (same parties, different city, date, negotiators and subject), unrelated distractors."""
    assert _story_errors(*_mixed_drop()) == []


BROAD = [
    ("Four years of war: where things stand",
     "Four years after the full-scale invasion, Russia holds about a fifth of Ukraine. Vladimir Putin, "
     "Volodymyr Zelensky and Donald Trump have spoken many times; talks in Istanbul, Abu Dhabi and Geneva "
     "produced prisoner exchanges but no ceasefire. Europe has sent weapons, sanctions have grown, and "
     "Kyiv, Kharkiv, Odesa and Zaporizhzhia come under drone attacks almost nightly.", None),
    ("European gas prices fall while traders watch Geneva",
     "Dutch TTF gas futures fell 4 percent to 31 euros a megawatt hour as mild weather cut demand in Germany "
     "and France. Traders also watched the talks in Geneva, but analysts said storage levels mattered more.",
     datetime(2026, 2, 17, 12, tzinfo=UTC)),
]


@pytest.mark.xfail(strict=True, reason=(
    "known gap: an undated explainer naming the leaders of the 2025 call joins the call's story (the gas "
    "report that mentions the Geneva talks in one sentence stays out; a minimum share of the article's own "
    "tf-idf weight covered by the story was tried: it did not keep the explainer out and cost BASIL dated "
    "B-cubed 0.972 -> 0.966)"))
def test_a_mixed_drop_keeps_explainers_and_passing_mentions_out():
    assert _story_errors(*_mixed_drop(BROAD)) == []


def test_a_rebuilt_story_with_the_same_members_keeps_its_id(tmp_path):
    """After a rebuild (or --full-refresh) a story whose members are exactly an old story's keeps the old id,
    even when another member comes first in the canonical order; a story with other members does not."""
    from tasks.stories.io import _keep_story_ids
    a = art("a", "Lachin talks in Geneva", TALKS.format(n="first", place="Karabakh", topic="maps"), T0, "x")
    b = art("b", "Lachin corridor talks", TALKS.format(n="first", place="Karabakh", topic="roads"), T0, "y")
    c = art("c", "Actor checks into rehab", REHAB.format(name="Ann Lee", place="Malibu", event="a relapse",
                                                        last="Lee", festival="Cannes", age=41), T0, "z")
    _, old = stories.assign_articles([a, b, c], {})
    assert old.memberships() == {"a": frozenset("ab"), "c": frozenset("c")}
    old.rename_story(old.stories["a"], "b")              # as if b had arrived first
    _, new = stories.assign_articles([a, b], {})
    _keep_story_ids(new, old)
    assert new.memberships() == {"b": frozenset("ab")}
    assert new.articles["a"][0] == "b"
    new.save(tmp_path)
    assert stories.StoryIndex.load(tmp_path).memberships() == {"b": frozenset("ab")}      # saved under its new id
    _, other = stories.assign_articles([a, b, c], {})
    old.rename_story(old.stories["b"], "a")
    _keep_story_ids(other, old)
    assert set(other.stories) == {"a", "c"}
