"""axe-core in headless Chromium finds no serious or critical problem on the published pages."""

from __future__ import annotations

import os
import shutil
import tempfile

import pytest

from exporters.publish import publish_site

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")
# CI installs Chromium and its driver (.ci/run): there, a missing browser is a failure.
needs_browser = pytest.mark.skipif(
    not (CHROMIUM and CHROMEDRIVER) and not os.environ.get("CI"),
    reason="Chromium and chromedriver are not installed",
)
# axe-selenium-python ships axe-core 3.1; .ci/run fetches axe-core 4 from npm and names it here.
AXE_SCRIPT = os.environ.get("REFERENT_AXE_SCRIPT")
TAGS_3 = ["wcag2a", "wcag2aa", "best-practice"]
TAGS_4 = [*TAGS_3, "wcag21a", "wcag21aa"]
RUN = """
const done = arguments[arguments.length - 1];
axe.run(document, {runOnly: {type: "tag", values: arguments[0]}})
   .then(results => done(results), error => done({error: String(error)}));
"""
PAGES = [
    "index.html",
    "aet/index.html",
    "aet/aet-2020-08-19.html",
    "oeu/oeu-2026-09-30.html",
    "sagsbehandling/sagsbehandling-2020-04-21.html",
]


@pytest.fixture(scope="module")
def browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    profile = tempfile.mkdtemp(prefix="referent-chromium-")
    for flag in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1280,1024",
        f"--user-data-dir={profile}",
    ):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    driver.set_script_timeout(180)  # axe takes seconds on a busy machine
    yield driver
    driver.quit()
    shutil.rmtree(profile, ignore_errors=True)


@needs_browser
@pytest.mark.parametrize("backend", ["sqlite"])
def test_pages_pass_axe(backend, examples_archive, tmp_path, browser):
    from axe_selenium_python import Axe

    site = tmp_path / "site"
    with examples_archive.sessions() as session:
        publish_site(session, site)
    problems = []
    axe = Axe(browser, AXE_SCRIPT) if AXE_SCRIPT else Axe(browser)
    for page in PAGES:
        browser.get((site / page).as_uri())
        axe.inject()
        major = int(browser.execute_script("return axe.version").split(".")[0])
        results = browser.execute_async_script(RUN, TAGS_4 if major >= 4 else TAGS_3)
        assert "error" not in results, results
        assert results["passes"], f"axe checked nothing on {page}"
        problems += [
            f"{page}: {v['id']} ({v['impact']}): {v['help']}"
            for v in results["violations"]
            if v["impact"] in ("serious", "critical")
        ]
    assert problems == []
