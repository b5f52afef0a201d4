"""The actor component: one test per rule on hand-written sentences. All
tests share the session's pipeline; the gold floors are in test_quality."""

from __future__ import annotations

import json

import pytest

from annotator.nlp.actors.component import ActorTagger


@pytest.fixture(scope="module")
def nlp(nlp):
    """The session's pipeline with the actor component only: the claim layer
    adds nothing here and doubles the cost of the long texts."""
    with nlp.select_pipes(disable=["annotator_claims"]):
        yield nlp


def actors(nlp, text: str) -> list[tuple[str, str, str]]:
    doc = nlp(text)  # a SpanGroup needs its Doc alive
    return [(s.text, s.label_, s._.canonical) for s in doc.spans["actors"]]


def texts(nlp, text: str) -> list[str]:
    doc = nlp(text)
    return [s.text for s in doc.spans["actors"]]


# --- metonymy: a capital or seat counts only when it stands for the government


@pytest.mark.parametrize("text, name, state", [
    ("Moscow opposed the deployment of American troops.", "Moscow", "russia"),
    ("Washington's decision surprised its allies.", "Washington", "united-states"),
    ("Putin accused Washington of hypocrisy.", "Washington", "united-states"),
    ("Tensions between Beijing and Washington increased.", "Beijing", "china"),
    ("The Kremlin said the talks were useful.", "Kremlin", "russia"),
    ("Islamabad denied the report.", "Islamabad", "pakistan"),
    ("A Taliban-ruled Afghanistan worries Tashkent.", "Tashkent", "uzbekistan"),
    ("Beijing-backed projects expanded.", "Beijing", "china"),
    ("Kremlin spokesman Dmitry Peskov declined to comment.", "Kremlin", "russia"),
    ("The new tariffs will bring no gains for Moscow, the minister said.", "Moscow", "russia"),
    ("Tariffs hit exports, says report; Islamabad rejects charge", "Islamabad", "pakistan"),
])
def test_seat_standing_for_the_government_is_the_state(nlp, text, name, state):
    assert (name, "state", state) in actors(nlp, text)


@pytest.mark.parametrize("text, name", [
    ("The Taliban's takeover of Kabul shocked the world.", "Kabul"),
    ("Talks were held in Moscow last week.", "Moscow"),
    ("Flights from Kabul airport resumed on Monday.", "Kabul"),
    ("He was lifted onto the throne in the Kremlin.", "Kremlin"),
    ("The Taliban captured Kabul in August.", "Kabul"),
    ("Thousands of people fled to Islamabad.", "Islamabad"),
    ("Kabul-based journalists left the country.", "Kabul"),
    ("Islamabad police spokesman Ali Khan said two men were held.", "Islamabad"),
    ("The delegation left for Moscow on Monday.", "Moscow"),
    ("\"A bad law\", wrote the Islamabad daily pointing out that the vote was rushed.", "Islamabad"),
])
def test_seat_as_a_place_is_not_an_actor(nlp, text, name):
    assert name not in texts(nlp, text)


# --- roles and nominal mentions


def test_title_in_front_of_a_name_is_the_role(nlp):
    doc = nlp("Kazakh President Kassym-Jomart Tokayev met his Russian counterpart Vladimir Putin.")
    roles = {s.text: (s._.role, s._.affiliation) for s in doc.spans["actors"]}
    assert roles["Kassym-Jomart Tokayev"] == ("Kazakh President", "kazakhstan")
    assert roles["Vladimir Putin"] == ("Russian counterpart", "russia")


def test_role_spans_words_and_stops_at_other_names(nlp):
    doc = nlp("Deputy Minister of Foreign Affairs Akan Rakhmetullin met German Chancellor Olaf Scholz "
              "and French President Emmanuel Macron.")
    roles = {s.text: s._.role for s in doc.spans["actors"]}
    assert roles["Akan Rakhmetullin"] == "Deputy Minister of Foreign Affairs"
    assert roles["Emmanuel Macron"] == "French President"


def test_title_after_the_name_is_no_role(nlp):
    doc = nlp("Andrey Kazantsev, analyst for the Russian International Affairs Council, said so.")
    assert doc.spans["actors"][0]._.role is None


def test_nominal_office_names_the_person_titled_so(nlp):
    doc = nlp("Kazakh President Kassym-Jomart Tokayev spoke first. Later the Kazakh President said more.")
    nominal = [s for s in doc.spans["actors"] if s.text == "Kazakh President"]
    assert [(s.label_, s._.canonical, s._.role) for s in nominal] == [
        ("person", "kassym-jomart-tokayev", "Kazakh President")]


def test_nominal_office_without_a_named_holder_is_left_out(nlp):
    assert texts(nlp, "The Kyrgyz president said nothing.") == []


def test_demonym_government_is_the_state(nlp):
    assert actors(nlp, "The Uzbek government said trade had doubled.") == [
        ("Uzbek government", "state", "uzbekistan")]


# --- aliases, acronyms, surnames


def test_aliases_share_one_id(nlp):
    found = actors(nlp, "The U.S. and America and the United States and the US are one.")
    assert {c for _, _, c in found} == {"united-states"} and len(found) == 4


def test_acronym_defined_in_the_text_links_to_the_long_name(nlp):
    found = actors(nlp, "The Eurasian Analytical Club (EAC) published a report. The EAC said risks rose.")
    assert {c for _, _, c in found} == {"eurasian-analytical-club"}
    assert [t for t, _, _ in found] == ["Eurasian Analytical Club", "EAC", "EAC"]


def test_known_acronym_and_long_name_share_the_gazetteer_id(nlp):
    found = actors(nlp, "The Shanghai Cooperation Organization (SCO) met. The SCO agreed.")
    assert {c for _, _, c in found} == {"sco"}


def test_surname_links_to_the_full_name_met_earlier(nlp):
    found = actors(nlp, "Marat Bekmukhanbetov, a lawyer, spoke. Bekmukhanbetov added that clients were beaten.")
    assert found == [("Marat Bekmukhanbetov", "person", "marat-bekmukhanbetov"),
                     ("Bekmukhanbetov", "person", "marat-bekmukhanbetov")]


def test_hyphenated_group_name_before_a_full_stop(nlp):
    assert ("Daesh-K", "group", "islamic-state-khorasan") in actors(nlp, "Groups like Al-Qaeda and Daesh-K.")


def test_names_glued_by_the_tokenizer_are_split(nlp):
    assert actors(nlp, "The U.S.-led coalition left, said the state news agency UzA.") == [
        ("U.S.", "state", "united-states"), ("UzA", "organization", "uza")]


# --- exclusions


@pytest.mark.parametrize("text", [
    "Central Asia and Xinjiang are regions; Afghans and Tajiks fled.",
    "Smugglers were armed with Kalashnikovs and drove a Maserati.",
    "Background\n\nThe region was calm.",
    "The price was paid in US-Dollar by US-American firms.",
    "The Tajik and Uzbek diasporas grew.",
    "Parties signed the Collective Security Treaty.",
])
def test_non_actors_are_left_out(nlp, text):
    assert texts(nlp, text) == []


def test_country_names_count_even_as_places_and_in_compounds(nlp):
    assert texts(nlp, "The US-led forces left the European part of Russia.") == ["US", "Russia"]


@pytest.mark.parametrize("text, name", [
    ("Leaders praised Brazil-Africa ties on Monday.", "Brazil"),  # partners: "ties"
    ("A spike in Syria-Gaza violence was reported.", "Syria"),  # a place in the chain
])
def test_country_joined_to_a_region_or_place_counts(nlp, text, name):
    assert name in texts(nlp, text)


def test_spans_carry_rule_and_score(nlp):
    doc = nlp("Moscow opposed NATO, said Sergey Lavrov.")
    assert [s.text for s in doc.spans["actors"]] == ["Moscow", "NATO", "Sergey Lavrov"]
    for span in doc.spans["actors"]:
        assert span._.rule and 0.0 < span._.score <= 1.0 and span._.canonical


# --- names that hold another: owners, bodies, projects, portfolios, first names


def test_state_owning_a_body_is_two_actors(nlp):
    found = actors(nlp, "The plan was confirmed in a statement from Uzbekistan’s Foreign Ministry on Monday.")
    assert ("Uzbekistan", "state", "uzbekistan") in found
    assert ("Foreign Ministry", "organization", "uzbek-foreign-ministry") in found


def test_body_of_a_known_organisation_is_its_own_actor(nlp):
    assert actors(nlp, "The CSTO Joint Staff said the drills were over.") == [
        ("CSTO Joint Staff", "organization", "csto-joint-staff")]
    # A title after the name is the person's role, not a body.
    assert ("CSTO", "organization", "csto") in actors(nlp, "CSTO Secretary General Stanislav Zas spoke.")


def test_names_in_a_project_name_are_not_actors(nlp):
    text = "Ashgabat revived the Turkmenistan–Afghanistan–Pakistan–India (TAPI) gas pipeline."
    assert texts(nlp, text) == ["Ashgabat"]
    assert texts(nlp, "Russia–China relations improved.") == ["Russia", "China"]


def test_portfolio_before_minister_is_part_of_the_title(nlp):
    text = "China will pay for the base, Interior Minister Ramazon Rahimzoda told lawmakers."
    assert texts(nlp, text) == ["China", "Ramazon Rahimzoda"]


def test_first_name_the_model_left_out_joins_the_surname(nlp):
    found = actors(nlp, "The border is quiet, according to Japarov's press secretary, Erbol Sultanbaev.")
    assert ("Erbol Sultanbaev", "person", "erbol-sultanbaev") in found


@pytest.mark.parametrize("text", [
    "Uzbek troops trained at the Termez range in August.",  # a city's other spelling (geonames: Tirmiz)
    "Aid reached the Gorno-Badakhshan Autonomous Region.",
    "The talks were held at the Termez Cargo Center on Monday.",
])
def test_places_and_venues_are_not_actors(nlp, text):
    assert texts(nlp, text) == []


def test_regions_from_the_country_data_are_places(nlp):
    # ISO 3166-2 subdivisions (pycountry): a region the model calls a person or a body.
    assert texts(nlp, "Ashgabat relies on cotton fields in Lebap and Dashoguz.") == ["Ashgabat"]


@pytest.mark.parametrize("text", [
    "## Downstream responses\n\nWater flows downstream to the fields.",  # heading words
    "Investigators found two Makarov pistols.",  # a product
    "The group planned to drive a Lada into a checkpoint.",  # "a" + name: a thing
    "Russia blamed Ukraine for the Crocus attack.",  # an event
    "The border town of Serhetabat hosted the ceremony.",
])
def test_things_named_like_actors_are_left_out(nlp, text):
    assert not any(t in ("Downstream", "Makarov", "Lada", "Crocus", "Serhetabat") for t in texts(nlp, text))


def test_a_nationality_does_not_start_a_name(nlp):
    assert actors(nlp, "Forces killed several Tajik ISKP commanders.") == [
        ("ISKP", "group", "islamic-state-khorasan")]


def test_a_name_beside_its_kind_is_an_actor_of_that_kind(nlp):
    assert actors(nlp, "The state gas company Turkmengaz will lead the consortium.") == [
        ("Turkmengaz", "organization", "turkmengaz")]


def test_names_glued_into_a_route_are_not_actors(nlp):
    assert "Hairatan–Mazar" not in texts(nlp, "The ADB paid for the Hairatan–Mazar-i-Sharif line.")
    assert texts(nlp, "Beijing-backed projects expanded.") == ["Beijing"]


def test_nominal_leader_unspecific_and_appositive_titles(nlp):
    found = actors(nlp, "Kassym-Jomart Tokayev met Putin. «We will not send troops,» the Kazakh leader said.")
    assert ("Kazakh leader", "person", "kassym-jomart-tokayev") in found
    assert texts(nlp, "The canal is larger than any that no previous Afghan government attempted.") == []
    assert texts(nlp, "The Russian President, Vladimir Putin, spoke.") == ["Vladimir Putin"]


def test_a_body_inside_another_is_two_actors(nlp):
    text = "Most seizures were made by the Border Troops of the State Committee for National Security."
    assert texts(nlp, text) == ["Border Troops", "State Committee for National Security"]
    assert texts(nlp, "The Ministry of Foreign Affairs of Uzbekistan said nothing.") == [
        "Ministry of Foreign Affairs of Uzbekistan"]


def test_a_name_that_is_a_place_once_is_a_place_throughout(nlp):
    assert texts(nlp, "The Taliban dug the Qosh Tepa canal. Qosh Tepa changes everything.") == ["Taliban"]
    # A body's name may end in a place: the fund is an actor.
    assert "International Fund for Saving the Aral Sea" in texts(
        nlp, "The International Fund for Saving the Aral Sea (IFAS) is the only body.")


def test_title_read_into_an_organisation_name_is_a_role(nlp):
    doc = nlp("Kazakh President Kassym-Jomart Tokayev, the host, stressed that security matters.")
    (span,) = [s for s in doc.spans["actors"]]
    assert (span.text, span.label_, span._.canonical) == ("Kassym-Jomart Tokayev", "person", "kassym-jomart-tokayev")


def test_a_dateline_city_is_where_the_story_was_filed(nlp):
    assert "DUSHANBE" not in texts(nlp, "Seizures rose.\n\nDUSHANBE, June 26 — The agency said so.")


def test_review_regressions(nlp):
    assert texts(nlp, "SCO Holds Board Meeting In Tashkent\n\nThe meeting ended.") == ["SCO"]
    assert "Kazatomprom" in texts(nlp, "A Kazatomprom spokesman told Reuters the mine would close.")
    assert texts(nlp, "The Russia–China relations road map was signed.") == ["Russia", "China"]
    # A text cut after "of": no IndexError, and no name ends in "of".
    assert texts(nlp, "Most seizures were made by the Border Troops of") == ["Border Troops"]


def test_names_on_a_long_line_are_kept(nlp):
    sentence = "Moscow opposed the plan, and Tokayev spoke in Astana. "
    doc = nlp(sentence * 400)  # one line of 22k characters: no heading (its cost is in bench, not here)
    assert sum(s.text == "Tokayev" for s in doc.spans["actors"]) == 400


def test_outlets_places_and_holidays(nlp):
    assert "IRNA" in texts(nlp, "Kazem Gharibabadi told the IRNA news agency in Tehran that talks went well.")
    assert texts(nlp, "Islamabad has closed the Torkham and Chaman crossings.") == ["Islamabad"]
    assert texts(nlp, "The plot targeted a market during the Navruz holiday.") == []


# --- held-out news in the style of the region's press (not from the gold texts)

HELD_OUT = (
    "Kyrgyz Foreign Minister Ruslan Kazakbaev met Uzbek officials in Tashkent on Monday. "
    "Kazakbaev said the Kyrgyz Interior Ministry would open new border posts. "
    "Russia's Deputy Foreign Minister Andrei Rudenko told RIA Novosti that Moscow is ready to help. "
    "Kabul was calm on Friday, residents said. The Taliban said Kabul would honour all agreements. "
    "Observers in Bishkek say the Kremlin played a quiet role. Beijing's envoy praised the deal."
)


def test_held_out_news_paragraph(nlp):
    doc = nlp(HELD_OUT)
    found = {(s.text, s.label_, s._.canonical, s._.role) for s in doc.spans["actors"]}
    assert found == {
        ("Ruslan Kazakbaev", "person", "ruslan-kazakbaev", "Kyrgyz Foreign Minister"),
        ("Kazakbaev", "person", "ruslan-kazakbaev", None),
        ("Kyrgyz Interior Ministry", "organization", "kyrgyz-interior-ministry", None),
        ("Russia", "state", "russia", None),
        ("Andrei Rudenko", "person", "andrei-rudenko", "Russia's Deputy Foreign Minister"),
        ("RIA Novosti", "organization", "ria-novosti", None),
        ("Moscow", "state", "russia", None),
        ("Taliban", "group", "taliban", None),
        ("Kabul", "state", "afghanistan", None),
        ("Kremlin", "state", "russia", None),
        ("Beijing", "state", "china", None),
    }
    # "in Tashkent", "Kabul was calm" and "in Bishkek" are places.
    assert [s.start_char for s in doc.spans["actors"] if s.text == "Kabul"] == [HELD_OUT.index("Kabul would")]


# --- the user's own actors file


def test_user_file_adds_and_excludes_actors(nlp, tmp_path):
    user = tmp_path / "actors.jsonl"
    rows = [{"id": "steppe-watch", "type": "organization", "aliases": ["Steppe Watch"]},
            {"id": "mine", "type": "exclude", "aliases": ["Taliban"]}]
    user.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    tagger = ActorTagger(nlp, user_actors=str(user), spans_key="mine")
    with nlp.select_pipes(disable=["annotator_actors"]):
        doc = tagger(nlp("Steppe Watch said the Taliban had won."))
    assert [(s.text, s._.canonical) for s in doc.spans["mine"]] == [("Steppe Watch", "steppe-watch")]


def test_user_file_errors_say_where(nlp, tmp_path):
    from annotator.errors import InputError

    user = tmp_path / "actors.jsonl"
    user.write_text('{"id": "x", "type": "person"}\n{broken\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"actors.jsonl:2"):
        ActorTagger(nlp, user_actors=str(user))
