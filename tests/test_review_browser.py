"""The review page driven by keyboard in a real browser: Debian's Chromium through ChromeDriver.

Three answers are scored with j / k and digits, the page is reloaded and the scores are still
there (kept in the browser's storage), a reusable comment is saved and used, and the CSV the
page downloads is what ``grader grade --manual`` reads: the three scores land in the runs.
Skipped without Chromium, ChromeDriver or Selenium, except when CI is set: then it fails.
"""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest
from conftest import written_answers_class

from grader.course.batch import collected_results
from grader.course.review import apply_manual_scores, load_manual_scores
from grader.domain import written_check_id

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path(shutil.which("chromedriver") or "/usr/bin/chromedriver")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--window-size=1100,1400"]
ANSWERS = {"alice": "The bias shifts the activation.", "bob": "No idea.",
           "carol": "Without a bias every boundary goes through the origin."}
COMMENT = "Say why the <b>origin</b> matters."  # markup in a comment stays text


def webdriver_or_skip():
    """Selenium's webdriver module, or a skip (a failure when CI is set) naming what is missing."""
    missing = [str(path) for path in (CHROMIUM, CHROMEDRIVER) if not path.is_file()]
    try:
        from selenium import webdriver
    except ImportError:
        webdriver, missing = None, missing + ["selenium (the dev extra)"]
    if missing:
        if os.environ.get("CI", "").lower() not in ("", "0", "false"):
            pytest.fail(f"CI is set but {', '.join(missing)} is missing: .ci/run installs "
                        "chromium and chromium-driver when run as root, scripts/setup.sh the dev extra")
        pytest.skip(f"missing {', '.join(missing)} (apt-get install -y chromium chromium-driver); CI installs them")
    return webdriver


@pytest.fixture
def browser(tmp_path):
    webdriver = webdriver_or_skip()
    from selenium.webdriver.chrome.service import Service
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in [*FLAGS, f"--user-data-dir={tmp_path / 'profile'}"]:
        options.add_argument(flag)
    options.add_experimental_option("prefs", {"download.default_directory": str(tmp_path / "downloads"),
                                              "download.prompt_for_download": False})
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    driver.set_page_load_timeout(30)
    yield driver
    driver.quit()


@pytest.fixture(scope="module")
def class_out(catalog, tmp_path_factory):
    return written_answers_class(catalog, tmp_path_factory, ("task07", "task29"), ANSWERS)


def press(driver, keys: str) -> None:
    from selenium.webdriver.common.action_chains import ActionChains
    for key in keys:
        ActionChains(driver).send_keys(key).perform()


def shown_points(driver) -> dict[str, str]:
    from selenium.webdriver.common.by import By
    rows = driver.find_elements(By.CSS_SELECTOR, "section.question:not([hidden]) tr.answer-row")
    return {row.get_attribute("data-submission"): row.find_element(By.CSS_SELECTOR, ".points").get_attribute("value")
            for row in rows}


def downloaded(folder: Path, timeout: float = 10) -> Path:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        done = [path for path in folder.glob("*.csv")] if folder.is_dir() else []
        if done:
            return done[0]
        time.sleep(0.1)
    raise AssertionError(f"no CSV downloaded into {folder}")


def test_scored_by_keyboard_kept_over_a_reload_and_exported(browser, class_out, catalog, tmp_path):
    from selenium.webdriver.common.by import By
    browser.get((class_out / "review.html").as_uri())
    assert browser.find_element(By.ID, "question").get_attribute("value") == "0"
    assert "j" in browser.find_element(By.ID, "keys").text
    press(browser, "9jj0k1")  # alice: 9, clamped to the part's 2 points; carol 0; bob 1
    expected = {"alice": "2", "bob": "1", "carol": "0"}
    assert shown_points(browser) == expected
    assert browser.find_element(By.ID, "count-question").text == "3 of 3 scored in this question"
    browser.refresh()
    assert shown_points(browser) == expected, "the scores did not survive a reload"

    browser.find_element(By.CSS_SELECTOR, "section.question:not([hidden]) .new-comment").send_keys(COMMENT)
    browser.find_element(By.CSS_SELECTOR, "section.question:not([hidden]) .save-comment").click()
    press(browser, "j")  # bob
    browser.find_element(By.CSS_SELECTOR, "section.question:not([hidden]) .use-comment").click()
    assert browser.find_elements(By.CSS_SELECTOR, ".comment-list b") == []
    browser.refresh()
    assert browser.find_element(By.CSS_SELECTOR, "section.question:not([hidden]) .use-comment").text == COMMENT

    browser.find_element(By.ID, "download").click()
    scores_csv = downloaded(tmp_path / "downloads")
    assert scores_csv.read_text() == browser.execute_script("return gradingScoresCsv();")
    scores = load_manual_scores(scores_csv, catalog)
    check_id = written_check_id(catalog.get("task07").written[0].key)
    for run in collected_results(class_out)[0]:
        task07 = next(task for task in apply_manual_scores(run, scores).tasks if task.id == "task07")
        check = next(check for check in task07.checks if check.id == check_id)
        assert check.points == float(expected[run.submission]) and check.status != "pending_review"
        assert (COMMENT in check.feedback) == (run.submission == "bob")
