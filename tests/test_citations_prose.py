"""Citations wherever and however real notes write them (issue 12): works cited by
title anywhere in a note, bibliography-style and title-only works, Markdown link
titles, Ibid. after prose, in-prose author-date citations, Chicago author-date
reference entries, and the pinpoint rules (an article's own page range is none)."""

from annotator.citations.parse import parse_note
from annotator.readers import read_text


def cites(text):
    found = parse_note(text, 0)
    for c in found:
        assert text[c.start:c.end] == c.text
    return found


def fields(c):
    return c.text, c.authors, c.year, c.locator


def test_full_note_article_page_range_is_no_locator():
    (c,) = cites("Ann Hale, “Rivers and Rule,” *Journal of Water* 12, no. 3 (1998): 201–19.")
    assert fields(c) == ("Ann Hale, “Rivers and Rule,” *Journal of Water* 12, no. 3 (1998): 201–19", "Ann Hale",
                         "1998", "")


def test_full_note_article_single_page_is_the_locator():
    (c,) = cites("Ann Hale, “Rivers and Rule,” _Journal of Water_ 12, no. 3 (1998): 204.")
    assert (c.year, c.locator) == ("1998", "204")


def test_book_page_range_is_the_locator():
    (c,) = cites("Ann Hale, _Rivers and Rule_ (Leeds: Dale Press, 2004), 31–33.")
    assert (c.year, c.locator) == ("2004", "31–33")


def test_pinpoint_phrase_inside_the_note():
    (c,) = cites("Bo Lind, “Dams,” _Water Review_, vol. 4, no. 2 (May 2001), pp. 10–30, quoted on p. 12.")
    assert c.locator == "12"


def test_chapter_in_a_book_range_is_no_locator_but_a_page_is():
    (a,) = cites("Bo Lind, ‘Dams’, in *Water and Power*, ed. Cy Moss (Oslo: Fjord, 1990), 44–60.")
    (b,) = cites("Bo Lind, ‘Dams’, in *Water and Power*, ed. Cy Moss (Oslo: Fjord, 1990), 47.")
    assert (a.authors, a.year, a.locator, b.locator) == ("Bo Lind", "1990", "", "47")


def test_work_after_a_sentence_of_prose_with_prose_prefix():
    (c,) = cites("The figure is contested. Ann Hale, ‘Rivers’, *Water News*, 3 May 2011, https://example.org/r.")
    assert fields(c) == ("Ann Hale, ‘Rivers’, *Water News*, 3 May 2011, https://example.org/r", "Ann Hale",
                         "2011", "")
    assert c.prefix == "The figure is contested."


def test_two_works_in_one_sentence_and_suffix_prose():
    found = cites("See Hale, A., [\"Rivers\"](http://x.org/r), 12 Mar 2010 for the data, and Lind, B., "
                  "[\"Dams\"](http://x.org/d), 2 Apr 2012 for a rebuttal.")
    assert [(c.authors, c.year) for c in found] == [("Hale, A.", "2010"), ("Lind, B.", "2012")]
    assert found[0].prefix == "See"
    assert found[1].suffix == "for a rebuttal."


def test_bibliography_style_names_and_a_date_after_the_title():
    (c,) = cites('Hale, Ann, and Bo Lind. "Rivers Revisited," June 4, 2015. <https://example.org/rr>')
    assert fields(c) == ('Hale, Ann, and Bo Lind. "Rivers Revisited," June 4, 2015. <https://example.org/rr>',
                         "Hale, Ann, and Bo Lind", "2015", "")


def test_titles_without_author_and_semicolons_inside_titles():
    found = cites('"Dam Bursts; Town Flooded" _The Daily Post_, May 2, 1931, 4. <https://example.org>; '
                  '"Rain Again" _The Daily Post_, May 3, 1931, 1.')
    assert [(c.authors, c.year, c.locator) for c in found] == [("", "1931", ""), ("", "1931", "")]
    assert found[0].text.startswith('"Dam Bursts; Town Flooded"')


def test_titled_prose_is_no_citation():
    assert cites("*Rivers* is a well-known poem, and ‘rivers’ a word the author likes.") == []


def test_newspaper_page_after_the_issue_date_is_no_locator():
    (c,) = cites("Ann Hale, ‘Rivers’, *Water News*, 3 May 2011, 7.")
    assert (c.year, c.locator) == ("2011", "")


def test_access_date_gives_no_year():
    (c,) = cites("River Trust, ‘About Us’ (River Trust), accessed 9 May 2019, https://example.org/about.")
    assert (c.authors, c.year) == ("River Trust", "")


def test_link_author_date_with_pages():
    (c,) = cites("See [Hale, 2012](/docs/hale.pdf), pp. 41-42.")
    assert fields(c) == ("[Hale, 2012](/docs/hale.pdf), pp. 41-42", "Hale", "2012", "41-42")


def test_ibid_after_prose_and_after_see():
    found = cites("River Trust, ‘Annual Report’, 3 May 2011, 7. The report is short – see Ibid.")
    assert [c.text for c in found] == ["River Trust, ‘Annual Report’, 3 May 2011, 7", "Ibid."]
    assert (found[1].authors, found[1].locator) == ("River Trust", "7")


def test_parenthetical_author_date_in_mid_prose():
    found = cites("Hale argued this later (Hale 1998, 84), though few followed.")
    assert [fields(c) for c in found] == [("Hale 1998, 84", "Hale", "1998", "84")]


def test_chicago_author_date_reference_entry_with_pinpoint():
    (c,) = cites("Hale, Ann. 2004. Rivers and Rule. Leeds: Dale Press. 31-33.")
    assert fields(c) == ("Hale, Ann. 2004. Rivers and Rule. Leeds: Dale Press. 31-33", "Hale, Ann", "2004",
                         "31-33")
    (d,) = cites("Lind, Bo R. 2010. Dams. Oslo: Fjord. Chapter 2.")
    assert (d.authors, d.locator) == ("Lind, Bo R.", "Chapter 2")


def test_markdown_lazy_continuation_and_escaped_brackets():
    doc = read_text("Body\\[^x\\] text.[^1]\n\n[^1]: First line\nlazy second line.\n\nNext paragraph.\n", "d")
    assert [m.label for m in doc.markers] == ["1"]
    assert doc.notes[0].text == "First line\nlazy second line."


def test_any_lead_in_wording_before_an_author_date_citation():
    (c,) = cites("This builds on Hale 1998, 84.")
    assert (c.text, c.authors, c.prefix) == ("Hale 1998, 84", "Hale", "This builds on")
    (d,) = cites("The classic account is Weber 1922, 252.")
    assert (d.authors, d.locator, d.prefix) == ("Weber", "252", "The classic account is")


def test_prose_words_before_a_year_are_no_author():
    assert cites("Troops entered Kabul in 2001.") == []
    assert cites("The war of 1998 ended quickly.") == []


def test_mid_sentence_cluster_with_prefixes_inside():
    found = cites("Dams spread fast (see also Hale 1998, 84; cf. Lind 2001) in the north.")
    assert [(c.text, c.prefix) for c in found] == [("Hale 1998, 84", "see also"), ("Lind 2001", "cf.")]
    assert found[-1].suffix == "in the north."


def test_publication_data_in_parentheses_is_no_cluster():
    (c,) = cites("Ann Hale, Rivers of the North: A History (Leeds: Dale Press, 2004), 31.")
    assert (c.authors, c.year, c.locator) == ("Ann Hale", "2004", "31")


def test_narrative_possessive_names_the_author():
    (c,) = cites("Hale's (1998) account is the standard one.")
    assert (c.text, c.authors, c.year) == ("Hale's (1998)", "Hale", "1998")


def test_one_author_several_works_and_cluster_prefixes():
    found = cites("Weber 1905, 36, 1922.")
    assert [(c.authors, c.year, c.locator) for c in found] == [("Weber", "1905", "36"), ("Weber", "1922", "")]
    found = cites("See, for example, Hale 1998; and, later, Lind 2001, 4.")
    assert [(c.authors, c.prefix) for c in found] == [("Hale", "See, for example"), ("Lind", "and, later")]


def test_lower_case_ibid_after_prose():
    (c,) = cites("On this, see ibid., 61.")
    assert (c.text, c.ibid, c.locator) == ("ibid., 61", True, "61")


def test_locator_forms():
    want = {"107ff": "107ff", "107f.": "107f",  # the note's full stop is no part of it
            "61:164": "61:164", "sec. 4.5": "sec. 4.5", "Figure 8": "Figure 8",
            "Table 2": "Table 2", "xiv": "xiv", "n. 12": "n. 12", "para. 36": "para. 36", "12–14": "12–14"}
    for written, locator in want.items():
        (c,) = cites(f"Hale 1998, {written}.")
        assert c.locator == locator, written
    (c,) = cites("Hale 1998, 84, emphasis added.")
    assert (c.locator, c.suffix) == ("84", "emphasis added.")


def test_pandoc_bracketed_citations_with_prefix_locator_and_suffix():
    found = cites("Dams spread [see @hale1998, p. 12; @lind2001 33-35, emphasis added] in the north.")
    assert [(c.text, c.key, c.locator, c.prefix) for c in found] == [
        ("@hale1998, p. 12", "hale1998", "12", "see"), ("@lind2001 33-35", "lind2001", "33-35", "")]
    assert found[1].suffix == "emphasis added"


def test_pandoc_narrative_suppressed_and_braced_keys():
    assert [(c.text, c.key, c.locator) for c in cites("@hale1998 [p. 33] says so.")] == [
        ("@hale1998 [p. 33]", "hale1998", "33")]
    assert [c.key for c in cites("Hale says so [-@hale1998].")] == ["hale1998"]
    assert [c.key for c in cites("[@{ibm:2001}, 12]")] == ["ibm:2001"]
    assert cites("Write to x@example.org for the data.") == []


def test_pandoc_key_gives_authors_year_and_suffix_as_written():
    found = cites("Shaded maps begin with @Dangeville1836; see also [@Vaupel1987a] and @smith_2001 [p. 3].")
    assert [(c.authors, c.year, c.year_suffix) for c in found] == [
        ("Dangeville", "1836", ""), ("Vaupel", "1987", "a"), ("smith", "2001", "")]
    assert [c.authors for c in cites("As @rivers-handbook shows.")] == [""]  # no year in the key: no name either


def test_pandoc_single_bracket_is_the_span_and_narrative_key_takes_a_labelled_locator():
    found = cites("Closely related are *facets* [@Lind2005] or plots [see @Hale1996; @Roe2001].")
    assert [c.text for c in found] == ["[@Lind2005]", "@Hale1996", "@Roe2001"]
    assert [c.prefix for c in found] == ["Closely related are *facets*", "see", ""]
    (c,) = cites("See @Hale2005, chapter 4 for the terms.")
    assert (c.text, c.locator, c.prefix, c.suffix) == ("@Hale2005, chapter 4", "chapter 4", "See", "for the terms.")
    (c,) = cites("As @Hale2005, 2010 and others show.")
    assert (c.text, c.locator) == ("@Hale2005", "")


def test_prefix_after_a_citation_drops_the_punctuation_that_closed_it():
    found = cites("Hale, *Rivers* (Oxford: OUP, 1998), 4. For the dams, see Lind, *Dams* (London: Hurst, 2001).")
    assert [c.prefix for c in found] == ["", "For the dams, see"]


def test_pandoc_citations_in_a_body_and_linked_by_key():
    from annotator.bib.bibtex import parse_bibtex
    from annotator.bib.link import link_citations
    from annotator.citations.parse import find_inline
    from annotator.models import CitationAnnotation, Provenance

    body = "Dams spread fast [@hale1998, 12], as @nobody2000 denies."
    found = find_inline(body)
    assert [(c.text, c.key) for c in found] == [("[@hale1998, 12]", "hale1998"), ("@nobody2000", "nobody2000")]
    bib = parse_bibtex("@book{hale1998, author={Hale, Ann}, title={Rivers}, year={1998}}", "t.bib")
    anns = [CitationAnnotation(id=f"c{i}", start=c.start, end=c.end, text=c.text, authors=c.authors, year=c.year,
                               locator=c.locator, provenance=Provenance(tagger="t", rule="r"))
            for i, c in enumerate(found)]
    linked = link_citations(anns, bib)
    assert [(c.bib_key, c.link_reason) for c in linked] == [("hale1998", "citation key"),
                                                            (None, "no entry with key 'nobody2000'")]


def test_word_export_note_of_two_paragraphs_is_one_note():
    doc = read_text("A claim.[footnoteRef:1] More.\n[1:  Hale 1998, 84.\nSee also Lind 2001, 4.]\nNext.", "t.txt")
    assert not [p for p in doc.problems if p.severity == "error"]
    assert doc.notes[0].text == "Hale 1998, 84.\nSee also Lind 2001, 4."
    assert [c.authors for c in parse_note(doc.notes[0].text)] == ["Hale", "Lind"]
    assert "Next." in doc.body()


def test_markdown_labels_match_case_insensitively():
    doc = read_text("A claim.[^Hale]\n\n[^hale]: Hale 1998, 84.\n", "d.md")
    assert [m.label for m in doc.markers] == ["hale"] and not doc.problems


def test_web_address_given_as_the_source():
    (c,) = cites("Dams are rarely mapped. See <https://example.org/dams/map>")
    assert (c.text, c.authors, c.prefix) == ("<https://example.org/dams/map>", "", "Dams are rarely mapped. See")
    (d,) = cites("Manual for the river gauge. <https://example.org/gauge.html>")
    assert d.text == "Manual for the river gauge. <https://example.org/gauge.html>"
    assert cites("The gauge broke in a storm that nobody had forecast at all that week. <https://example.org>") == []


def test_name_in_a_title_mid_sentence_names_the_work():
    (c,) = cites("This was criticised by Rawes in *Rivers and Ratios*. The point stands.")
    assert (c.text, c.authors) == ("Rawes in *Rivers and Ratios*", "Rawes")
    assert cites("Published in *Nature* long ago.") == []


def test_mla_clusters_in_mid_sentence_and_after_prose():
    found = cites("The field grew (Hale, “Rivers and Rule” 165–166; Lind, Dams of the North 31) after the war.")
    assert [(c.authors, c.locator) for c in found] == [("Hale", "165–166"), ("Lind", "31")]
    (c,) = cites("Few studies looked at it. (Hale, “Rivers and Rule”).")
    assert (c.authors, c.title) == ("Hale", "Rivers and Rule")
    assert cites("The totals rose (Table 2) and fell (see above).") == []
    assert cites("Files were kept (0101.html, 0102.html, etc.) for each day.") == []


def test_mla_page_after_an_unmarked_or_quoted_title():
    (c,) = cites("This builds on Lind, Dams of the North 168–177.")
    assert (c.authors, c.locator) == ("Lind", "168–177")
    found = cites("See Hale, “Rivers and Rule” 83; Lind, “Dams?”.")
    assert [(c.authors, c.locator) for c in found] == [("Hale", "83"), ("Lind", "")]


def test_long_author_list_is_read_name_by_name():
    names = ", ".join(f"{first} {last}" for first, last in zip("Ann Bo Cy Di Ed Flo Gus Hal Ida Jo Kit".split(),
                                                             "Hale Lind Moss Nye Ode Pike Quin Rowe Sand Tull Vane".split()))
    (c,) = cites(f"{names}, and Lu Wong, “Rivers and Rule”, Water 4 (2016): 29–64.")
    assert c.authors.startswith("Ann Hale, Bo Lind") and c.authors.endswith("and Lu Wong")


def test_a_withheld_page_range_is_the_pinpoint_when_the_entry_says_otherwise():
    from annotator.bib.bibtex import parse_bibtex
    from annotator.bib.link import link_citations
    from annotator.models import CitationAnnotation, Provenance

    bib = parse_bibtex("@article{hale, author={Hale, Ann}, title={Rivers and Rule}, journal={Water}, year={2015},"
                       " pages={341--361}}", "t.bib")
    texts = ["Ann Hale, “Rivers and Rule,” Water 15, no. 5 (2015): 341–61.",
             "Ann Hale, “Rivers and Rule,” Water 15, no. 5 (2015): 345–47."]
    anns = []
    for i, text in enumerate(texts):
        (c,) = cites(text)
        assert (c.locator, c.pages) == ("", text[-7:-1])
        anns.append(CitationAnnotation(id=f"c{i}", start=c.start, end=c.end, text=c.text, number=str(i + 1),
                                       authors=c.authors, year=c.year, locator=c.locator, title=c.title,
                                       provenance=Provenance(tagger="t", rule="r")))
    assert [(c.bib_key, c.locator) for c in link_citations(anns, bib)] == [("hale", ""), ("hale", "345–47")]


def test_cluster_goes_on_after_a_parenthesis_that_opens_the_note():
    found = cites("(Hale & Lind, 2020, p. 9); Иванов 2022, 5.")
    assert [(c.authors, c.year, c.locator) for c in found] == [("Hale & Lind", "2020", "9"), ("Иванов", "2022", "5")]


def test_many_titles_in_one_note_take_linear_time():
    # Growth, not a time limit: the note doubled costs about twice (a quadratic title search, 4x).
    import time

    def note(n: int) -> str:
        return "He said “a”, (b) and _c_ then. " * n + "Ann Hale, “Rivers,” Water 4 (2016): 29."

    def least(text: str) -> float:
        best = float("inf")
        for _ in range(3):
            start = time.process_time()
            parse_note(text)
            best = min(best, time.process_time() - start)
        return best

    small, large = note(800), note(1600)
    ratios: list[float] = []
    while len(ratios) < 5 and min(ratios, default=9) > 2.5:
        ratios.append(least(large) / max(least(small), 1e-6))
    assert min(ratios) <= 2.5


def test_the_authors_link_names_the_author_cited_before():
    found = cites("See Hale, A., [\"Rivers\"](http://x.org/r), 2012 for the data. Also see the author's [blog](http://x.org/).")
    assert [(c.text, c.authors) for c in found] == [
        ('Hale, A., ["Rivers"](http://x.org/r), 2012', "Hale, A."), ("the author's [blog](http://x.org/)", "Hale, A.")]
    assert found[1].prefix == "Also see"


def test_a_role_as_author_after_a_sentence():
    (c,) = cites("The ads ran for years. Private advertiser, ‘A Clerk Wanted’, *Daily Post*, 3 May 1890.")
    assert (c.text, c.authors, c.year) == ("Private advertiser, ‘A Clerk Wanted’, *Daily Post*, 3 May 1890",
                                           "Private advertiser", "1890")


def test_legal_citations_read_by_eyecite():
    found = cites("See *Roe v. Wade*, 410 U.S. 113, 120 (1973); id. at 121. Compare Brown, supra, at 490.")
    assert [(c.text, c.authors, c.year, c.locator, c.ibid) for c in found] == [
        ("*Roe v. Wade*, 410 U.S. 113, 120 (1973)", "Roe v. Wade", "1973", "120", False),
        ("id. at 121", "Roe v. Wade", "1973", "121", True),
        ("Brown, supra, at 490", "Brown", "", "490", False)]
    assert found[0].prefix == "See"


def test_legal_text_eyecite_cannot_read_is_no_crash():
    for text in ("Id.;  ; 347 U.S. 483", "12347 U.S. 483 <https://x.org> Id.", "supra; ;"):
        cites(text)


def test_volume_and_page_in_note_forms():
    (c,) = cites("Max Weber, *Economy and Society*, ed. Guenther Roth (Berkeley: UC Press, 1978), 2:1111.")
    assert (c.authors, c.year, c.locator) == ("Max Weber", "1978", "2:1111")
    assert [c.locator for c in cites("Weber, *Economy and Society*, 1:212; Foucault, *Discipline*, 30.")] == ["1:212",
                                                                                                          "30"]


def test_narrative_with_a_page_after_the_parenthesis_and_named_links():
    (c,) = cites("Kilgarriff (2001), p. 99.")
    assert (c.text, c.authors, c.year, c.locator) == ("Kilgarriff (2001), p. 99", "Kilgarriff", "2001", "99")
    (d,) = cites("See [Wikipedia](https://en.wikipedia.org/wiki/Tf-idf) for a summary.")
    assert (d.text, d.authors, d.prefix) == ("[Wikipedia](https://en.wikipedia.org/wiki/Tf-idf)", "Wikipedia", "See")
    assert cites("For more on this, see the [documentation](https://x.org).") == []
    assert cites("The code is on [GitHub](https://github.com/x).") == []


def test_a_note_on_the_page_is_part_of_the_locator():
    assert [c.locator for c in cites("Smith 2001, 45 n. 3.")] == ["45 n. 3"]
    assert [c.locator for c in cites("Ann Hale, *Rivers* (Leeds: Dale, 2004), 31 n. 4.")] == ["31 n. 4"]


def test_reference_entry_with_kindle_pinpoint_and_two_authors_joined_by_semicolon():
    (c,) = cites("Hale, Ann; Lind, Bo R. (2015). *Rivers of the North* (pp. 28–29). Oak Press. Kindle Edition.")
    assert (c.text, c.authors, c.year, c.locator, c.title) == (
        "Hale, Ann; Lind, Bo R. (2015). *Rivers of the North* (pp. 28–29). Oak Press. Kindle Edition",
        "Hale, Ann; Lind, Bo R.", "2015", "28–29", "*Rivers of the North*")
    (c,) = cites("Hale, Ann (2009). *Rivers* (p. 4). Oak Press. The book is long.")
    assert (c.text, c.locator, c.suffix) == ("Hale, Ann (2009). *Rivers* (p. 4). Oak Press", "4", "The book is long.")


def test_link_title_then_author_date_parenthesis_is_one_citation():
    (c,) = cites("This follows [Rivers of\nthe North](https://x.org/r) (Hale and Lind,\n2018) who argue that dams fail.")
    assert (c.text, c.authors, c.year, c.prefix, c.suffix) == (
        "[Rivers of\nthe North](https://x.org/r) (Hale and Lind,\n2018)", "Hale and Lind", "2018", "This follows",
        "who argue that dams fail.")
    (c,) = cites("Dams fail, as the [report](https://x.org/r) shows (Hale 2018).")  # prose between: no title
    assert c.text == "Hale 2018"


def test_archival_item_medium_words_stay_in_the_citation():
    (c,) = cites("Ann Hale, “Dam Speech,” River Forum, audio, 1:00, http://x.org/a.")
    assert (c.text, c.locator) == ("Ann Hale, “Dam Speech,” River Forum, audio, 1:00, http://x.org/a", "")
    (c,) = cites("Bo Lind, “Shiner,” photograph taken by Bo Lind, 1 August 1924, image, https://x.org/b.")
    assert (c.text, c.year) == ("Bo Lind, “Shiner,” photograph taken by Bo Lind, 1 August 1924, image, https://x.org/b",
                                "1924")


def test_link_with_a_title_attribute_stays_in_the_citation():
    note = 'Ann Hale, “Dams,” River Review, April 24, 2018, [https://x.org/d/.](https://x.org/d/. "https://x.org/d/.").'
    (c,) = cites(note)
    assert c.text == note[:-1]


def test_title_with_a_translation_in_escaped_brackets():
    note = r"“Dams of the North” \[北方的水坝\], _River Daily_, August 2, 2013, [http://x.cn/a](http://x.cn/a)."
    (c,) = cites(note)
    assert (c.text, c.authors, c.year) == (note[:-1], "", "2013")


def test_prose_sentence_after_a_link_that_swallowed_the_full_stop():
    found = cites("“Dams,” _River Daily_, August 2, 2013, [http://x.cn/a.htm.](http://x.cn/a.htm.) The details come "
                  "from an interview.")
    assert [(c.text, c.suffix) for c in found] == [
        ("“Dams,” _River Daily_, August 2, 2013, [http://x.cn/a.htm.](http://x.cn/a.htm.)",
         "The details come from an interview.")]


def test_note_author_with_translation_and_role_in_parentheses():
    (c,) = cites(r"Wang Li \[王力\] (ed.), Rivers of the North \[北方河流\], Oak Press, 2015.")
    assert (c.authors, c.year) == (r"Wang Li \[王力\]", "2015")
    (c,) = cites("Ann Hale (eds.), Rivers of the North, Oak Press, 2015.")
    assert c.authors == "Ann Hale"


def test_quoted_title_holding_a_quotation_and_a_title_alone_after_see():
    (c,) = cites("See the history online: “Dam Project – Talks on “If There Is a Spear”” \\[水坝\\], [http://x.cn/a](http://x.cn/a).")
    assert c.text.startswith("“Dam Project") and c.text.endswith("(http://x.cn/a)")
    (c,) = cites("For further information, see: “Dam Project.”")
    assert (c.text, c.prefix) == ("“Dam Project.”", "For further information, see")
    assert cites("He said “no more dams.”") == []


def test_address_without_its_scheme_ends_the_citation():
    (c,) = cites("Ann Hale, “Dams,” River Review (2006): 62390B, pubs.river.nl/pub/346/hale-2006.pdf.")
    assert c.text.endswith("pubs.river.nl/pub/346/hale-2006.pdf") and c.year == "2006"


def test_remark_then_conjunction_between_two_citations_in_one_sentence():
    found = cites("See @Hale1981 for river maps and @Lind1988 for dams.")
    assert [(c.prefix, c.suffix) for c in found] == [("See", "for river maps"), ("and", "for dams.")]


def test_short_note_of_authors_and_a_page_or_authors_alone():
    (c,) = cites("Hale and Lind, 249.")
    assert (c.authors, c.locator, c.title) == ("Hale and Lind", "249", "")
    (c,) = cites("Hale et al.")
    assert (c.text, c.authors) == ("Hale et al.", "Hale et al.")
    assert cites("See the notes above et al.") == []


def test_a_sentence_of_its_own_between_two_works_leads_into_the_second():
    found = cites("Hale, *Rivers* (Oxford: OUP, 1998), 4. The dams came later; few saw them. "
                  "Lind, *Dams* (London: Hurst, 2001), 9.")
    assert [(c.suffix, c.prefix) for c in found] == [("", ""), ("", "The dams came later; few saw them.")]


def test_a_remark_that_continues_the_citation_stays_its_suffix():
    found = cites("Hale, *Rivers* (Oxford: OUP, 1998), 4, for the figures on dams. "
                  "Lind, *Dams* (London: Hurst, 2001), 9.")
    assert (found[0].suffix, found[1].prefix) == ("for the figures on dams.", "")


def test_bluebook_signal_in_italics_after_prose_with_commas():
    found = cites("Dams are costly, and slow to build. *See* Anna Hale, River Works 12 (1998). Lind agreed.")
    assert [fields(c) for c in found] == [("Anna Hale, River Works 12 (1998)", "Anna Hale", "1998", "12")]
    assert found[0].prefix.endswith("*See*")


def test_bluebook_abbreviations_before_the_date_and_an_explanatory_parenthetical():
    found = cites('*See *Anna Hale, U.S. Chief Info. Officer, White House, 20 Point Plan to Reform Rivers 17 '
                  '(2010) (calling for "more dams").')
    assert [fields(c) for c in found] == [("Anna Hale, U.S. Chief Info. Officer, White House, 20 Point Plan to "
                                           "Reform Rivers 17 (2010)", "Anna Hale", "2010", "17")]
    assert found[0].suffix == '(calling for "more dams")'


def test_an_organisation_cited_after_a_sentence_of_prose_and_after_a_page_parenthetical():
    found = cites("Dams are costly, and slow to build. River Works Office, Report on Dams 2, 13 (2008). Exec. "
                  "Office of the Board, Plan 4 (2009).")
    assert [fields(c)[1:] for c in found][:1] == [("River Works Office", "2008", "2, 13")]
    assert found[0].prefix == "Dams are costly, and slow to build."
    found = cites('Hale, *supra* note 1, at 4. *See* River Board, Dams and Weirs 9 ("Dams are late.").')
    assert [(c.authors, c.locator, c.suffix) for c in found][1:] == [("River Board", "9", '("Dams are late.")')]
