"""Every page of the app loads in Chromium, offline, with no console error."""

from __future__ import annotations

from .conftest import AppPage
from .harness import is_local


def test_every_page_in_the_navigation_loads(app: AppPage) -> None:
    page = app.open("/")
    assert page.title() == "Odyssey — overview"
    assert page.inner_text(".kpis").count("\n") >= 4  # reports, cases, entities, links, mentions
    app.shot("overview")
    links = page.eval_on_selector_all(
        "nav.nav a.nav-link", "els => els.map(e => [e.textContent, e.getAttribute('href')])"
    )
    assert links, "the navigation lists no page"
    for name, href in links:
        app.open(href)
        heading = page.inner_text("main.page h1")
        assert heading, f"{name} ({href}) has no heading"
        assert page.locator(f"nav a.nav-link.active[href='{href}']").count() == 1
        app.shot(href.strip("/").replace("/", "_") or "index")
    assert all(is_local(url) for url in app.watch.requests)
    assert any("/_dash-component-suites/" in url for url in app.watch.requests)


def test_an_unknown_address_says_so_without_a_traceback(app: AppPage) -> None:
    page = app.open("/no-such-page")
    assert page.inner_text("main.page h1") == "No such page"
    assert "Traceback" not in page.content()


def test_assets_and_errors_are_plain(app: AppPage) -> None:
    response = app.page.request.get(app.base_url + "/assets/no-such-file.css")
    assert response.status == 404
    assert response.text() == "No such page or file on this Odyssey server."
    outline = app.page.request.get(app.base_url + "/assets/topojson/world_110m.json")
    assert outline.ok and set(outline.json()["objects"]) >= {"land", "countries", "coastlines"}
