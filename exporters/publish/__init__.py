"""The public documents as a static website: pages, PDFs, bilag, calendars and a feed.

`publish_site` is the one entry point (the `publish` verb and Filer › Udgiv
offentlige dokumenter… both call it). What a page shows comes from the
public neutral document, so a closed item's content never reaches the site.
"""

from exporters.publish.site import CprFound, PublicTextsMissing, PublishReport, publish_site

__all__ = ["CprFound", "PublicTextsMissing", "PublishReport", "publish_site"]
