"""Every screenshot the README shows exists and is not a blank page.

No server needed: README.md is parsed for images under docs/screenshots/ and
each file is checked with Pillow. A screenshot counts as blank when the area
below Odoo's top bar and control panel (the top 12% of the picture) has almost
no spread of grey levels: fewer than MIN_GREY_LEVELS distinct levels, a
standard deviation below MIN_STDDEV, or one level covering more than
MAX_DOMINANT_SHARE of it. (The blank contributions-list.png these checks were
written against has one grey level, standard deviation 0; real screens have
more than 200 levels and a deviation of 11 or more.)
Retake the screenshots with scripts/screenshots.py.
"""

import re
from pathlib import Path

import pytest
from PIL import Image, ImageStat

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"

MIN_WIDTH, MIN_HEIGHT = 800, 400
MIN_BYTES = 5_000
CONTENT_TOP = 0.12  # share of the height taken by the top bar and control panel
MIN_GREY_LEVELS = 32
MIN_STDDEV = 5.0
MAX_DOMINANT_SHARE = 0.98

IMAGE_LINK = re.compile(
    r"!\[[^\]]*\]\(\s*<?(docs/screenshots/[^)\s>]+)"  # ![alt](docs/screenshots/x.png)
    r"|<img\b[^>]*\bsrc=[\"'](docs/screenshots/[^\"']+)[\"']",  # <img src="…">
    re.IGNORECASE,
)


def readme_screenshots():
    text = README.read_text(encoding="utf-8")
    found = []
    for match in IMAGE_LINK.finditer(text):
        path = match.group(1) or match.group(2)
        if path not in found:
            found.append(path)
    return found


def blank_reasons(path):
    """Why the picture at path looks blank ([] when it shows real content)."""
    with Image.open(path) as image:
        width, height = image.size
        grey = image.convert("L").crop((0, int(height * CONTENT_TOP), width, height))
    histogram = grey.histogram()
    levels = sum(1 for count in histogram if count)
    stddev = ImageStat.Stat(grey).stddev[0]
    dominant = max(histogram) / sum(histogram)
    reasons = []
    if levels < MIN_GREY_LEVELS:
        reasons.append(f"{levels} grey levels (< {MIN_GREY_LEVELS})")
    if stddev < MIN_STDDEV:
        reasons.append(f"standard deviation {stddev:.1f} (< {MIN_STDDEV})")
    if dominant > MAX_DOMINANT_SHARE:
        reasons.append(
            f"one grey level covers {dominant:.1%} (> {MAX_DOMINANT_SHARE:.0%})"
        )
    return reasons


def test_readme_shows_screenshots():
    assert readme_screenshots(), "README.md shows no image under docs/screenshots/"


@pytest.mark.parametrize("relpath", readme_screenshots())
def test_screenshot_present_and_not_blank(relpath):
    path = ROOT / relpath
    assert path.is_file(), f"{relpath} is referenced by README.md but missing"
    data = path.read_bytes()
    assert data.startswith(PNG_SIGNATURE), f"{relpath} is not a PNG file"
    assert len(data) >= MIN_BYTES, f"{relpath} is only {len(data)} bytes"
    with Image.open(path) as image:
        image.verify()
    with Image.open(path) as image:
        width, height = image.size
    assert width >= MIN_WIDTH and height >= MIN_HEIGHT, (
        f"{relpath} is {width}x{height}, smaller than {MIN_WIDTH}x{MIN_HEIGHT}"
    )
    reasons = blank_reasons(path)
    assert not reasons, f"{relpath} looks blank: {'; '.join(reasons)}"


def test_blank_page_is_detected(tmp_path):
    """A web client that rendered only its top bar (the old failure) is caught."""
    path = tmp_path / "blank.png"
    image = Image.new("RGB", (1440, 900), (248, 249, 250))
    image.paste((113, 99, 156), (0, 0, 1440, 46))  # the purple top bar
    image.paste((255, 255, 255), (20, 10, 60, 30))  # an icon in it
    image.save(path)
    assert blank_reasons(path)
