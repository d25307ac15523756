"""An Atom feed of the newest published minutes."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET

ATOM = "http://www.w3.org/2005/Atom"
NEWEST = 50


def feed_bytes(title: str, author: str, entries: list[dict], base_url: str = "") -> bytes:
    """`entries`: dicts with id, title, updated (aware datetime), path, summary."""
    entries = sorted(entries, key=lambda e: (e["updated"], e["id"]), reverse=True)[:NEWEST]
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed", {"{http://www.w3.org/XML/1998/namespace}lang": "da"})
    if base_url:
        feed.set("{http://www.w3.org/XML/1998/namespace}base", base_url.rstrip("/") + "/")
    _text(feed, "id", "tag:referent,2020:udgivelse")
    _text(feed, "title", title)
    epoch = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)
    _text(feed, "updated", _iso(max((e["updated"] for e in entries), default=epoch)))
    ET.SubElement(ET.SubElement(feed, f"{{{ATOM}}}author"), f"{{{ATOM}}}name").text = author
    ET.SubElement(feed, f"{{{ATOM}}}link", {"rel": "self", "href": "referater.atom"})
    for entry in entries:
        node = ET.SubElement(feed, f"{{{ATOM}}}entry")
        _text(node, "id", entry["id"])
        _text(node, "title", entry["title"])
        _text(node, "updated", _iso(entry["updated"]))
        ET.SubElement(
            node,
            f"{{{ATOM}}}link",
            {"rel": "alternate", "type": "text/html", "href": entry["path"]},
        )
        _text(node, "summary", entry["summary"])
    ET.indent(feed)
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True) + b"\n"


def _text(parent: ET.Element, tag: str, text: str) -> None:
    ET.SubElement(parent, f"{{{ATOM}}}{tag}").text = text


def _iso(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
