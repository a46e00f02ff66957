"""<picture> markup: WebP source, JPEG fallback, srcset/sizes, dimensions, lazy loading, escaped alt."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

from site_build.photos import ProcessedPhoto, Rendition, cover_html, picture_html


def rendition(name: str, width: int, height: int, mime: str) -> Rendition:
    rel = f"ab12cd34ef56ab12/{name}"
    return Rendition(path=Path("/cache") / rel, rel=rel, width=width, height=height, mime=mime, size=1000)


def photo() -> ProcessedPhoto:
    widths = [(480, 360), (960, 720), (1600, 1200)]
    renditions = tuple(
        rendition(f"{w}.{ext}", w, h, mime)
        for w, h in widths
        for ext, mime in (("webp", "image/webp"), ("jpg", "image/jpeg"))
    )
    return ProcessedPhoto(
        source=Path("content/news/a/photo.jpg"),
        key="ab12cd34ef56ab12" + "0" * 48,
        width=4032,
        height=3024,
        renditions=renditions,
        cover=(rendition("cover.webp", 640, 480, "image/webp"), rendition("cover.jpg", 640, 480, "image/jpeg")),
        share=rendition("share.jpg", 1200, 630, "image/jpeg"),
    )


class Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def parse(html: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = Tags()
    parser.feed(html)
    return parser.tags


def test_picture_html_structure() -> None:
    html = picture_html(photo(), url_prefix="../assets/photos/", alt="ภาพกิจกรรม")
    assert html.startswith("<picture>") and html.endswith("</picture>")
    (t1, _), (t2, source), (t3, img) = parse(html)
    assert (t1, t2, t3) == ("picture", "source", "img")
    assert source["type"] == "image/webp"
    assert source["srcset"] == (
        "../assets/photos/ab12cd34ef56ab12/480.webp 480w, "
        "../assets/photos/ab12cd34ef56ab12/960.webp 960w, "
        "../assets/photos/ab12cd34ef56ab12/1600.webp 1600w"
    )
    assert source["sizes"] == "(min-width: 76.25em) 46rem, 100vw"
    assert img["src"] == "../assets/photos/ab12cd34ef56ab12/960.jpg"
    assert img["srcset"] is not None and img["srcset"].count(".jpg ") == 3 and ".webp" not in img["srcset"]
    assert (img["width"], img["height"]) == ("960", "720")
    assert img["alt"] == "ภาพกิจกรรม"
    assert img["loading"] == "lazy" and img["decoding"] == "async"
    assert "class" not in img


def test_alt_and_prefix_are_escaped() -> None:
    html = picture_html(photo(), url_prefix='x"y', alt='a "quoted" <b>&', css_class="wide")
    assert 'alt="a &quot;quoted&quot; &lt;b&gt;&amp;"' in html
    assert 'src="x&quot;y/ab12cd34ef56ab12/960.jpg"' in html  # missing slash added, quote escaped
    img = parse(html)[2][1]
    assert img["alt"] == 'a "quoted" <b>&' and img["class"] == "wide"


def test_eager_picture_has_no_lazy_loading() -> None:
    img = parse(picture_html(photo(), url_prefix="", alt="", lazy=False, sizes="100vw"))[2][1]
    assert "loading" not in img and img["sizes"] == "100vw" and img["alt"] == ""
    assert img["src"] == "ab12cd34ef56ab12/960.jpg"


def test_single_small_rendition_is_its_own_fallback() -> None:
    p = photo()
    small = ProcessedPhoto(
        p.source,
        p.key,
        300,
        200,
        (rendition("300.webp", 300, 200, "image/webp"), rendition("300.jpg", 300, 200, "image/jpeg")),
        p.cover,
        p.share,
    )
    img = parse(picture_html(small, url_prefix="/", alt="x"))[2][1]
    assert img["src"] == "/ab12cd34ef56ab12/300.jpg" and (img["width"], img["height"]) == ("300", "200")


def test_cover_html() -> None:
    html = cover_html(photo(), url_prefix="/assets/photos/", alt="ปก")
    (_, _), (_, source), (_, img) = parse(html)
    assert source == {"type": "image/webp", "srcset": "/assets/photos/ab12cd34ef56ab12/cover.webp"}
    assert img["src"] == "/assets/photos/ab12cd34ef56ab12/cover.jpg"
    assert (img["width"], img["height"], img["alt"], img["loading"]) == ("640", "480", "ปก", "lazy")
