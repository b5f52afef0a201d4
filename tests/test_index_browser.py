"""The HTML index in a real headless browser (Debian's chromium).

Skipped when chromium is not installed (`apt-get install -y chromium`).
Set INDEX_SCREENSHOT_DIR to keep the screenshot for a look by eye.
"""

from __future__ import annotations

import html
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from helpers.index import make_workspace

from annotator.index.build import build_index
from annotator.index.html import render_html

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="chromium not installed (apt-get install -y chromium)")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--virtual-time-budget=3000"]


@pytest.fixture(scope="module")
def page(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("browser")
    path = root / "index.html"
    path.write_text(render_html(build_index(make_workspace(root / "ws"))), encoding="utf-8")
    return path


def chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    profile = tmp_path / "profile"
    cmd = [CHROMIUM, *FLAGS, f"--user-data-dir={profile}", *args]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=120)


def dom(tmp_path: Path, url: str) -> str:
    result = chromium(tmp_path, "--dump-dom", url)
    assert result.returncode == 0, result.stderr[-800:]
    return result.stdout


def visible_text(markup: str) -> str:
    """What a reader sees: tags dropped, entities decoded, hidden items removed."""
    markup = re.sub(r"<script\b.*?</script>", "", markup, flags=re.S)
    markup = re.sub(r'<article class="[^"]*\bhidden\b.*?</article>', "", markup, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", " ", markup))


def test_page_renders_claims_sources_and_escaped_script(page, tmp_path):
    markup = dom(tmp_path, page.as_uri())
    text = visible_text(markup)
    assert 'class="js"' in markup  # the page's script ran
    assert "more than 2 trillion USD spent by the US alone" in text
    assert "Crawford, Neta C. 2021." in text and "The Pentagon, Climate Change, and War" in text
    assert "<script>alert('x')</script> & friends won't change much" in text
    assert "Why <script>alert(1)</script> Is Text" in text
    assert len(re.findall(r"<script\b", markup)) == 1  # only the page's own script is an element
    assert "5 of 5 shown" in text


def test_filters_from_the_address(page, tmp_path):
    markup = dom(tmp_path, page.as_uri() + "?kind=attributed")
    assert "2 of 5 shown" in visible_text(markup)
    claims = visible_text(re.search(r'<section class="view active" id="claims">.*?</section>', markup, re.S).group())
    assert "Kazakhstan will not interfere" in claims and "Uzbekistan has closed its border" in claims
    assert "more than 2 trillion USD" not in claims


def test_search_from_the_address(page, tmp_path):
    markup = dom(tmp_path, page.as_uri() + "?q=INTERFERE")
    assert "1 of 5 shown" in visible_text(markup)
    claims = visible_text(re.search(r'<section class="view active" id="claims">.*?</section>', markup, re.S).group())
    assert "Kazakhstan will not interfere" in claims and "Uzbekistan" not in claims


def test_claim_link_opens_its_context_highlighted(page, tmp_path):
    markup = dom(tmp_path, page.as_uri() + "#x1")
    assert re.search(r'<section class="view active" id="documents">', markup)
    current = re.findall(r'<mark data-c="[^"]*" class="current">(.*?)</mark>', markup)
    assert "".join(current) == "more than 2 trillion USD spent by the US alone"


def test_screenshot(page, tmp_path):
    shot = tmp_path / "index.png"
    result = chromium(tmp_path, "--window-size=1200,1400", "--hide-scrollbars", f"--screenshot={shot}",
                      page.as_uri())
    assert result.returncode == 0, result.stderr[-800:]
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 20_000
    keep = os.environ.get("INDEX_SCREENSHOT_DIR")
    if keep:
        Path(keep).mkdir(parents=True, exist_ok=True)
        shutil.copy(shot, Path(keep) / "index.png")
